-- Linecard schema, version 3 (SQLite dialect): contact search in name order.
-- Statements are separated by lines holding only ";;".

-- A live contact's place in (name, id) order, spaced out (store/contactsearchorder.h):
-- the rowid of its search row, so that search reads its matches already in the order it
-- answers in and stops at the page size instead of sorting every match.
ALTER TABLE people ADD COLUMN search_key INTEGER
;;
-- ContactSearchOrder::assignAll(): FirstKey + (n - 1) × Step, FirstKey = 2^30, Step = 2^10.
WITH ranked AS (SELECT id, row_number() OVER (ORDER BY name, id) AS n FROM people
                WHERE kind = 'contact' AND merged_into IS NULL)
UPDATE people SET search_key = 1073741824 + (ranked.n - 1) * 1024
FROM ranked WHERE ranked.id = people.id
;;
CREATE UNIQUE INDEX people_search_key ON people(search_key)
;;
-- The search rows move from rowid = people.id to rowid = people.search_key.
CREATE VIRTUAL TABLE contact_search_by_key USING fts5(body, tokenize = 'trigram')
;;
INSERT INTO contact_search_by_key(rowid, body)
SELECT p.search_key, s.body FROM contact_search s JOIN people p ON p.id = s.rowid
WHERE p.search_key IS NOT NULL ORDER BY p.search_key
;;
DROP TABLE contact_search
;;
ALTER TABLE contact_search_by_key RENAME TO contact_search
