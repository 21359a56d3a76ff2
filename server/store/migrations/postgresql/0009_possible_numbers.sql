-- Linecard schema, version 9 (PostgreSQL dialect, as SQLite's 0009): numbers stored before version 8 that
-- libphonenumber finds possible but not valid (old allocations) match callers again.
-- Statements are separated by lines holding only ";;".

-- Nothing changes in the tables: after this script, in C++, the numbers are normalised again
-- and possible ones get their E.164 and tail key for matching (see PhoneRenormaliser).
