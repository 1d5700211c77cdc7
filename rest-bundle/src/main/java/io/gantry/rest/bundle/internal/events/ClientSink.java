package io.gantry.rest.bundle.internal.events;

import java.util.function.Consumer;

/** The far end of one client: a WebSocket session in production, a fake in tests. */
interface ClientSink {
    /**
     * Sends one text message without blocking. Exactly one of the callbacks runs, possibly
     * before this method returns.
     *
     * @param text    the message
     * @param sent    runs when the message is written
     * @param failed  runs when it cannot be
     */
    void send(String text, Runnable sent, Consumer<Throwable> failed);

    /** Sends a ping without blocking, to keep an idle connection open. */
    void ping();

    /**
     * Closes the connection without blocking.
     *
     * @param status a WebSocket close status
     * @param reason why, for the client
     */
    void close(int status, String reason);

    /** @return who is at the other end, for logs */
    String describe();
}
