package io.gantry.engine.core.internal.events;

import io.gantry.engine.api.event.EventProperties;
import io.gantry.engine.api.event.Topics;
import io.gantry.engine.api.health.HealthCheck;
import io.gantry.engine.api.health.HealthStatus;
import io.gantry.engine.core.internal.health.HealthPart;
import io.gantry.engine.core.internal.time.IsoInstants;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers Gantry's events on EventAdmin, and never makes the engine wait for them.
 *
 * <p>Every event goes through one thread, which delivers it synchronously ({@code sendEvent}): an
 * execution's steps happen on many engine threads, and one deliverer keeps every execution's events
 * in causal order on the bus. The engine only enqueues. The queue is bounded: when handlers cannot
 * keep up, new events are dropped and counted, and a {@link Topics#EVENTS_DROPPED} notice takes
 * their place in the stream — an observer may miss steps, but a run's timing never
 * depends on who watches it, and the heap never fills with a backlog. Execution records are stored
 * by the journal, not from events, so they stay complete.
 *
 * <p>The deliverer numbers each event as it delivers it ({@code epoch}, {@code seq}: the order every
 * handler sees) and hands it to the durable {@link EventJournal}, which writes it in the background.
 *
 * <p>The launcher turns EventAdmin's per-handler timeout off ({@code org.apache.felix.eventadmin.Timeout=0}):
 * with it, Felix hands every event to a pool thread per handler and waits, which limited delivery to a
 * few thousand events a second. Instead a {@link StuckDeliveryWatch} reports a handler that holds a
 * delivery for long, by name, and this part's health goes DOWN while it does.
 */
@Component(service = {EventPublisher.class, HealthCheck.class})
@HealthPart("eventbus")
public final class EventPublisher implements HealthCheck {
    private static final Logger LOG = LoggerFactory.getLogger(EventPublisher.class);

    /** Events waiting for delivery; beyond this, new ones are dropped. */
    static final int QUEUE_CAPACITY = 65_536;
    /** A delivery held longer than this is reported as stuck. */
    static final long STUCK_AFTER_MS = 5_000;
    /** How long deactivation lets the deliverer finish the backlog before it interrupts it. */
    static final long DRAIN_MS = 2_000;

    private final EventAdmin eventAdmin;
    private final EventRecorder recorder;
    private final BlockingQueue<Pending> queue;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong droppedSinceNotice = new AtomicLong();
    // how many events had been accepted when the drops not yet announced began: the notice goes
    // out once those are delivered, where the lost events would have been
    private volatile long dropsBeganAfter;
    private long delivered; // deliverer thread only
    private long seq; // deliverer thread only: the number of the last event delivered in this epoch
    private final Thread poster;
    private final StuckDeliveryWatch watch;
    private final long drainMs;
    private volatile boolean stopping;

    /**
     * @param eventAdmin the event bus
     * @param journal    the durable event log, which gives the epoch and keeps every event delivered
     */
    @Activate
    public EventPublisher(@Reference EventAdmin eventAdmin, @Reference EventJournal journal) {
        this(eventAdmin, journal, QUEUE_CAPACITY, STUCK_AFTER_MS, DRAIN_MS);
    }

    /**
     * A publisher whose events are numbered but kept nowhere: for tests and tools without a database.
     *
     * @param eventAdmin the event bus
     */
    public EventPublisher(EventAdmin eventAdmin) {
        this(eventAdmin, EventRecorder.NONE, QUEUE_CAPACITY, STUCK_AFTER_MS, DRAIN_MS);
    }

    EventPublisher(EventAdmin eventAdmin, int capacity, long stuckAfterMs, long drainMs) {
        this(eventAdmin, EventRecorder.NONE, capacity, stuckAfterMs, drainMs);
    }

    EventPublisher(EventAdmin eventAdmin, EventRecorder recorder, int capacity, long stuckAfterMs, long drainMs) {
        this.eventAdmin = eventAdmin;
        this.recorder = recorder;
        this.drainMs = drainMs;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.poster = new Thread(this::deliverLoop, "gantry-event-poster");
        poster.setDaemon(true);
        this.watch = new StuckDeliveryWatch(poster, stuckAfterMs);
        poster.start();
    }

    /** An event accepted and not yet delivered: numbered only when it is, so seq order is delivery order. */
    private record Pending(String topic, Map<String, Object> properties) {}

    /**
     * Queues an event stamped with the current time; null values are left out, the others reduced to
     * plain JSON values ({@link PlainValues}). Never blocks: when the queue is full the event is dropped
     * and counted.
     *
     * @param topic      one of {@link io.gantry.engine.api.event.Topics}
     * @param properties the event's properties (keys of {@link EventProperties})
     */
    public void publish(String topic, Map<String, ?> properties) {
        Map<String, Object> values = new HashMap<>(properties.size() + 4);
        properties.forEach((key, value) -> {
            if (value != null) {
                values.put(key, PlainValues.plain(value));
            }
        });
        values.put(EventProperties.TIMESTAMP, IsoInstants.format(Instant.now()));
        if (!stopping && queue.offer(new Pending(topic, values))) {
            accepted.incrementAndGet();
            return;
        }
        dropped.incrementAndGet();
        if (droppedSinceNotice.getAndIncrement() == 0) {
            dropsBeganAfter = accepted.get();
        }
    }

    /** @return events queued and not yet delivered */
    public int backlog() {
        return queue.size();
    }

    /** @return events dropped since start because the queue was full */
    public long dropped() {
        return dropped.get();
    }

    private void deliverLoop() {
        while (!stopping || !queue.isEmpty()) {
            Pending next;
            try {
                next = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                // only stop() interrupts, once the backlog did not drain in time: what is left is lost
                Thread.currentThread().interrupt();
                dropUndelivered();
                return;
            }
            if (next != null) {
                deliver(next);
                delivered++;
            }
            if (droppedSinceNotice.get() > 0 && delivered >= dropsBeganAfter) {
                deliver(droppedNotice(droppedSinceNotice.getAndSet(0)));
            }
        }
    }

    private void dropUndelivered() {
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        long unannounced = droppedSinceNotice.getAndSet(0);
        dropped.addAndGet(left.size());
        if (!left.isEmpty() || unannounced > 0) {
            Map<String, Long> byTopic =
                    left.stream().collect(Collectors.groupingBy(Pending::topic, TreeMap::new, Collectors.counting()));
            LOG.warn(
                    "event delivery stopped after {} ms with {} events undelivered {} (and {} dropped earlier "
                            + "never announced); observers miss them, execution records are complete",
                    drainMs,
                    left.size(),
                    byTopic,
                    unannounced);
        }
    }

    private static Pending droppedNotice(long lost) {
        LOG.warn("{} events were dropped: handlers could not keep up", lost);
        Map<String, Object> properties = new HashMap<>();
        properties.put(EventProperties.DROPPED, lost);
        properties.put(EventProperties.TIMESTAMP, IsoInstants.format(Instant.now()));
        return new Pending(Topics.EVENTS_DROPPED, properties);
    }

    /** Numbers the event, hands it to the log and sends it: every handler sees it with its number. */
    private void deliver(Pending pending) {
        Map<String, Object> properties = pending.properties();
        properties.put(EventProperties.EPOCH, recorder.epoch());
        properties.put(EventProperties.SEQ, ++seq);
        recorder.append(seq, pending.topic(), properties);
        Event event = new Event(pending.topic(), properties);
        watch.started(event.getTopic());
        try {
            eventAdmin.sendEvent(event);
        } catch (RuntimeException e) {
            LOG.warn("posting {} failed", event.getTopic(), e);
        } finally {
            watch.ended();
        }
    }

    @Override
    public String part() {
        return "eventbus";
    }

    @Override
    public HealthStatus check() {
        String stuck = watch.stuckHandler();
        if (stuck != null) {
            return HealthStatus.down("event delivery stuck in " + stuck);
        }
        return HealthStatus.up(Map.of("backlog", backlog(), "dropped", dropped()));
    }

    @Deactivate
    void stop() throws InterruptedException {
        stopping = true;
        poster.join(drainMs);
        poster.interrupt();
        // a handler that ignores the interrupt keeps the (daemon) deliverer; stop waiting for it
        poster.join(drainMs);
        watch.close();
    }
}
