-- Linecard schema, version 12 (SQLite dialect): contact search reads the postings of its
-- grams in search-key order (store/contactgrams.h): every trigram and every 4-digit window
-- of each contact's search row, as ASCII tokens, rowid = the search key. Contentless (the
-- rows are in contact_search), positions and sizes not kept: a doclist of keys per token.
-- After this script, in C++, the grams of every search row are written.
-- Statements are separated by lines holding only ";;". Dropped first: a file whose version
-- row was removed (tst_api_phones rewinds to version 8) runs again without harm.
DROP TABLE IF EXISTS contact_grams
;;
CREATE VIRTUAL TABLE contact_grams USING fts5(grams, content = '', detail = none,
    columnsize = 0, tokenize = 'ascii')
