-- Linecard schema, version 4 (SQLite dialect): the administrators' integration log.
-- Statements are separated by lines holding only ";;".

-- The latest PBX requests as they arrived (secrets masked) with the answer given and the
-- call events each produced; pruned to a fixed number of rows on insert.
CREATE TABLE integration_log (
    id             INTEGER PRIMARY KEY,
    received_at    TEXT    NOT NULL,
    provider_id    INTEGER REFERENCES providers(id) ON DELETE SET NULL,
    provider_name  TEXT    NOT NULL DEFAULT '',
    remote_address TEXT    NOT NULL DEFAULT '',
    method         TEXT    NOT NULL,
    path           TEXT    NOT NULL,
    headers        TEXT    NOT NULL,
    body           TEXT    NOT NULL,
    status         INTEGER NOT NULL,
    answer         TEXT    NOT NULL,
    call_id        INTEGER,
    external_id    TEXT    NOT NULL DEFAULT '',
    numbers        TEXT    NOT NULL DEFAULT '',
    events         TEXT    NOT NULL DEFAULT '[]'
)
;;
CREATE INDEX integration_log_external ON integration_log(external_id, id)
;;
CREATE INDEX integration_log_call ON integration_log(call_id, id)
