package io.gantry.rest.bundle.internal.events;

import io.gantry.engine.api.event.EventLog;
import io.gantry.engine.api.event.LoggedEvent;
import java.util.ArrayDeque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The part of a replay read back from the {@link EventLog}: every event after a cursor that the
 * client's filter wants, a page at a time, up to where the journal's ring takes over. Numbers missing
 * from the log (events shed under overload, or deleted by retention) become gap notices, so the client
 * knows what it did not get. Read only by the client's sending loop, one message at a time.
 */
final class LogReplay {
    private static final Logger LOG = LoggerFactory.getLogger(LogReplay.class);
    private static final int PAGE = 500;

    private final EventLog log;
    private final EventJson json;
    private final StreamFilter filter;
    private final String currentEpoch;
    private final long ringFrom;
    private final ArrayDeque<String> ready = new ArrayDeque<>();

    private String atEpoch;
    private long atSeq;
    private List<LoggedEvent> page = List.of();
    private int index;
    private boolean done;

    /**
     * @param log          the event log
     * @param json         writes the messages
     * @param filter       the events the client wants
     * @param epoch        the epoch of the last event the client has
     * @param afterSeq     that event's seq, 0 for the start of the epoch
     * @param currentEpoch this start's epoch
     * @param ringFrom     the seq of this epoch from which the ring holds every event, so the log is
     *                     read only up to there; {@link Long#MAX_VALUE} to read the log to its end
     */
    LogReplay(
            EventLog log,
            EventJson json,
            StreamFilter filter,
            String epoch,
            long afterSeq,
            String currentEpoch,
            long ringFrom) {
        this.log = log;
        this.json = json;
        this.filter = filter;
        this.currentEpoch = currentEpoch;
        this.ringFrom = ringFrom;
        this.atEpoch = epoch;
        this.atSeq = afterSeq;
    }

    /** @return the next message for the client, or null when this part is done */
    String next() {
        while (ready.isEmpty() && !done) {
            step();
        }
        return ready.poll();
    }

    /** @return the last seq of the current epoch this part went past, 0 when none */
    long covered() {
        return currentEpoch.equals(atEpoch) ? atSeq : 0;
    }

    private void step() {
        if (index == page.size() && !nextPage()) {
            finish();
            return;
        }
        LoggedEvent event = page.get(index++);
        boolean current = currentEpoch.equals(event.epoch());
        if (current && event.seq() >= ringFrom) {
            finish();
            return;
        }
        long expected = event.epoch().equals(atEpoch) ? atSeq + 1 : 1;
        if (event.seq() > expected) {
            ready.add(GapNotice.of(json, event.epoch(), expected, event.seq() - 1));
        }
        atEpoch = event.epoch();
        atSeq = event.seq();
        StreamEvent message = json.draft(event).numbered(event.seq());
        if (filter.matches(message)) {
            ready.add(message.json());
        }
    }

    private boolean nextPage() {
        try {
            page = log.after(atEpoch, atSeq, PAGE);
        } catch (RuntimeException e) {
            // the rest of the replay cannot be read: say from where, and let the live events follow
            LOG.warn("cannot read the event log after {}:{}", atEpoch, atSeq, e);
            ready.add(GapNotice.of(json, atEpoch, atSeq + 1, null));
            page = List.of();
            index = 0;
            done = true;
            return false;
        }
        index = 0;
        return !page.isEmpty();
    }

    private void finish() {
        if (done) {
            return;
        }
        done = true;
        // the log ended before the ring's first event: those in between were never written
        long reached = covered();
        if (ringFrom != Long.MAX_VALUE && reached + 1 < ringFrom) {
            ready.add(GapNotice.of(json, currentEpoch, reached + 1, ringFrom - 1));
        }
    }
}
