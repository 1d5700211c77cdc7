package io.gantry.rest.bundle.internal.events;

import java.util.Iterator;
import java.util.List;

/**
 * What one client missed, sent before any live event: notices first, then the events read back from
 * the event log, then those the journal's ring still holds. Built under the journal's lock; read by
 * the client's sending loop (one message at a time), which is when the log part reads the disk.
 */
final class Replay {
    /** Nothing to replay: a client that wants live events only. */
    static final Replay NONE = new Replay(List.of(), null, List.of());

    private final Iterator<String> notices;
    private final Iterator<StreamEvent> fromRing;
    private final boolean empty;
    private LogReplay fromLog;
    // the last seq of the current epoch sent or passed over; live events up to it were replayed
    private volatile long covered;

    /**
     * @param notices  gap notices to send first
     * @param fromLog  the part read from the log, or null
     * @param fromRing the ring's events the client wants, oldest first
     */
    Replay(List<String> notices, LogReplay fromLog, List<StreamEvent> fromRing) {
        this.notices = notices.iterator();
        this.fromLog = fromLog;
        this.fromRing = fromRing.iterator();
        this.empty = notices.isEmpty() && fromLog == null && fromRing.isEmpty();
    }

    /** @return whether there is nothing to send, known without reading the log */
    boolean isEmpty() {
        return empty;
    }

    /** @return the next message, or null when the replay is over */
    String next() {
        if (notices.hasNext()) {
            return notices.next();
        }
        if (fromLog != null) {
            String message = fromLog.next();
            if (message != null) {
                return message;
            }
            covered = Math.max(covered, fromLog.covered());
            fromLog = null;
        }
        if (fromRing.hasNext()) {
            StreamEvent event = fromRing.next();
            covered = Math.max(covered, event.seq());
            return event.json();
        }
        return null;
    }

    /**
     * @param seq the seq of a live event of the current epoch
     * @return whether the replay already sent it (read from the log while it was on its way live)
     */
    boolean covers(long seq) {
        return seq <= covered;
    }
}
