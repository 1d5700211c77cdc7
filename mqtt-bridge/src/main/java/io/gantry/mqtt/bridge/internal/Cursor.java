package io.gantry.mqtt.bridge.internal;

import java.util.Objects;

/**
 * A place in the event log: the last event handled.
 *
 * @param epoch the epoch of that event
 * @param seq   its seq; 0 for the start of the epoch
 */
record Cursor(String epoch, long seq) {
    Cursor {
        Objects.requireNonNull(epoch, "epoch");
    }

    /**
     * @param text {@code <epoch>:<seq>}
     * @return the cursor
     * @throws IllegalArgumentException when the text is not one
     */
    static Cursor parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon < 1) {
            throw new IllegalArgumentException("not <epoch>:<seq>: " + text);
        }
        long seq = Long.parseLong(text.substring(colon + 1));
        if (seq < 0) {
            throw new IllegalArgumentException("negative seq: " + text);
        }
        return new Cursor(text.substring(0, colon), seq);
    }

    @Override
    public String toString() {
        return epoch + ":" + seq;
    }
}
