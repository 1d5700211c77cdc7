package io.gantry.mqtt.bridge.internal;

import io.gantry.engine.api.event.EventLog;
import io.gantry.engine.api.event.LoggedEvent;
import io.gantry.engine.api.metrics.ControllerMetrics;
import io.gantry.engine.api.service.DeviceService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bridge's one publisher thread. Its stream is read from the durable {@link EventLog}, never held
 * in memory: a cursor (epoch, seq) names the last event whose messages the broker acknowledged; the
 * thread reads the log after it a page at a time and publishes in order, a bounded window of messages
 * in flight. While the broker cannot be reached the cursor simply stays; once connected again (a new
 * bdSeq, NBIRTH and DBIRTHs) the thread goes on from the cursor — what was sent but not acknowledged
 * goes again, JSON marked {@code redelivered} — then is live. The cursor is written to disk (at most
 * every 100 ms) so that a restarted controller goes on from it. Woken by the bridge's event handler;
 * idle, it parks.
 */
final class Publisher implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Publisher.class);

    private static final int PAGE = 256;
    private static final long LOG_LAG_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final long CURSOR_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    private static final long ACK_WAIT_MS = 30_000;
    private static final long STOP_WAIT_MS = 2_000;
    private static final long FIRST_RETRY_MS = 500;

    private final BridgeSettings settings;
    private final EventLog log;
    private final Supplier<ControllerMetrics> metrics;
    private final BdSeqStore bdSeqs;
    private final CursorStore cursors;
    private final BiConsumer<String, byte[]> incoming;
    private final EventMessages messages;
    private final SparkplugNode node;

    // shared with other threads
    private final AtomicLong latestSeen = new AtomicLong();
    private final AtomicBoolean rebirth = new AtomicBoolean();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong droppedEvents = new AtomicLong();
    private volatile boolean stopping;
    private volatile boolean linkDown;
    private volatile boolean connected;
    private volatile String lastError;
    private volatile Cursor ackedView;
    private volatile int bdSeqView = -1;
    private final Thread thread;

    // the publisher thread's own
    private MqttLink link;
    private int bdSeq;
    private Cursor read;
    private InFlight inFlight;
    private int redeliver;
    private long cursorWrittenAt;
    private long emptySince;
    private long gaveUpAt;

    /**
     * @param settings the bridge's settings
     * @param log      the event log the stream is read from
     * @param devices  the devices born as Sparkplug devices
     * @param metrics  the controller's metrics, or null while there are none
     * @param bdSeqs   the bdSeq on disk
     * @param cursors  the cursor on disk
     * @param incoming takes the commands that arrive (topic, payload), on Paho's thread: hand off at once
     */
    Publisher(
            BridgeSettings settings,
            EventLog log,
            DeviceService devices,
            Supplier<ControllerMetrics> metrics,
            BdSeqStore bdSeqs,
            CursorStore cursors,
            BiConsumer<String, byte[]> incoming) {
        this.settings = settings;
        this.log = log;
        this.metrics = metrics;
        this.bdSeqs = bdSeqs;
        this.cursors = cursors;
        this.incoming = incoming;
        this.messages = new EventMessages(settings);
        this.node = new SparkplugNode(settings, devices, this::send);
        this.thread = new Thread(this, "gantry-mqtt-publisher");
        thread.setDaemon(true);
    }

    /** Starts the thread. */
    void start() {
        thread.start();
    }

    /**
     * Stops the thread: the last acknowledgements are awaited briefly, the cursor written, NDEATH
     * published and the connection closed.
     */
    void stop() {
        stopping = true;
        LockSupport.unpark(thread);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("MQTT: the publisher thread did not stop within 10 s");
            thread.interrupt();
        }
    }

    /**
     * Called from the event handler: an event of this epoch was delivered. Cheap, never blocks.
     *
     * @param epoch its epoch
     * @param eventSeq its seq
     */
    void seen(String epoch, long eventSeq) {
        if (eventSeq > 0 && epoch.equals(log.epoch())) {
            latestSeen.accumulateAndGet(eventSeq, Math::max);
            LockSupport.unpark(thread);
        }
    }

    /** Asks for NBIRTH and every DBIRTH again (a host's rebirth request). */
    void requestRebirth() {
        rebirth.set(true);
        LockSupport.unpark(thread);
    }

    boolean connected() {
        return connected;
    }

    String lastError() {
        return lastError;
    }

    long published() {
        return published.get();
    }

    long dropped() {
        return droppedEvents.get();
    }

    /** @return the cursor the broker has acknowledged up to; null before the thread began */
    Cursor cursor() {
        return ackedView;
    }

    /** @return this connection's bdSeq, -1 before the first */
    int bdSeq() {
        return bdSeqView;
    }

    /**
     * @return events delivered but not yet acknowledged by the broker; within an earlier epoch counted
     *     as this epoch's events only (the log does not count them)
     */
    long backlog() {
        Cursor at = ackedView;
        long newest = latestSeen.get();
        if (at == null) {
            return 0;
        }
        return at.epoch().equals(log.epoch()) ? Math.max(0, newest - at.seq()) : newest;
    }

    @Override
    public void run() {
        try {
            // what was published before this bridge started counts toward its backlog from the start
            latestSeen.accumulateAndGet(log.lastSeq(), Math::max);
            read = cursors.load().orElse(new Cursor(log.epoch(), 0));
            inFlight = new InFlight(read);
            ackedView = read;
            LOG.info(
                    "MQTT: bridging to {} as {}/{} from event {}",
                    settings.brokerUrl(),
                    settings.groupId(),
                    settings.edgeNodeId(),
                    read);
            long retryMs = 0;
            while (!stopping) {
                try {
                    if (link != null && (linkDown || !link.up())) {
                        throw new LinkLost("the connection dropped");
                    }
                    if (link == null) {
                        if (retryMs > 0 && pause(retryMs)) {
                            break;
                        }
                        if (!connect()) {
                            retryMs = retryMs == 0
                                    ? FIRST_RETRY_MS
                                    : Math.min(retryMs * 2, settings.reconnectMaxDelayMs());
                            continue;
                        }
                        retryMs = 0;
                        births();
                    }
                    if (rebirth.getAndSet(false)) {
                        drain();
                        births();
                    }
                    if (!pump()) {
                        idle();
                    }
                } catch (LinkLost | InFlight.NotAcknowledged e) {
                    lost(e.getMessage());
                    retryMs = Math.max(retryMs, FIRST_RETRY_MS);
                } catch (RuntimeException e) {
                    // a bug or a service gone: say so, and do not spin
                    lastError = e.toString();
                    LOG.error("MQTT: the publisher failed; going on in a second", e);
                    if (pause(1000)) {
                        break;
                    }
                }
            }
        } finally {
            shutdown();
        }
    }

    private boolean connect() {
        int take;
        try {
            take = bdSeqs.take();
        } catch (RuntimeException e) {
            fail("cannot connect: " + e.getMessage());
            return false;
        }
        bdSeq = take;
        linkDown = false;
        try {
            link = MqttLink.connect(
                    settings,
                    node.topic("NDEATH", null),
                    node.death(bdSeq),
                    List.of(node.topic("NCMD", null), node.topic("DCMD", "+")),
                    new MqttLink.Listener() {
                        @Override
                        public void lost(String why) {
                            linkDown = true;
                            lastError = why;
                            LockSupport.unpark(thread);
                        }

                        @Override
                        public void message(String topic, byte[] payload) {
                            incoming.accept(topic, payload);
                        }
                    });
        } catch (Exception e) {
            link = null;
            fail("connecting to " + settings.brokerUrl() + " failed: " + Failures.describe(e));
            return false;
        }
        inFlight.window(link.receiveMaximum());
        bdSeqView = bdSeq;
        connected = true;
        lastError = null;
        ControllerMetrics m = metrics.get();
        if (m != null) {
            m.mqttConnected(true);
        }
        LOG.info(
                "MQTT: connected to {} (bdSeq {}); going on after event {}",
                settings.brokerUrl(),
                bdSeq,
                inFlight.acked());
        return true;
    }

    private void fail(String why) {
        if (!why.equals(lastError)) {
            LOG.warn("MQTT: {}", why);
        }
        lastError = why;
    }

    /** NBIRTH (seq 0) and a DBIRTH for every connected device, with their values now. */
    private void births() {
        track(new InFlight.Pending(read, node.births(bdSeq, log.epoch()), false));
    }

    /** @return whether events were read */
    private boolean pump() {
        bound();
        List<LoggedEvent> page = log.after(read.epoch(), read.seq(), PAGE);
        if (page.isEmpty()) {
            return false;
        }
        emptySince = 0;
        for (LoggedEvent event : page) {
            if (stopping || rebirth.get() || linkDown) {
                break;
            }
            publish(event);
        }
        return true;
    }

    private void publish(LoggedEvent event) {
        boolean again = redeliver > 0;
        if (again) {
            redeliver--;
        }
        List<IMqttToken> tokens = new ArrayList<>(2);
        String topic = event.topic();
        if (settings.bridges(topic)) {
            tokens.add(send(messages.topic(topic), messages.event(event, again), 1));
        }
        node.messagesOf(event).ifPresent(tokens::add);
        read = new Cursor(event.epoch(), event.seq());
        track(new InFlight.Pending(read, tokens, true));
    }

    /**
     * Keeps the stream within maxBacklog of the newest event, and off epochs the log no longer has:
     * skips ahead and announces the drop.
     */
    private void bound() {
        String current = log.epoch();
        if (!read.epoch().equals(current) && !log.knows(read.epoch())) {
            drain();
            Cursor to = log.oldest()
                    .map(e -> new Cursor(e.epoch(), Math.max(0, e.seq() - 1)))
                    .orElse(new Cursor(current, 0));
            announceDrop("epoch-unknown", to, 0, false);
        }
        long newest = latestSeen.get();
        int max = settings.maxBacklog();
        if (read.epoch().equals(current)) {
            if (newest - read.seq() > max) {
                drain();
                Cursor to = new Cursor(current, newest - max);
                announceDrop("backlog", to, to.seq() - read.seq(), true);
            }
        } else {
            boolean over = newest > max
                    || log.after(read.epoch(), read.seq() + max, 1).stream()
                            .anyMatch(e -> e.epoch().equals(read.epoch()));
            if (over) {
                drain();
                Cursor to = new Cursor(current, Math.max(0, newest - max));
                // the rest of the earlier epoch is not counted: at least this epoch's skipped ones
                announceDrop("backlog", to, to.seq(), false);
            }
        }
    }

    private void announceDrop(String reason, Cursor to, long count, boolean exact) {
        Cursor from = read;
        LOG.warn(
                "MQTT: skipping from event {} to {} ({}{} events, {})",
                from,
                to,
                exact ? "" : "at least ",
                count,
                reason);
        IMqttToken token =
                send(messages.droppedTopic(), messages.dropped(reason, from, to, count, exact, Instant.now()), 1);
        read = to;
        droppedEvents.addAndGet(count);
        ControllerMetrics m = metrics.get();
        if (m != null && count > 0) {
            m.mqttDropped(count);
        }
        track(new InFlight.Pending(to, List.of(token), false));
    }

    private IMqttToken send(String topic, byte[] payload, int qos) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ACK_WAIT_MS);
        while (true) {
            try {
                return link.publish(topic, payload, qos);
            } catch (MqttException e) {
                // Paho counts a message in flight a moment after its token completes: that is no failure,
                // wait for the broker's acknowledgements and go on
                if (e.getReasonCode() != MqttClientException.REASON_CODE_MAX_INFLIGHT
                        || System.nanoTime() - deadline > 0
                        || linkDown) {
                    throw new LinkLost("publishing failed: " + Failures.describe(e));
                }
                LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(1));
                settle(false);
            }
        }
    }

    private void track(InFlight.Pending entry) {
        inFlight.add(entry);
        while (inFlight.overWindow()) {
            awaitHead(stopping ? STOP_WAIT_MS : ACK_WAIT_MS);
        }
        settle(false);
    }

    private void awaitHead(long waitMs) {
        inFlight.awaitHead(waitMs);
        settle(false);
    }

    /** Every message in flight acknowledged. */
    private void drain() {
        while (!inFlight.isEmpty()) {
            awaitHead(stopping ? STOP_WAIT_MS : ACK_WAIT_MS);
        }
        settle(true);
    }

    /** Takes the acknowledged messages off the window, and writes the cursor now and then. */
    private void settle(boolean writeNow) {
        long acknowledged = inFlight.settle();
        if (acknowledged > 0) {
            published.addAndGet(acknowledged);
            ControllerMetrics m = metrics.get();
            if (m != null) {
                m.mqttPublished(acknowledged);
            }
        }
        ackedView = inFlight.acked();
        long now = System.nanoTime();
        if (writeNow || now - cursorWrittenAt >= CURSOR_EVERY_NANOS) {
            cursors.save(inFlight.acked());
            cursorWrittenAt = now;
            ControllerMetrics m = metrics.get();
            if (m != null) {
                m.mqttBacklog(backlog());
            }
        }
    }

    private void idle() {
        if (!inFlight.isEmpty()) {
            awaitHead(ACK_WAIT_MS);
            return;
        }
        settle(true);
        long newest = latestSeen.get();
        if (read.epoch().equals(log.epoch()) && newest > read.seq() && newest > gaveUpAt) {
            // the log writes a few ms after delivery: look again shortly
            long now = System.nanoTime();
            if (emptySince == 0) {
                emptySince = now;
            }
            if (now - emptySince < LOG_LAG_NANOS) {
                LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(2));
                return;
            }
            // not kept (shed under overload, or the disk failed): go on once newer ones are there
            LOG.debug("MQTT: events up to {} were delivered but are not in the event log", newest);
            gaveUpAt = newest;
        }
        emptySince = 0;
        LockSupport.parkNanos(this, IDLE_NANOS);
    }

    private void lost(String why) {
        int unacknowledged = inFlight.abandon();
        LOG.warn(
                "MQTT: the link to {} is down ({}); {} events to send again",
                settings.brokerUrl(),
                why,
                unacknowledged);
        if (link != null) {
            link.abandon();
            link = null;
        }
        // and the event after them, whose messages may have gone out in part when a send failed
        redeliver = unacknowledged + 1;
        read = inFlight.acked();
        node.forget();
        connected = false;
        lastError = why;
        ControllerMetrics m = metrics.get();
        if (m != null) {
            m.mqttConnected(false);
        }
    }

    private void shutdown() {
        try {
            if (link != null) {
                try {
                    drain();
                } catch (RuntimeException e) {
                    LOG.info("MQTT: stopping with messages unacknowledged: {}", e.getMessage());
                }
                link.close(node.topic("NDEATH", null), node.death(bdSeq), STOP_WAIT_MS);
                link = null;
                LOG.info("MQTT: NDEATH published and disconnected from {}", settings.brokerUrl());
            }
        } finally {
            connected = false;
            cursors.save(inFlight == null ? read : inFlight.acked());
            ControllerMetrics m = metrics.get();
            if (m != null) {
                m.mqttConnected(false);
                m.mqttBacklog(0);
            }
        }
    }

    /** @return true when stopping */
    private boolean pause(long ms) {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
        while (!stopping) {
            long left = until - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            LockSupport.parkNanos(this, left);
        }
        return true;
    }

    /** The connection failed mid-way: the publisher starts again from its cursor. */
    private static final class LinkLost extends RuntimeException {
        LinkLost(String message) {
            super(message, null, false, false);
        }
    }
}
