-- Linecard schema, version 11 (sqlite dialect): a call keeps the name of its line when an
-- administrator deletes the line (line_id becomes NULL), so the history can show the call as
-- "Sales (deleted)" instead of as a call that came in on no line. NULL: the line exists, or
-- the call came in on none.
-- Statements are separated by lines holding only ";;".

ALTER TABLE calls ADD COLUMN deleted_line_name TEXT
