package io.gantry.mqtt.bridge.internal;

/**
 * The Sparkplug {@code seq} of an edge node's messages: NBIRTH is 0, every later NBIRTH, DBIRTH, DDATA
 * and DDEATH takes the next, 0 to 255 and round again. Used by the publisher thread only.
 */
final class SparkplugSeq {
    private int next;

    /** @return the seq for an NBIRTH: 0, and the count starts again */
    long birth() {
        next = 1;
        return 0;
    }

    /** @return the seq for the next message after the birth */
    long next() {
        long seq = next;
        next = (next + 1) & 0xFF;
        return seq;
    }
}
