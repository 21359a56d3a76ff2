-- Linecard schema, version 5 (SQLite dialect): read marks, for the task list's unread counts.
-- Statements are separated by lines holding only ";;".

-- How far each person has read each task's thread: the comments after that id, visible to
-- them and not their own, are unread. No row: nothing read yet.
CREATE TABLE task_reads (
    person_id            INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    task_id              INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
    last_read_comment_id INTEGER NOT NULL,
    read_at              TEXT    NOT NULL,
    PRIMARY KEY (person_id, task_id)
) WITHOUT ROWID
;;
