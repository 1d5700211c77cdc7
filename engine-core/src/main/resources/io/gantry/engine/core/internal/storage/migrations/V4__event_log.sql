-- The durable event log: every gantry/* event, numbered by epoch (one per start of the controller) and seq.
-- Epochs are numbered by SQLite in the order the controller started, so (epoch_no, seq) orders the whole log.
CREATE TABLE event_epoch (
    no INTEGER PRIMARY KEY AUTOINCREMENT,
    epoch TEXT NOT NULL UNIQUE,
    started_at INTEGER NOT NULL
);
CREATE TABLE event_log (
    epoch_no INTEGER NOT NULL REFERENCES event_epoch (no),
    seq INTEGER NOT NULL,
    at INTEGER NOT NULL,
    topic TEXT NOT NULL,
    properties TEXT NOT NULL,
    PRIMARY KEY (epoch_no, seq)
) WITHOUT ROWID;
CREATE INDEX event_log_at ON event_log (at);
