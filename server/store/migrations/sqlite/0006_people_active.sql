-- Linecard schema, version 6 (SQLite dialect): employees can be deactivated.
-- Statements are separated by lines holding only ";;".

-- A deactivated employee cannot sign in and leaves the pickers; their tasks, comments
-- and calls stay as they are (reactivation gives everything back).
ALTER TABLE people ADD COLUMN active INTEGER NOT NULL DEFAULT 1
;;
CREATE INDEX people_admins ON people(kind, is_admin, active)
