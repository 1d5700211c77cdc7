package io.gantry.mqtt.bridge.internal;

/** How the bridge words a failure for its health and its log: the message, and its cause's. */
final class Failures {
    private Failures() {}

    /**
     * @param e a failure
     * @return its message, with its cause's in parentheses when that says more
     */
    static String describe(Throwable e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        return cause == e || cause.getMessage() == null ? message : message + " (" + cause.getMessage() + ")";
    }
}
