-- Gantry storage, schema version 1.
-- Instants are stored as INTEGER nanoseconds since the epoch (exact, and they sort correctly);
-- JSON columns hold what Jackson writes for the engine-api records.
-- One statement per ';' at the end of a line (see Migrations).

CREATE TABLE pipeline (
    id             TEXT    PRIMARY KEY,
    latest_version INTEGER NOT NULL
);

CREATE TABLE pipeline_version (
    pipeline_id TEXT    NOT NULL REFERENCES pipeline (id) ON DELETE CASCADE,
    version     INTEGER NOT NULL,
    saved_at    INTEGER NOT NULL,
    definition  TEXT    NOT NULL,
    PRIMARY KEY (pipeline_id, version)
);

CREATE TABLE device (
    id                  TEXT    PRIMARY KEY,
    type                TEXT    NOT NULL,
    name                TEXT    NOT NULL,
    config              TEXT    NOT NULL,
    should_be_connected INTEGER NOT NULL
);

-- seq orders executions that started in the same nanosecond by insertion.
CREATE TABLE execution (
    seq              INTEGER PRIMARY KEY AUTOINCREMENT,
    id               TEXT    NOT NULL UNIQUE,
    pipeline_id      TEXT,
    pipeline_version INTEGER NOT NULL,
    status           TEXT    NOT NULL,
    started_at       INTEGER NOT NULL,
    finished_at      INTEGER,
    duration_ms      INTEGER,
    done             INTEGER NOT NULL,
    total            INTEGER NOT NULL,
    nodes            TEXT    NOT NULL,
    error            TEXT
);

CREATE INDEX execution_by_start ON execution (started_at DESC, seq DESC);
CREATE INDEX execution_by_pipeline ON execution (pipeline_id, started_at DESC);
CREATE INDEX execution_by_status ON execution (status);
