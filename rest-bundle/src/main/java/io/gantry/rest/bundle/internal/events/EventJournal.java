package io.gantry.rest.bundle.internal.events;

import io.gantry.engine.api.event.EventLog;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps the last {@code capacity} events and hands each to the subscribed clients. Appending to
 * the ring, enqueueing to clients and subscribing all happen under one lock, so seq order is ring
 * order is delivery order, and a client that subscribes with {@code since} gets what it missed and
 * then the live events with no gap and no duplicate. What the ring no longer holds, and what happened
 * before this start of the controller, is read back from the {@link EventLog} when there is one, by
 * the client's own sending loop, never under the lock. Work under the lock is O(clients)
 * enqueueing; starting a client's sending loop (on another thread) and closing slow clients happen
 * after it is released.
 */
final class EventJournal {
    private final ReentrantLock lock = new ReentrantLock();
    private final int capacity;
    private final EventJson json;
    private final EventLog log;

    // guarded by lock
    private final ArrayDeque<StreamEvent> ring;
    private final List<StreamClient> clients = new ArrayList<>();
    private String epoch;
    private long lastSeq;

    /**
     * A journal of its own numbering, with nothing to read back beyond its ring.
     *
     * @param capacity how many events to keep for replay, at least 1
     * @param json     writes the gap notice
     */
    EventJournal(int capacity, EventJson json) {
        this(capacity, json, null);
    }

    /**
     * @param capacity how many events to keep for replay, at least 1
     * @param json     writes the gap notice and the events read back
     * @param log      the controller's event log, or null
     */
    EventJournal(int capacity, EventJson json, EventLog log) {
        if (capacity < 1) {
            throw new IllegalArgumentException("event buffer size must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.json = json;
        this.log = log;
        this.ring = new ArrayDeque<>(Math.min(capacity, 1024));
        this.epoch = log == null ? null : log.epoch();
    }

    /**
     * Buffers an event and queues it to every client that wants it. An event the controller numbered
     * keeps its number; one it did not is numbered here, after the last.
     *
     * @param draft the converted event
     * @return the numbered event, or null when its number is not after the last one's (a duplicate)
     */
    StreamEvent publish(EventDraft draft) {
        StreamEvent event;
        List<StreamClient> toStart = null;
        List<StreamClient> tooSlow = null;
        lock.lock();
        try {
            if (draft.epoch() != null && !draft.epoch().equals(epoch)) {
                // the controller started again under this stream: its numbers begin anew
                epoch = draft.epoch();
                ring.clear();
                lastSeq = 0;
            }
            long seq = draft.seq() > 0 ? draft.seq() : lastSeq + 1;
            if (seq <= lastSeq) {
                return null;
            }
            lastSeq = seq;
            event = draft.numbered(seq);
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
     * Adds a client; with {@code since}, first queues what it missed that is still kept.
     *
     * @param client a new client
     * @param since  the last event it has, or null for live events only
     */
    void subscribe(StreamClient client, StreamCursor since) {
        // what the log knows of an older epoch is asked before taking the lock: it reads the disk
        Resume resume = since == null || log == null ? null : resumeInLog(since);
        boolean start;
        lock.lock();
        try {
            Replay replay = since == null ? Replay.NONE : replay(since, resume, client.filter());
            start = client.replay(replay) == StreamClient.Offer.START;
            clients.add(client);
        } finally {
            lock.unlock();
        }
        if (start) {
            client.start();
        }
    }

    /**
     * Where in the log a replay starts.
     *
     * @param notices what to tell the client first
     * @param epoch   the epoch to read after, or null to read nothing from the log
     * @param seq     the seq in it to read after
     */
    private record Resume(List<String> notices, String epoch, long seq) {}

    private Resume resumeInLog(StreamCursor since) {
        String current = log.epoch();
        if (since.epoch() == null || since.epoch().equals(current)) {
            return new Resume(List.of(), current, since.seq());
        }
        if (log.knows(since.epoch())) {
            return new Resume(List.of(), since.epoch(), since.seq());
        }
        // deleted by retention (or another controller's): say so, then give all that is kept
        List<String> notices = List.of(GapNotice.of(json, since.epoch(), since.seq() + 1, null));
        return log.oldest()
                .map(oldest -> new Resume(notices, oldest.epoch(), oldest.seq() - 1))
                .orElse(new Resume(notices, null, 0));
    }

    // under the lock
    private Replay replay(StreamCursor since, Resume resume, StreamFilter filter) {
        long firstBuffered = ring.isEmpty() ? lastSeq + 1 : ring.peekFirst().seq();
        boolean thisEpoch = since.epoch() == null || since.epoch().equals(epoch);
        long ringAfter = thisEpoch ? since.seq() : 0;
        List<StreamEvent> fromRing = new ArrayList<>();
        for (StreamEvent event : ring) {
            if (event.seq() > ringAfter && filter.matches(event)) {
                fromRing.add(event);
            }
        }
        if (log == null) {
            List<String> notices = new ArrayList<>();
            if (!thisEpoch) {
                notices.add(GapNotice.of(json, since.epoch(), since.seq() + 1, null));
            } else if (since.seq() + 1 < firstBuffered && since.seq() < lastSeq) {
                notices.add(GapNotice.of(json, epoch, since.seq() + 1, firstBuffered - 1));
            }
            return new Replay(notices, null, fromRing);
        }
        // the ring holds this epoch from firstBuffered on; before it (or when it is empty, as when the
        // stream started after the controller), the log has the rest
        boolean needsLog = !thisEpoch || ring.isEmpty() || since.seq() + 1 < firstBuffered;
        LogReplay fromLog = needsLog && resume.epoch() != null
                ? new LogReplay(
                        log,
                        json,
                        filter,
                        resume.epoch(),
                        resume.seq(),
                        log.epoch(),
                        ring.isEmpty() ? Long.MAX_VALUE : firstBuffered)
                : null;
        return new Replay(resume.notices(), fromLog, fromRing);
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

    /** @return the epoch of the newest event, or null before the first without an event log */
    String epoch() {
        lock.lock();
        try {
            return epoch;
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
