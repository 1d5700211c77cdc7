package io.gantry.rest.bundle.internal.events;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.Consumer;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/** A client reached through a Jetty WebSocket session; every call is asynchronous. */
final class JettySink implements ClientSink {
    private static final ByteBuffer NO_PAYLOAD = ByteBuffer.allocate(0);

    private final Session session;

    JettySink(Session session) {
        this.session = session;
    }

    /**
     * Queues every message at once rather than each after the previous one was written: Jetty's
     * flusher then writes the frames it holds together (one gathering write for several). It writes
     * them in order and, once one fails, fails every frame queued after it, so the last frame's
     * callback answers for all of them.
     */
    @Override
    public void send(List<String> texts, Runnable sent, Consumer<Throwable> failed) {
        int last = texts.size() - 1;
        for (int i = 0; i < last; i++) {
            session.sendText(texts.get(i), Callback.NOOP);
        }
        session.sendText(texts.get(last), Callback.from(sent, failed));
    }

    @Override
    public void ping() {
        session.sendPing(NO_PAYLOAD.duplicate(), Callback.NOOP);
    }

    @Override
    public void close(int status, String reason) {
        session.close(status, reason, Callback.NOOP);
    }

    @Override
    public String describe() {
        return String.valueOf(session.getRemoteSocketAddress());
    }
}
