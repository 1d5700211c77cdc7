package io.gantry.engine.core.internal.events;

import io.gantry.engine.api.event.EventLog;
import io.gantry.engine.api.event.LoggedEvent;
import io.gantry.engine.api.health.HealthCheck;
import io.gantry.engine.api.health.HealthStatus;
import io.gantry.engine.core.internal.health.HealthPart;
import io.gantry.engine.core.internal.storage.DataFile;
import io.gantry.engine.core.internal.storage.SqliteEventLog;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable event log: takes every event the {@link EventPublisher} delivers, without ever making it
 * wait, and writes them on a thread of its own, each commit taking everything queued meanwhile (a
 * group commit: a burst of events costs one disk write). Deletes the oldest beyond the retention now and
 * then, on the same thread, so pruning never races a write.
 */
@Component(
        service = {EventJournal.class, EventLog.class, HealthCheck.class},
        configurationPid = EventLogConfiguration.PID)
@Designate(ocd = EventLogConfiguration.class)
@HealthPart("eventlog")
public final class EventJournal implements EventLog, EventRecorder, HealthCheck {
    private static final Logger LOG = LoggerFactory.getLogger(EventJournal.class);
    private static final int BATCH = 4096;
    private static final long DRAIN_MS = 2_000;

    private final SqliteEventLog log;
    private final String epoch;
    private final long epochNo;
    private final BlockingQueue<LoggedEvent> queue;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final long keepNewest;
    private final Duration maxAge;
    private final long pruneEveryNanos;
    private final Thread writer;
    private volatile boolean stopping;
    private volatile String failure;
    private volatile long lastSeq; // written by the publisher's one deliverer thread

    /**
     * Opens the log's file and begins this start's epoch.
     *
     * @param context gives the {@code gantry.data} property
     * @param config  file, retention and queue
     */
    @Activate
    public EventJournal(BundleContext context, EventLogConfiguration config) {
        this(
                SqliteEventLog.open(
                        DataFile.resolve(config.databaseFile(), context.getProperty(DataFile.DATA_PROPERTY)),
                        Clock.systemUTC()),
                config);
    }

    /**
     * Begins this start's epoch in an open log, which it then owns and closes.
     *
     * @param log    the log's database
     * @param config retention and queue
     */
    EventJournal(SqliteEventLog log, EventLogConfiguration config) {
        this.log = log;
        this.epoch = newEpoch();
        this.epochNo = log.begin(epoch);
        this.queue = new ArrayBlockingQueue<>(Math.max(1, config.queueCapacity()));
        this.keepNewest = Math.max(0, config.retentionCount());
        this.maxAge = Duration.ofHours(Math.max(0, config.retentionAgeHours()));
        this.pruneEveryNanos = TimeUnit.SECONDS.toNanos(Math.max(1, config.pruneEverySeconds()));
        this.writer = new Thread(this::writeLoop, "gantry-event-log");
        writer.setDaemon(true);
        writer.start();
        LOG.info("event log epoch {} begins (keeping {} events, {} h)", epoch, keepNewest, maxAge.toHours());
    }

    /**
     * Queues an event for the disk; never blocks. When the queue is full the event is not kept.
     *
     * @param seq        its number in this epoch
     * @param topic      its topic
     * @param properties its plain properties
     */
    @Override
    public void append(long seq, String topic, Map<String, Object> properties) {
        lastSeq = seq;
        if (stopping || !queue.offer(new LoggedEvent(epoch, seq, topic, properties))) {
            if (dropped.getAndIncrement() == 0) {
                LOG.warn("the event log cannot keep up with the events: some are not kept on disk");
            }
        }
    }

    @Override
    public String epoch() {
        return epoch;
    }

    @Override
    public long lastSeq() {
        return lastSeq;
    }

    @Override
    public boolean knows(String other) {
        return epoch.equals(other) || log.number(other).isPresent();
    }

    @Override
    public Optional<LoggedEvent> oldest() {
        return log.oldest();
    }

    @Override
    public List<LoggedEvent> after(String from, long afterSeq, int max) {
        Optional<Long> number = epoch.equals(from) ? Optional.of(epochNo) : log.number(from);
        return number.map(no -> log.after(no, afterSeq, max)).orElse(List.of());
    }

    /** @return events waiting to be written */
    public int backlog() {
        return queue.size();
    }

    /** @return events not kept since start: the queue was full or a write failed */
    public long dropped() {
        return dropped.get();
    }

    @Override
    public String part() {
        return "eventlog";
    }

    @Override
    public HealthStatus check() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("epoch", epoch);
        details.put("backlog", queue.size());
        details.put("written", written.get());
        details.put("dropped", dropped.get());
        if (failure != null) {
            // up: the controller runs on and events still stream; the storage part says whether the disk is gone
            details.put("lastError", failure);
        }
        return HealthStatus.up(details);
    }

    private void writeLoop() {
        List<LoggedEvent> batch = new ArrayList<>(BATCH);
        long nextPrune = System.nanoTime();
        while (!stopping || !queue.isEmpty()) {
            try {
                LoggedEvent first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, BATCH - 1);
                    write(batch);
                    batch.clear();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (System.nanoTime() - nextPrune >= 0) {
                prune();
                nextPrune = System.nanoTime() + pruneEveryNanos;
            }
        }
    }

    private void write(List<LoggedEvent> batch) {
        try {
            log.append(epochNo, batch);
            written.addAndGet(batch.size());
            failure = null;
        } catch (RuntimeException e) {
            dropped.addAndGet(batch.size());
            failure = "writing events failed: " + e.getMessage();
            LOG.warn("{} events not kept: writing the event log failed", batch.size(), e);
        }
    }

    private void prune() {
        try {
            long deleted = log.prune(keepNewest, maxAge, epochNo);
            if (deleted > 0) {
                LOG.debug("deleted {} old events from the event log", deleted);
            }
        } catch (RuntimeException e) {
            LOG.warn("deleting old events failed", e);
        }
    }

    @Deactivate
    void stop() throws InterruptedException {
        stopping = true;
        writer.join(DRAIN_MS);
        writer.interrupt();
        writer.join(DRAIN_MS);
        log.close();
    }

    /** @return a short random id: 8 characters of base 32, new to every start */
    private static String newEpoch() {
        long bits = new SecureRandom().nextLong() >>> 24; // 40 bits
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            id.append("abcdefghijkmnpqrstuvwxyz23456789".charAt((int) (bits & 31)));
            bits >>>= 5;
        }
        return id.toString();
    }
}
