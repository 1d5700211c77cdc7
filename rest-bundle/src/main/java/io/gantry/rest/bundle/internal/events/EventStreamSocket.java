package io.gantry.rest.bundle.internal.events;

import io.gantry.rest.bundle.internal.security.Caller;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Jetty endpoint of one WebSocket connection: subscribes to the hub when the connection opens
 * and unsubscribes when it closes or fails, so that no departed client stays in the hub. Messages
 * from the client are read (auto-demand, which also answers pings) and ignored. Public because
 * Jetty reaches its methods through method handles.
 */
public final class EventStreamSocket implements Session.Listener.AutoDemanding {
    private static final Logger LOG = LoggerFactory.getLogger(EventStreamSocket.class);

    private final EventHub hub;
    private final StreamRequest request;
    private final StreamAccess access;
    private final Caller caller;
    private volatile StreamClient client;

    EventStreamSocket(EventHub hub, StreamRequest request, StreamAccess access, Caller caller) {
        this.hub = hub;
        this.request = request;
        this.access = access;
        this.caller = caller;
    }

    @Override
    public void onWebSocketOpen(Session session) {
        client = hub.connect(new JettySink(session), request);
        access.opened(this, caller);
    }

    /** Closes the connection from the controller's side, for a reason the client is told. */
    void close(int status, String reason) {
        StreamClient current = client;
        if (current != null) {
            current.close(status, reason);
        }
    }

    /**
     * Jetty 12.1 deprecates {@code onWebSocketClose(int, String)} for removal in favour of this
     * form: Jetty finishes the close handshake only once {@code closed} completes, so it is
     * completed here, after the client has left the hub.
     */
    @Override
    public void onWebSocketClose(int status, String reason, Callback closed) {
        leave();
        LOG.debug("event stream client closed: {} {}", status, reason);
        closed.succeed();
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        leave();
        LOG.debug("event stream client failed", cause);
    }

    private void leave() {
        access.closed(this);
        StreamClient current = client;
        if (current != null) {
            hub.disconnect(current);
        }
    }
}
