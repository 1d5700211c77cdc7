package io.gantry.mqtt.bridge.internal;

import java.util.ArrayDeque;
import java.util.List;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.common.MqttException;

/**
 * The publisher's messages sent and not yet acknowledged, oldest first, grouped by the event (or the
 * births) they were sent for, and the cursor they leave behind: the last event whose messages the broker
 * has all acknowledged. Bounded by a window (the broker's receive maximum, at most 16), so that a slow
 * broker slows the publisher rather than filling memory. Used by the publisher thread only.
 */
final class InFlight {
    /** At most this many groups wait for their acknowledgement. */
    static final int MAX_WINDOW = 16;

    /**
     * Messages sent for one event (or the births).
     *
     * @param at     the cursor once they are all acknowledged
     * @param tokens their tokens
     * @param event  whether they are an event's (counted to mark what goes again after a drop)
     */
    record Pending(Cursor at, List<IMqttToken> tokens, boolean event) {}

    /** The broker did not acknowledge: the link is to be dropped and the stream resumed from the cursor. */
    static final class NotAcknowledged extends RuntimeException {
        NotAcknowledged(String message) {
            super(message, null, false, false);
        }
    }

    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private int window = MAX_WINDOW;
    private Cursor acked;

    /** @param start the cursor to begin from, everything up to it acknowledged */
    InFlight(Cursor start) {
        this.acked = start;
    }

    /** @param receiveMaximum how many QoS 1 messages the broker takes in flight */
    void window(int receiveMaximum) {
        window = Math.max(1, Math.min(MAX_WINDOW, receiveMaximum));
    }

    /** @param entry messages just sent */
    void add(Pending entry) {
        pending.add(entry);
    }

    /** @return whether more wait than the window allows */
    boolean overWindow() {
        return pending.size() > window;
    }

    /** @return whether nothing waits */
    boolean isEmpty() {
        return pending.isEmpty();
    }

    /** @return the last event whose messages are all acknowledged */
    Cursor acked() {
        return acked;
    }

    /**
     * Waits for the oldest group's acknowledgements.
     *
     * @param waitMs how long for each message
     * @throws NotAcknowledged when one failed or did not come in time
     */
    void awaitHead(long waitMs) {
        Pending head = pending.peek();
        if (head == null) {
            return;
        }
        for (IMqttToken token : head.tokens()) {
            try {
                token.waitForCompletion(waitMs);
            } catch (MqttException e) {
                throw new NotAcknowledged("not acknowledged: " + Failures.describe(e));
            }
            if (!token.isComplete()) {
                throw new NotAcknowledged("no acknowledgement within " + waitMs + " ms");
            }
        }
    }

    /**
     * Takes the acknowledged groups off the head and moves the cursor past them.
     *
     * @return how many messages they held
     * @throws NotAcknowledged when one of them failed
     */
    long settle() {
        long acknowledged = 0;
        while (!pending.isEmpty()) {
            Pending head = pending.peek();
            for (IMqttToken token : head.tokens()) {
                if (!token.isComplete()) {
                    return acknowledged;
                }
                if (token.getException() != null) {
                    throw new NotAcknowledged("not acknowledged: " + Failures.describe(token.getException()));
                }
            }
            pending.poll();
            acknowledged += head.tokens().size();
            acked = head.at();
        }
        return acknowledged;
    }

    /**
     * Forgets everything in flight: the link is gone.
     *
     * @return how many events had messages in flight (they go again, marked)
     */
    int abandon() {
        int events = (int) pending.stream().filter(Pending::event).count();
        pending.clear();
        return events;
    }
}
