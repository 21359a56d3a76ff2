-- Linecard schema, version 10 (sqlite dialect): the sign-in throttle's windows in the database,
-- so that instances sharing a PostgreSQL database count failures together (LoginThrottle).
-- A single SQLite server keeps them in memory; the table is here so that both schemas stay
-- alike (--import-sqlite copies table by table).
-- Statements are separated by lines holding only ";;". IF NOT EXISTS: a file whose version
-- row was removed (tst_api_phones rewinds to version 8) runs again without harm.

-- kind: 'account_failure', 'account_success' or 'address_failure'; key: the login (lower
-- case) or the client address; at: milliseconds since 1970 (the database's clock).
CREATE TABLE IF NOT EXISTS login_attempts (
    kind TEXT   NOT NULL,
    key  TEXT   NOT NULL,
    at   BIGINT NOT NULL
)
;;
CREATE INDEX IF NOT EXISTS login_attempts_key ON login_attempts(kind, key, at)
;;
CREATE INDEX IF NOT EXISTS login_attempts_at ON login_attempts(at)
