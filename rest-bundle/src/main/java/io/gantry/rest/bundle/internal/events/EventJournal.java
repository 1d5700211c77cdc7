package io.gantry.rest.bundle.internal.events;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Numbers events, keeps the last {@code capacity} of them and hands each to the subscribed
 * clients. Numbering, appending to the ring, enqueueing to clients and subscribing all happen
 * under one lock, so seq order is ring order is delivery order, and a client that subscribes with
 * {@code since} gets the buffered events and then the live ones with no gap and no duplicate.
 * Work under the lock is O(clients) enqueueing; starting a client's sending loop (on another
 * thread) and closing slow clients happen after it is released.
 */
final class EventJournal {
    /** The topic of the notice that events a client asked for are no longer buffered. */
    static final String GAP_TOPIC = "gantry/stream/GAP";

    private final ReentrantLock lock = new ReentrantLock();
    private final int capacity;
    private final EventJson json;

    // guarded by lock
    private final ArrayDeque<StreamEvent> ring;
    private final List<StreamClient> clients = new ArrayList<>();
    private long lastSeq;

    /**
     * @param capacity how many events to keep for replay, at least 1
     * @param json     writes the gap notice
     */
    EventJournal(int capacity, EventJson json) {
        if (capacity < 1) {
            throw new IllegalArgumentException("event buffer size must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.json = json;
        this.ring = new ArrayDeque<>(Math.min(capacity, 1024));
    }

    /**
     * Numbers an event, buffers it and queues it to every client that wants it.
     *
     * @param draft the converted event
     * @return the numbered event
     */
    StreamEvent publish(EventDraft draft) {
        StreamEvent event;
        List<StreamClient> toStart = null;
        List<StreamClient> tooSlow = null;
        lock.lock();
        try {
            event = draft.numbered(++lastSeq);
            if (ring.size() == capacity) {
                ring.removeFirst();
            }
            ring.addLast(event);
            for (Iterator<StreamClient> it = clients.iterator(); it.hasNext(); ) {
                StreamClient client = it.next();
                switch (client.offer(event)) {
                    case START -> toStart = add(toStart, client);
                    case FULL -> {
                        it.remove();
                        tooSlow = add(tooSlow, client);
                    }
                    case CLOSED -> it.remove();
                    case QUEUED, SKIPPED -> {}
                }
            }
        } finally {
            lock.unlock();
        }
        if (toStart != null) {
            toStart.forEach(StreamClient::start);
        }
        if (tooSlow != null) {
            tooSlow.forEach(StreamClient::closeTooSlow);
        }
        return event;
    }

    /**
     * Adds a client; with {@code since}, first queues what it missed that is still buffered.
     *
     * @param client a new client
     * @param since  the last seq it has seen, or null for live events only
     */
    void subscribe(StreamClient client, Long since) {
        boolean start;
        lock.lock();
        try {
            start = client.replay(since == null ? List.of() : missed(since, client.filter()))
                    == StreamClient.Offer.START;
            clients.add(client);
        } finally {
            lock.unlock();
        }
        if (start) {
            client.start();
        }
    }

    private List<String> missed(long since, StreamFilter filter) {
        List<String> messages = new ArrayList<>();
        long firstBuffered = ring.isEmpty() ? lastSeq + 1 : ring.peekFirst().seq();
        if (since + 1 < firstBuffered && since < lastSeq) {
            Map<String, Object> gap = new LinkedHashMap<>();
            gap.put("topic", GAP_TOPIC);
            gap.put("from", since + 1);
            gap.put("to", firstBuffered - 1);
            messages.add(json.write(gap));
        }
        // the ring is ordered by seq; skip the part the client has seen
        for (StreamEvent event : ring) {
            if (event.seq() > since && filter.matches(event)) {
                messages.add(event.json());
            }
        }
        return messages;
    }

    /** @param client a client whose connection closed */
    void unsubscribe(StreamClient client) {
        client.markClosed();
        lock.lock();
        try {
            clients.remove(client);
        } finally {
            lock.unlock();
        }
    }

    /** @return the clients now subscribed */
    List<StreamClient> clients() {
        lock.lock();
        try {
            return List.copyOf(clients);
        } finally {
            lock.unlock();
        }
    }

    /** @return the seq of the newest event, 0 before the first */
    long lastSeq() {
        lock.lock();
        try {
            return lastSeq;
        } finally {
            lock.unlock();
        }
    }

    /** @return how many events are buffered for replay */
    int buffered() {
        lock.lock();
        try {
            return ring.size();
        } finally {
            lock.unlock();
        }
    }

    private static List<StreamClient> add(List<StreamClient> list, StreamClient client) {
        List<StreamClient> result = list == null ? new ArrayList<>() : list;
        result.add(client);
        return result;
    }
}
