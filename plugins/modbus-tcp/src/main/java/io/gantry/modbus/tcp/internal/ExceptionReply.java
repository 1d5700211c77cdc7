package io.gantry.modbus.tcp.internal;

/**
 * The server answered a request, but with a Modbus exception (or with less than was asked): the link
 * is fine, this one request failed.
 */
final class ExceptionReply extends Exception {
    private static final long serialVersionUID = 1L;
    /** {@link #code()} of an answer that was not an exception but held fewer values than asked for. */
    static final int SHORT_ANSWER = -1;

    private final int code;

    private ExceptionReply(int code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    /**
     * @param code the exception code of the answer
     * @return the reply, its message naming the code: {@code illegal data address (exception 2)}
     */
    static ExceptionReply of(int code) {
        return new ExceptionReply(code, name(code) + " (exception " + code + ")");
    }

    /**
     * @param answered how many values the answer held
     * @param asked    how many were asked for
     * @return the reply
     */
    static ExceptionReply shortAnswer(int answered, int asked) {
        return new ExceptionReply(SHORT_ANSWER, "answered " + answered + " values, asked for " + asked);
    }

    /** @return the Modbus exception code, or {@link #SHORT_ANSWER} */
    int code() {
        return code;
    }

    /**
     * @return whether the same request may succeed later: acknowledge (5, a long operation is under
     *     way), server busy (6), gateway target did not answer (11)
     */
    boolean isTransient() {
        return code == 5 || code == 6 || code == 11;
    }

    private static String name(int code) {
        return switch (code) {
            case 1 -> "illegal function";
            case 2 -> "illegal data address";
            case 3 -> "illegal data value";
            case 4 -> "server device failure";
            case 5 -> "acknowledge";
            case 6 -> "server device busy";
            case 8 -> "memory parity error";
            case 10 -> "gateway path unavailable";
            case 11 -> "gateway target device failed to respond";
            default -> "unknown exception";
        };
    }
}
