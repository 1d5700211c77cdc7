package io.gantry.engine.core.internal.events;

import io.gantry.engine.api.event.EventProperties;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers Gantry's events on EventAdmin. Every event goes through one thread, which delivers it
 * synchronously ({@code sendEvent}): an execution's steps happen on many engine threads, and one
 * deliverer keeps every execution's events in causal order on the bus. The engine only enqueues, so
 * a slow handler does not slow it (EventAdmin drops a handler that blocks a delivery for long); the
 * queue is bounded, so when handlers cannot keep up at all the engine is slowed down instead of the
 * backlog growing until the heap is gone — which is what asynchronous posting did under load.
 */
@Component(service = EventPublisher.class)
public final class EventPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(EventPublisher.class);

    /** Events waiting for delivery; beyond this, publishers wait. */
    static final int QUEUE_CAPACITY = 50_000;

    private final EventAdmin eventAdmin;
    private final ExecutorService poster = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(QUEUE_CAPACITY), runnable -> {
                Thread thread = new Thread(runnable, "gantry-event-poster");
                thread.setDaemon(true);
                return thread;
            }, EventPublisher::waitForRoom);

    /**
     * @param eventAdmin the event bus
     */
    @Activate
    public EventPublisher(@Reference EventAdmin eventAdmin) {
        this.eventAdmin = eventAdmin;
    }

    /**
     * Posts an event stamped with the current time; null values are left out.
     *
     * @param topic      one of {@link io.gantry.engine.api.event.Topics}
     * @param properties the event's properties (keys of {@link EventProperties})
     */
    public void publish(String topic, Map<String, ?> properties) {
        Map<String, Object> event = new HashMap<>(properties.size() + 1);
        properties.forEach((key, value) -> {
            if (value != null) {
                event.put(key, value);
            }
        });
        event.put(EventProperties.TIMESTAMP, Instant.now().toString());
        try {
            poster.execute(() -> post(topic, event));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("event {} dropped while stopping", topic);
        }
    }

    /** Backpressure: the publishing engine thread waits until the deliverer has room. */
    private static void waitForRoom(Runnable delivery, ThreadPoolExecutor executor) {
        if (executor.isShutdown()) {
            throw new java.util.concurrent.RejectedExecutionException("stopping");
        }
        try {
            executor.getQueue().put(delivery);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.RejectedExecutionException("interrupted while waiting to publish", e);
        }
    }

    /** @return events queued and not yet delivered */
    public int backlog() {
        return ((ThreadPoolExecutor) poster).getQueue().size();
    }

    private void post(String topic, Map<String, Object> properties) {
        try {
            eventAdmin.sendEvent(new Event(topic, properties));
        } catch (RuntimeException e) {
            LOG.warn("posting {} failed", topic, e);
        }
    }

    @Deactivate
    void stop() throws InterruptedException {
        poster.shutdown();
        poster.awaitTermination(2, TimeUnit.SECONDS);
    }
}
