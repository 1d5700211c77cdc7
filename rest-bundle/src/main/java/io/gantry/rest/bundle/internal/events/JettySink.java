package io.gantry.rest.bundle.internal.events;

import java.nio.ByteBuffer;
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

    @Override
    public void send(String text, Runnable sent, Consumer<Throwable> failed) {
        session.sendText(text, Callback.from(sent, failed));
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
