package io.gantry.rest.bundle.internal.events;

import java.util.regex.Pattern;

/**
 * Where a client resumes: the last event it has, named by its epoch and seq. A cursor without an
 * epoch (the plain {@code since=<seq>} of clients written before epochs) means this start's epoch.
 *
 * @param epoch the epoch of the last event the client has, or null for the current one
 * @param seq   its seq; 0 for "from the start of the epoch"
 */
record StreamCursor(String epoch, long seq) {
    private static final Pattern EPOCH = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    StreamCursor {
        if (seq < 0) {
            throw new IllegalArgumentException("since's seq must be 0 or more, was " + seq);
        }
        if (epoch != null && !EPOCH.matcher(epoch).matches()) {
            throw new IllegalArgumentException(
                    "since's epoch must be 1 to 64 letters, digits, '_' or '-', was '" + epoch + "'");
        }
    }

    /**
     * @param value {@code <seq>} or {@code <epoch>:<seq>}
     * @return the cursor it names
     * @throws IllegalArgumentException with a message fit for the client when it is malformed
     */
    static StreamCursor parse(String value) {
        int colon = value.lastIndexOf(':');
        String epoch = colon < 0 ? null : value.substring(0, colon);
        String seq = value.substring(colon + 1);
        try {
            return new StreamCursor(epoch, Long.parseLong(seq));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "since must be <seq> or <epoch>:<seq> (the epoch and seq of the last event seen), was '" + value
                            + "'");
        }
    }

    @Override
    public String toString() {
        return epoch == null ? Long.toString(seq) : epoch + ":" + seq;
    }
}
