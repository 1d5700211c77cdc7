-- Gantry storage, schema version 2: users, their API tokens, the audit trail, and who started
-- an execution. Instants are INTEGER nanoseconds since the epoch, as in V1; roles are stored as
-- Role.id() (viewer, operator, engineer, admin).

-- A user without a password_hash logs in with tokens only.
CREATE TABLE user_account (
    name          TEXT    PRIMARY KEY,
    role          TEXT    NOT NULL,
    password_hash TEXT,
    created_at    INTEGER NOT NULL
);

-- Only the SHA-256 of a token's secret is kept. owner is not a foreign key: removing a user
-- keeps its tokens, revoked, so that the audit trail's tok_ ids still name something.
CREATE TABLE api_token (
    id            TEXT    PRIMARY KEY,
    name          TEXT    NOT NULL,
    owner         TEXT    NOT NULL,
    role          TEXT    NOT NULL,
    secret_sha256 TEXT    NOT NULL UNIQUE,
    created_at    INTEGER NOT NULL,
    expires_at    INTEGER,
    last_used_at  INTEGER,
    revoked_at    INTEGER
);

CREATE INDEX api_token_by_owner ON api_token (owner);

-- AUTOINCREMENT: ids only ever increase, even once retention has emptied the table.
CREATE TABLE audit (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    at      INTEGER NOT NULL,
    who     TEXT    NOT NULL,
    action  TEXT    NOT NULL,
    target  TEXT    NOT NULL,
    outcome TEXT    NOT NULL,
    status  INTEGER NOT NULL,
    source  TEXT    NOT NULL,
    detail  TEXT    NOT NULL
);

CREATE INDEX audit_by_time ON audit (at);
CREATE INDEX audit_by_who ON audit (who, at);

-- NULL for executions recorded before this version, whose starter is not known.
ALTER TABLE execution ADD COLUMN started_by TEXT;
