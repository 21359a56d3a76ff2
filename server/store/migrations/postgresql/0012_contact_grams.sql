-- Linecard schema, version 12 (PostgreSQL dialect): contact search reads the postings of its
-- grams in search-key order (store/contactgrams.h): every trigram and every 4-digit window of
-- each contact's search row, as 32-bit token codes, key = the search key. The pg_trgm index
-- on contact_search goes: terms of 3+ characters go through the grams, shorter ones it never
-- served (tasks' search keeps its own).
-- After this script, in C++, the grams of every search row are written (and the primary key
-- built after them); once committed, the server runs VACUUM (ANALYZE) on it (statistics for
-- the planner, the visibility map for index-only reads: ContactGrams::settle).
-- Statements are separated by lines holding only ";;".
CREATE TABLE IF NOT EXISTS contact_grams (
    token INTEGER NOT NULL,
    key   BIGINT  NOT NULL,
    PRIMARY KEY (token, key)
)
;;
DROP INDEX IF EXISTS contact_search_body
