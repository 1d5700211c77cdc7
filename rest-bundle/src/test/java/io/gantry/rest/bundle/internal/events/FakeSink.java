package io.gantry.rest.bundle.internal.events;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A client that records what it receives; it either completes every send at once or never. */
final class FakeSink implements ClientSink {
    private final boolean completesSends;
    private final List<String> received = new ArrayList<>();
    private Integer closeStatus;
    private String closeReason;
    private int pings;

    private FakeSink(boolean completesSends) {
        this.completesSends = completesSends;
    }

    /** @return a client that takes every message as soon as it is sent */
    static FakeSink fast() {
        return new FakeSink(true);
    }

    /** @return a client whose sends never complete, like a peer that stopped reading */
    static FakeSink stalled() {
        return new FakeSink(false);
    }

    @Override
    public void send(String text, Runnable sent, Consumer<Throwable> failed) {
        synchronized (this) {
            received.add(text);
        }
        if (completesSends) {
            sent.run();
        }
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
