-- Linecard schema, version 2 (SQLite dialect): telephony.
-- Statements are separated by lines holding only ";;".

-- One row per extension a call rings (a leg): its window opens while it rings and closes
-- when a colleague answers or the PBX cancels that leg.
ALTER TABLE call_targets ADD COLUMN state TEXT NOT NULL DEFAULT 'ringing'
    CHECK (state IN ('ringing', 'answered', 'closed'))
;;
-- The comment that carries the call record (ours, or the one the operator attached it to).
ALTER TABLE calls ADD COLUMN record_comment_id INTEGER
;;
-- The other party's number as a tail key: a call back or a later answered call from the
-- same number closes the missed calls from it.
ALTER TABLE calls ADD COLUMN remote_key TEXT
;;
CREATE INDEX calls_remote ON calls(remote_key, state)
;;
CREATE INDEX lines_e164 ON lines(e164)
;;
-- Every PBX request as it arrived, stored with the state change it caused (the
-- administrators' integration log reads it).
CREATE TABLE call_events (
    id          INTEGER PRIMARY KEY,
    provider_id INTEGER REFERENCES providers(id) ON DELETE SET NULL,
    call_id     INTEGER REFERENCES calls(id) ON DELETE CASCADE,
    external_id TEXT    NOT NULL DEFAULT '',
    kind        TEXT    NOT NULL,
    payload     TEXT    NOT NULL,
    received_at TEXT    NOT NULL
)
;;
CREATE INDEX call_events_call ON call_events(call_id, id)
;;
-- A recording link that came before any event of its call; applied when the call appears.
CREATE TABLE pending_recordings (
    provider_id INTEGER NOT NULL REFERENCES providers(id) ON DELETE CASCADE,
    external_id TEXT    NOT NULL,
    url         TEXT    NOT NULL,
    received_at TEXT    NOT NULL,
    PRIMARY KEY (provider_id, external_id)
)
