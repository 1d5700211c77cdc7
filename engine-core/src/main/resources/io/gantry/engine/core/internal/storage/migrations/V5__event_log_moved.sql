-- The event log moved to a database of its own (events.db beside this file; see migrations/events/), so that
-- its writes and pruning never wait for, or hold up, the durable writes of executions. Its old rows are not
-- carried over: a stream client resuming from an epoch before the upgrade is told with a GAP notice.
DROP TABLE event_log;
DROP TABLE event_epoch;
