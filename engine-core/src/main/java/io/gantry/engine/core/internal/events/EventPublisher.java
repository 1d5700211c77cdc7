package io.gantry.engine.core.internal.events;

import io.gantry.engine.api.event.EventProperties;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
 * Posts Gantry's events on EventAdmin. Every post goes through one thread: EventAdmin keeps the
 * order of asynchronous events only per posting thread, and an execution's steps happen on many
 * engine threads — one poster keeps every execution's events in causal order on the bus. Posting is
 * asynchronous, so a slow handler never slows the engine.
 */
@Component(service = EventPublisher.class)
public final class EventPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(EventPublisher.class);

    private final EventAdmin eventAdmin;
    private final ExecutorService poster = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "gantry-event-poster");
        thread.setDaemon(true);
        return thread;
    });

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

    private void post(String topic, Map<String, Object> properties) {
        try {
            eventAdmin.postEvent(new Event(topic, properties));
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
