-- Linecard schema, version 1 (SQLite dialect).
-- Statements are separated by lines holding only ";;" so that triggers may contain ";".

CREATE TABLE people (
    id             INTEGER PRIMARY KEY,
    kind           TEXT    NOT NULL CHECK (kind IN ('employee', 'contact')),
    name           TEXT    NOT NULL,
    login          TEXT    UNIQUE COLLATE NOCASE,
    password_hash  TEXT,
    is_admin       INTEGER NOT NULL DEFAULT 0,
    is_company     INTEGER NOT NULL DEFAULT 0,
    company_id     INTEGER REFERENCES people(id),
    responsible_id INTEGER REFERENCES people(id),
    has_access     INTEGER NOT NULL DEFAULT 0,
    fields         TEXT    NOT NULL DEFAULT '{}',
    merged_into    INTEGER REFERENCES people(id),
    created_at     TEXT    NOT NULL,
    updated_at     TEXT    NOT NULL
)
;;
CREATE INDEX people_kind_name ON people(kind, name, id)
;;
CREATE INDEX people_company ON people(company_id)
;;
CREATE INDEX people_merged ON people(merged_into)
;;
CREATE TABLE extensions (
    extension TEXT    PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE
)
;;
CREATE INDEX extensions_person ON extensions(person_id)
;;
CREATE TABLE phones (
    id        INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    number    TEXT    NOT NULL,
    type      TEXT    NOT NULL DEFAULT '',
    e164      TEXT,
    tail_key  TEXT,
    position  INTEGER NOT NULL DEFAULT 0
)
;;
CREATE INDEX phones_person ON phones(person_id, position)
;;
CREATE INDEX phones_e164 ON phones(e164)
;;
CREATE INDEX phones_tail ON phones(tail_key)
;;
CREATE TABLE emails (
    id        INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    email     TEXT    NOT NULL,
    position  INTEGER NOT NULL DEFAULT 0
)
;;
CREATE INDEX emails_person ON emails(person_id, position)
;;
CREATE TABLE tasks (
    id               INTEGER PRIMARY KEY,
    title            TEXT    NOT NULL,
    description      TEXT    NOT NULL DEFAULT '',
    status           TEXT    NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
    counterparty_id  INTEGER REFERENCES people(id),
    created_by       INTEGER REFERENCES people(id),
    created_at       TEXT    NOT NULL,
    updated_at       TEXT    NOT NULL,
    last_activity_at TEXT    NOT NULL
)
;;
CREATE INDEX tasks_activity ON tasks(last_activity_at, id)
;;
CREATE INDEX tasks_counterparty ON tasks(counterparty_id, last_activity_at)
;;
CREATE TABLE task_members (
    task_id   INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES people(id),
    role      TEXT    NOT NULL CHECK (role IN ('assignee', 'participant')),
    position  INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (task_id, role, person_id)
)
;;
CREATE INDEX task_members_person ON task_members(person_id, task_id)
;;
CREATE TABLE lines (
    id       INTEGER PRIMARY KEY,
    number   TEXT    NOT NULL UNIQUE,
    name     TEXT    NOT NULL DEFAULT '',
    color    TEXT    NOT NULL DEFAULT '#4a90d9',
    e164     TEXT,
    tail_key TEXT
)
;;
CREATE INDEX lines_tail ON lines(tail_key)
;;
CREATE TABLE line_employees (
    line_id   INTEGER NOT NULL REFERENCES lines(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES people(id),
    PRIMARY KEY (line_id, person_id)
)
;;
CREATE TABLE providers (
    id         INTEGER PRIMARY KEY,
    name       TEXT    NOT NULL,
    format     TEXT    NOT NULL CHECK (format IN ('planfix', 'zammad')),
    token_hash TEXT    NOT NULL UNIQUE,
    token_hint TEXT    NOT NULL DEFAULT '',
    pbx_url    TEXT    NOT NULL DEFAULT '',
    pbx_token  TEXT    NOT NULL DEFAULT '',
    created_at TEXT    NOT NULL
)
;;
CREATE TABLE calls (
    id            INTEGER PRIMARY KEY,
    provider_id   INTEGER REFERENCES providers(id),
    external_id   TEXT    NOT NULL,
    direction     TEXT    NOT NULL CHECK (direction IN ('in', 'out')),
    state         TEXT    NOT NULL CHECK (state IN ('ringing', 'answered', 'ended', 'missed')),
    from_number   TEXT    NOT NULL DEFAULT '',
    to_number     TEXT    NOT NULL DEFAULT '',
    line_id       INTEGER REFERENCES lines(id),
    contact_id    INTEGER REFERENCES people(id),
    contact_name  TEXT    NOT NULL DEFAULT '',
    answered_by   INTEGER REFERENCES people(id),
    started_at    TEXT,
    answered_at   TEXT,
    ended_at      TEXT,
    duration      INTEGER NOT NULL DEFAULT 0,
    recording_url TEXT,
    end_reason    TEXT,
    attach_task_id    INTEGER REFERENCES tasks(id),
    attach_comment_id INTEGER,
    handled       INTEGER NOT NULL DEFAULT 0,
    UNIQUE (provider_id, external_id)
)
;;
CREATE INDEX calls_contact ON calls(contact_id)
;;
CREATE INDEX calls_state ON calls(state, started_at)
;;
CREATE TABLE call_targets (
    call_id   INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES people(id),
    extension TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (call_id, person_id)
)
;;
CREATE TABLE comments (
    id         INTEGER PRIMARY KEY,
    task_id    INTEGER REFERENCES tasks(id) ON DELETE CASCADE,
    contact_id INTEGER REFERENCES people(id),
    author_id  INTEGER NOT NULL REFERENCES people(id),
    text       TEXT    NOT NULL,
    created_at TEXT    NOT NULL,
    hidden     INTEGER NOT NULL DEFAULT 0,
    internal   INTEGER NOT NULL DEFAULT 0,
    call_id    INTEGER REFERENCES calls(id),
    CHECK ((task_id IS NULL) <> (contact_id IS NULL))
)
;;
CREATE INDEX comments_task ON comments(task_id, id)
;;
CREATE INDEX comments_contact ON comments(contact_id, id)
;;
CREATE INDEX comments_author ON comments(author_id)
;;
CREATE TABLE comment_people (
    comment_id INTEGER NOT NULL REFERENCES comments(id) ON DELETE CASCADE,
    person_id  INTEGER NOT NULL REFERENCES people(id),
    role       TEXT    NOT NULL CHECK (role IN ('notified', 'visible')),
    position   INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (comment_id, role, person_id)
)
;;
CREATE INDEX comment_people_person ON comment_people(person_id, role, comment_id)
;;
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
)
;;
CREATE TABLE auth_tokens (
    token_hash   TEXT    PRIMARY KEY,
    person_id    INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    created_at   TEXT    NOT NULL,
    last_used_at TEXT    NOT NULL
)
;;
CREATE INDEX auth_tokens_person ON auth_tokens(person_id)
;;
CREATE TABLE events (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    type       TEXT    NOT NULL,
    payload    TEXT    NOT NULL,
    audience   TEXT    NOT NULL,
    created_at TEXT    NOT NULL
)
;;
-- Contact search: one row per live contact (rowid = people.id) holding its name, company,
-- emails and phone digit forms; trigram tokens make every 3+ character fragment an index hit.
CREATE VIRTUAL TABLE contact_search USING fts5(body, tokenize = 'trigram')
;;
-- Task text search (title and description), same trigram approach; rowid = tasks.id.
CREATE VIRTUAL TABLE task_search USING fts5(body, tokenize = 'trigram')
