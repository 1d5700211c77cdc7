-- The durable event log: every gantry/* event, numbered by epoch (one per start of the controller) and seq.
-- Epochs are numbered by SQLite in the order the controller started, so (epoch_no, seq) orders the whole log.
CREATE TABLE event_epoch (
    no INTEGER PRIMARY KEY AUTOINCREMENT,
    epoch TEXT NOT NULL UNIQUE,
    started_at INTEGER NOT NULL
);
-- One row per commit of the writer: the events first_seq..last_seq of one epoch, in order, as one JSON array
-- of {"seq", "topic", "properties"}. A row per event cost a b-tree insert for each of tens of thousands of
-- events a second; a row per batch costs one. events_in is how many the row holds (seqs may have holes
-- where the writer could not keep up); upto counts the events of the log up to and including this row, so
-- retention by count needs no scan. no orders the rows as they were written, which is log order.
CREATE TABLE event_batch (
    no INTEGER PRIMARY KEY AUTOINCREMENT,
    epoch_no INTEGER NOT NULL REFERENCES event_epoch (no),
    first_seq INTEGER NOT NULL,
    last_seq INTEGER NOT NULL,
    at INTEGER NOT NULL,
    events_in INTEGER NOT NULL,
    upto INTEGER NOT NULL,
    events TEXT NOT NULL
);
CREATE INDEX event_batch_seq ON event_batch (epoch_no, last_seq);
CREATE INDEX event_batch_at ON event_batch (at);
CREATE INDEX event_batch_upto ON event_batch (upto);
