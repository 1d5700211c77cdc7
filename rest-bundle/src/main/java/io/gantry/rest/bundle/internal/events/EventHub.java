package io.gantry.rest.bundle.internal.events;

import io.gantry.engine.api.event.EventLog;
import io.gantry.engine.api.metrics.ControllerMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventHandler;
import org.osgi.service.event.propertytypes.EventTopics;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives every {@code gantry/*} EventAdmin event, numbers it and hands it to the connected
 * WebSocket clients through the {@link EventJournal}. Its JSON is written once, by the sending loop of
 * the first client that needs it, and never while no client does. The EventAdmin thread only reads
 * the ids the filters need and enqueues: no client can make it wait.
 */
@Component(service = {EventHandler.class, EventHub.class})
@EventTopics("gantry/*")
@Designate(ocd = EventHubConfiguration.class)
public final class EventHub implements EventHandler {
    private static final Logger LOG = LoggerFactory.getLogger(EventHub.class);

    private final EventJson json = new EventJson(Instant::now);
    private final StreamCounters counters = new StreamCounters();
    private final EventJournal journal;
    private final int clientQueueSize;
    private final long clientQueueBytes;
    private final boolean numbered;
    private volatile boolean unnumberedSeen;
    private final Duration idleTimeout;
    // pings every client and runs their sending loops, which never block: a few threads suffice
    private final ScheduledExecutorService workers;

    /**
     * A hub with nothing to read back beyond its ring.
     *
     * @param config buffer, queue and keep-alive settings
     */
    public EventHub(EventHubConfiguration config) {
        this(config, null);
    }

    /**
     * @param config buffer, queue and keep-alive settings
     * @param log    the controller's event log, from which clients resume across restarts; null without
     */
    @Activate
    public EventHub(
            EventHubConfiguration config,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
                    EventLog log) {
        if (config.clientQueueSize() < 1) {
            throw new IllegalArgumentException("clientQueueSize must be at least 1, was " + config.clientQueueSize());
        }
        journal = new EventJournal(config.bufferSize(), json, log);
        numbered = log != null;
        clientQueueSize = config.clientQueueSize();
        clientQueueBytes = Math.max(1, config.clientQueueBytes());
        idleTimeout = Duration.ofSeconds(Math.max(1, config.idleTimeoutSeconds()));
        workers = Executors.newScheduledThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "gantry-events");
            thread.setDaemon(true);
            return thread;
        });
        int every = config.pingIntervalSeconds();
        if (every > 0) {
            workers.scheduleAtFixedRate(this::pingAll, every, every, TimeUnit.SECONDS);
        }
        LOG.info(
                "event stream buffers {} events, {} or {} MiB per client",
                config.bufferSize(),
                clientQueueSize,
                clientQueueBytes >> 20);
    }

    @Override
    public void handleEvent(Event event) {
        try {
            EventDraft draft = json.draft(event);
            if (numbered && draft.seq() == 0) {
                // not published by the controller: not in its log, and a number of ours would collide
                if (!unnumberedSeen) {
                    unnumberedSeen = true;
                    LOG.warn("not streaming {}: gantry/* events come from the controller, numbered", event.getTopic());
                }
                return;
            }
            journal.publish(draft);
        } catch (RuntimeException e) {
            // EventAdmin blacklists a handler that throws; one odd event must not end the stream
            LOG.error("cannot stream event {}", event.getTopic(), e);
        }
    }

    /**
     * Connects a client.
     *
     * @param sink    its connection
     * @param request its query options
     * @return the client, to pass to {@link #disconnect} when the connection closes
     */
    StreamClient connect(ClientSink sink, StreamRequest request) {
        StreamClient client = new StreamClient(
                sink, request.filter(), new ClientBound(clientQueueSize, clientQueueBytes), counters, workers);
        journal.subscribe(client, request.since());
        counters.connected();
        LOG.debug(
                "event stream client {} connected (since={}, {})", sink.describe(), request.since(), request.filter());
        return client;
    }

    /** @param client a client whose connection closed */
    void disconnect(StreamClient client) {
        journal.unsubscribe(client);
        counters.disconnected();
    }

    /** @param metrics the controller's metrics, fed with client and event counts while present */
    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindMetrics(ControllerMetrics metrics) {
        counters.feed(metrics);
    }

    void unbindMetrics(ControllerMetrics metrics) {
        counters.feed(null);
    }

    private void pingAll() {
        try {
            journal.clients().forEach(StreamClient::ping);
        } catch (RuntimeException e) {
            LOG.warn("pinging event stream clients failed", e);
        }
    }

    @Deactivate
    void stop() {
        workers.shutdownNow();
        // 1001 "going away": clients should reconnect with since= once the controller is back
        journal.clients().forEach(client -> client.close(1001, "event stream stopping"));
    }

    /** @return how long Jetty keeps a connection without traffic */
    Duration idleTimeout() {
        return idleTimeout;
    }

    /** @return clients connected now */
    public int clients() {
        return journal.clients().size();
    }

    /** @return the seq of the newest event, 0 before the first */
    public long lastSeq() {
        return journal.lastSeq();
    }

    /** @return the epoch of the newest event, or null when not known yet */
    public String epoch() {
        return journal.epoch();
    }

    /** @return events buffered for replay */
    public int buffered() {
        return journal.buffered();
    }

    /** @return messages written to clients since start */
    public long eventsSent() {
        return counters.eventsSent();
    }

    /** @return clients closed for being too slow since start */
    public long clientsDropped() {
        return counters.clientsDropped();
    }
}
