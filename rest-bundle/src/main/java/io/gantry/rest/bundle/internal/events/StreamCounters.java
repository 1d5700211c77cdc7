package io.gantry.rest.bundle.internal.events;

import io.gantry.engine.api.metrics.ControllerMetrics;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Figures of the stream that outlive any one client; read by health, and passed on to the
 * controller's metrics when they are there.
 */
final class StreamCounters {
    private final AtomicLong eventsSent = new AtomicLong();
    private final AtomicLong clientsDropped = new AtomicLong();
    private volatile ControllerMetrics metrics;

    /** @param newMetrics the metrics to feed from now on, or null */
    void feed(ControllerMetrics newMetrics) {
        metrics = newMetrics;
    }

    void connected() {
        ControllerMetrics m = metrics;
        if (m != null) {
            m.webSocketClientConnected();
        }
    }

    void disconnected() {
        ControllerMetrics m = metrics;
        if (m != null) {
            m.webSocketClientDisconnected();
        }
    }

    /** @param messages how many messages one write took to a client */
    void sent(int messages) {
        eventsSent.addAndGet(messages);
        ControllerMetrics m = metrics;
        if (m != null) {
            // the metrics count one message at a time
            for (int i = 0; i < messages; i++) {
                m.webSocketEventSent();
            }
        }
    }

    void dropped() {
        clientsDropped.incrementAndGet();
        ControllerMetrics m = metrics;
        if (m != null) {
            m.webSocketClientDropped("too-slow");
        }
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
