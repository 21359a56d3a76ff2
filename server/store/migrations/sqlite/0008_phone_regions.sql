-- Linecard schema, version 8 (SQLite dialect): phone numbers by libphonenumber.
-- Statements are separated by lines holding only ";;".

-- The region a line's PBX trunk sends national numbers in ("GB"); NULL: the account's.
ALTER TABLE lines ADD COLUMN region TEXT
;;
-- The contacts' numbers are normalised again after this script, in C++ (libphonenumber):
-- E.164 text, keys and search forms (see PhoneRenormaliser).
