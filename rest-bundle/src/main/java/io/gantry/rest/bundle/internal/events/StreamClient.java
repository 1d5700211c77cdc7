package io.gantry.rest.bundle.internal.events;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connected client: its filter, its bounded queue of live messages and the loop that sends
 * them, all that is queued (up to {@value #MAX_BATCH} messages) in one go, the next batch only when
 * the previous one is written. Publishing only enqueues; a client whose queue is full is closed
 * rather than waited for.
 *
 * <p>The replay of buffered events is kept apart from the bounded queue: it can be as long as the
 * ring, and only live events piling up behind it mean the client is too slow.
 */
final class StreamClient {
    /** Close status for a client that falls too far behind (RFC 6455 "policy violation"). */
    static final int POLICY_VIOLATION = 1008;

    /** Messages handed to the connection at once: enough for few writes, few enough to stay small. */
    static final int MAX_BATCH = 64;

    private static final Logger LOG = LoggerFactory.getLogger(StreamClient.class);

    /** What {@link #offer} did with an event; the journal acts on it after releasing its lock. */
    enum Offer {
        /** queued behind messages already being sent */
        QUEUED,
        /** queued, and the client was idle: call {@link #start()} */
        START,
        /** not wanted by this client */
        SKIPPED,
        /** the queue is full: drop the client with {@link #closeTooSlow()} */
        FULL,
        /** the client is gone: forget it */
        CLOSED
    }

    private final ClientSink sink;
    private final StreamFilter filter;
    private final ClientBound bound;
    private final StreamCounters counters;
    private final Executor sender;

    // guarded by this
    private final ArrayDeque<StreamEvent> queue = new ArrayDeque<>();
    private long queuedBytes;
    private String tooSlow; // which bound the client exceeded, once it did
    // set once under the journal's lock, then advanced only by the sending loop (one at a time): read
    // outside this monitor, because a replay from the event log reads the disk
    private volatile Replay replay = Replay.NONE;
    private boolean sending;
    private volatile boolean closed;
    // touched only by the sending loop, which runs on one thread at a time (see pump)
    private final List<StreamEvent> taken = new ArrayList<>(MAX_BATCH);
    private final List<String> batch = new ArrayList<>(MAX_BATCH);

    /**
     * @param sink      the connection
     * @param filter    the events it wants
     * @param queueSize live messages it may fall behind by
     * @param counters  where sends and drops are counted
     * @param sender    runs the sending loop, so that the publishing thread only enqueues
     */
    StreamClient(ClientSink sink, StreamFilter filter, int queueSize, StreamCounters counters, Executor sender) {
        this(sink, filter, new ClientBound(queueSize, Long.MAX_VALUE), counters, sender);
    }

    /**
     * @param sink     the connection
     * @param filter   the events it wants
     * @param bound    how far it may fall behind in live events
     * @param counters where sends and drops are counted
     * @param sender   runs the sending loop, so that the publishing thread only enqueues
     */
    StreamClient(ClientSink sink, StreamFilter filter, ClientBound bound, StreamCounters counters, Executor sender) {
        this.sink = sink;
        this.filter = filter;
        this.bound = bound;
        this.counters = counters;
        this.sender = sender;
    }

    StreamFilter filter() {
        return filter;
    }

    /**
     * Sets the messages to send before any live one. Called once, under the journal's lock.
     *
     * @param missed the gap notices and the missed events this client wants, oldest first
     * @return {@link Offer#START} when there is something to send, else {@link Offer#SKIPPED}
     */
    synchronized Offer replay(Replay missed) {
        replay = missed;
        return startIfIdle();
    }

    /**
     * Queues a live event when this client wants it. Called under the journal's lock; never blocks.
     *
     * @param event the event just published
     * @return what was done
     */
    synchronized Offer offer(StreamEvent event) {
        if (closed) {
            return Offer.CLOSED;
        }
        if (!filter.matches(event)) {
            return Offer.SKIPPED;
        }
        String exceeded = bound.exceededBy(queue.size(), queuedBytes, event.bytes());
        if (exceeded != null) {
            tooSlow = exceeded;
            closed = true;
            clearQueue();
            return Offer.FULL;
        }
        queue.add(event);
        queuedBytes += event.bytes();
        return sending ? Offer.QUEUED : startIfIdle();
    }

    private Offer startIfIdle() {
        if (sending || closed || (replay.isEmpty() && queue.isEmpty())) {
            return Offer.SKIPPED;
        }
        sending = true;
        return Offer.START;
    }

    /** Starts the sending loop on the sender; call after {@link Offer#START}, outside the journal's lock. */
    void start() {
        try {
            sender.execute(this::pump);
        } catch (RejectedExecutionException e) {
            // the hub is stopping and closes every client itself
            markClosed();
        }
    }

    /**
     * Sends queued messages, a batch at a time, until the queue is empty or a batch is still in
     * flight. A batch that completes before {@code send} returns is continued by this loop rather than
     * by its callback, so a fast connection cannot make the stack grow with the queue; and only once
     * {@code send} returned is the next batch built, so the two lists are never in use twice.
     */
    private void pump() {
        while (true) {
            List<String> texts = nextBatch();
            if (texts == null) {
                return;
            }
            int count = texts.size();
            AtomicInteger handoff = new AtomicInteger(IN_FLIGHT);
            sink.send(
                    texts,
                    () -> {
                        counters.sent(count);
                        if (!handoff.compareAndSet(IN_FLIGHT, DONE_EARLY)) {
                            pump();
                        }
                    },
                    this::failed);
            if (handoff.compareAndSet(IN_FLIGHT, RETURNED)) {
                return; // the callback will go on
            }
        }
    }

    private static final int IN_FLIGHT = 0;
    private static final int DONE_EARLY = 1;
    private static final int RETURNED = 2;

    /** @return the next messages to send, oldest first, or null when there are none (sending stops) */
    private List<String> nextBatch() {
        batch.clear();
        Replay missed = replay;
        // the replay first, outside this monitor: its log part reads the disk
        while (!closed && batch.size() < MAX_BATCH) {
            String text = missed.next();
            if (text == null) {
                break;
            }
            batch.add(text);
        }
        if (batch.size() == MAX_BATCH) {
            return batch;
        }
        taken.clear();
        synchronized (this) {
            while (!closed && batch.size() + taken.size() < MAX_BATCH) {
                StreamEvent event = queue.poll();
                if (event == null) {
                    break;
                }
                queuedBytes -= event.bytes();
                // a client that resumed before the ring held anything read the log to its end, which
                // may have reached events that were also on their way here live
                if (!missed.covers(event.seq())) {
                    taken.add(event);
                }
            }
            if (closed || (batch.isEmpty() && taken.isEmpty())) {
                sending = false;
                return null;
            }
        }
        // the text is written (once for all clients) outside this monitor, which the publisher takes
        for (StreamEvent event : taken) {
            batch.add(event.json());
        }
        return batch;
    }

    private void failed(Throwable failure) {
        LOG.debug("sending to {} failed; closing it", sink.describe(), failure);
        markClosed();
        sink.close(1011, "send failed");
    }

    /** Closes the connection of a client found too slow by {@link #offer}. */
    void closeTooSlow() {
        counters.dropped();
        String reason;
        synchronized (this) {
            reason = "client too slow: " + tooSlow;
        }
        LOG.warn("closing event stream client {} ({}): {}", sink.describe(), filter, reason);
        sink.close(POLICY_VIOLATION, reason);
    }

    /** Stops sending: the connection is closed or closing. */
    synchronized void markClosed() {
        closed = true;
        clearQueue();
    }

    private void clearQueue() {
        queue.clear();
        queuedBytes = 0;
    }

    /** Sends a keep-alive ping unless closed. */
    void ping() {
        boolean open;
        synchronized (this) {
            open = !closed;
        }
        if (open) {
            sink.ping();
        }
    }

    /**
     * Closes the connection, as when the controller stops.
     *
     * @param status a WebSocket close status
     * @param reason why
     */
    void close(int status, String reason) {
        markClosed();
        sink.close(status, reason);
    }
}
