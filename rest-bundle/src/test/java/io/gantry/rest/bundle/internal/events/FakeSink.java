package io.gantry.rest.bundle.internal.events;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A client that records what it receives and how it was handed over. It completes every send at
 * once, never (a peer that stopped reading), or when the test says so, with success or failure.
 */
final class FakeSink implements ClientSink {
    private enum Mode {
        FAST,
        STALLED,
        BY_HAND
    }

    private final Mode mode;
    private final List<String> received = new ArrayList<>();
    private final List<Integer> batches = new ArrayList<>();
    private Runnable pendingSent;
    private Consumer<Throwable> pendingFailed;
    private Integer closeStatus;
    private String closeReason;
    private int pings;

    private FakeSink(Mode mode) {
        this.mode = mode;
    }

    /** @return a client that takes every message as soon as it is sent */
    static FakeSink fast() {
        return new FakeSink(Mode.FAST);
    }

    /** @return a client whose sends never complete, like a peer that stopped reading */
    static FakeSink stalled() {
        return new FakeSink(Mode.STALLED);
    }

    /** @return a client whose sends complete when {@link #complete} or {@link #fail} is called */
    static FakeSink byHand() {
        return new FakeSink(Mode.BY_HAND);
    }

    @Override
    public void send(List<String> texts, Runnable sent, Consumer<Throwable> failed) {
        synchronized (this) {
            received.addAll(texts);
            batches.add(texts.size());
            if (mode == Mode.BY_HAND) {
                pendingSent = sent;
                pendingFailed = failed;
            }
        }
        if (mode == Mode.FAST) {
            sent.run();
        }
    }

    /** Completes the send in flight as written. */
    void complete() {
        Runnable sent;
        synchronized (this) {
            sent = pendingSent;
            pendingSent = null;
            pendingFailed = null;
        }
        sent.run();
    }

    /** Completes the send in flight as failed. */
    void fail(Throwable failure) {
        Consumer<Throwable> failed;
        synchronized (this) {
            failed = pendingFailed;
            pendingSent = null;
            pendingFailed = null;
        }
        failed.accept(failure);
    }

    @Override
    public synchronized void ping() {
        pings++;
    }

    @Override
    public synchronized void close(int status, String reason) {
        closeStatus = status;
        closeReason = reason;
    }

    @Override
    public String describe() {
        return "fake";
    }

    synchronized List<String> received() {
        return List.copyOf(received);
    }

    /** @return how many messages each send carried, in order */
    synchronized List<Integer> batches() {
        return List.copyOf(batches);
    }

    synchronized Integer closeStatus() {
        return closeStatus;
    }

    synchronized String closeReason() {
        return closeReason;
    }

    synchronized int pings() {
        return pings;
    }
}
