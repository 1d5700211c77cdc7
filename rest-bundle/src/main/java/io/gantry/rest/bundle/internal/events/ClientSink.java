package io.gantry.rest.bundle.internal.events;

import java.util.List;
import java.util.function.Consumer;

/** The far end of one client: a WebSocket session in production, a fake in tests. */
interface ClientSink {
    /**
     * Sends text messages, one frame each and in their order, without blocking: queued back to back,
     * so that the connection may write several at once. Exactly one of the callbacks runs, once for
     * them all, possibly before this method returns; after a message that cannot be written, none
     * that follows it is.
     *
     * @param texts   the messages, at least one; the caller's again once this method returns
     * @param sent    runs when every message is written
     * @param failed  runs when one cannot be
     */
    void send(List<String> texts, Runnable sent, Consumer<Throwable> failed);

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
