-- Linecard schema, version 7 (SQLite dialect): the PBX queue a call came through, and the
-- operator who marked a stuck call as ended.
-- Statements are separated by lines holding only ";;".

ALTER TABLE calls ADD COLUMN queue TEXT
;;
ALTER TABLE calls ADD COLUMN ended_by INTEGER REFERENCES people(id)
