package io.gantry.rest.bundle.internal.events;

/**
 * How far one client may fall behind before it is closed as too slow: a number of events and, so
 * that a few large events cannot fill the heap, the memory they pin.
 *
 * @param events events queued at most
 * @param bytes  estimated bytes queued at most ({@link MessageSize})
 */
record ClientBound(int events, long bytes) {
    /**
     * @param queuedEvents events queued now
     * @param queuedBytes  their estimated bytes
     * @param next         the estimated bytes of the one to queue
     * @return why it may not be queued, for the close reason; null when it may
     */
    String exceededBy(int queuedEvents, long queuedBytes, long next) {
        if (queuedEvents >= events) {
            return events + " events queued";
        }
        if (queuedBytes + next > bytes) {
            return (bytes >= 1 << 20 ? (bytes >> 20) + " MiB" : bytes + " bytes") + " queued";
        }
        return null;
    }
}
