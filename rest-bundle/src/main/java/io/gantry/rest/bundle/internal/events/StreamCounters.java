package io.gantry.rest.bundle.internal.events;

import java.util.concurrent.atomic.AtomicLong;

/** Figures of the stream that outlive any one client; read by health and, later, metrics. */
final class StreamCounters {
    private final AtomicLong eventsSent = new AtomicLong();
    private final AtomicLong clientsDropped = new AtomicLong();

    void sent() {
        eventsSent.incrementAndGet();
    }

    void dropped() {
        clientsDropped.incrementAndGet();
    }

    /** @return messages written to clients since start */
    long eventsSent() {
        return eventsSent.get();
    }

    /** @return clients closed for being too slow since start */
    long clientsDropped() {
        return clientsDropped.get();
    }
}
