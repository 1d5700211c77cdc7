package io.gantry.rest.bundle.internal.events;

import io.gantry.engine.api.security.Credentials;
import io.gantry.rest.bundle.internal.security.BrowserSessions;
import io.gantry.rest.bundle.internal.security.Caller;
import io.gantry.rest.bundle.internal.server.ServerContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Mounts the event stream at {@code /api/events}: a Jetty context of its own, longer than
 * {@code /api}, holding Jetty's WebSocket upgrade handler. Malformed query options are refused
 * with 400 before the upgrade; a request without credentials with 401 (the stream needs any role), and
 * a stream whose credentials end while it is open is closed ({@link StreamAccess}).
 */
@Component
public final class EventStreamContext implements ServerContext {
    static final String PATH = "/api/events";

    private final EventHub hub;
    private final StreamAccess access;

    /**
     * @param hub         the hub each connection subscribes to
     * @param credentials checks a stream's token again while it is open
     * @param sessions    checks a stream's browser session again while it is open
     */
    @Activate
    public EventStreamContext(
            @Reference EventHub hub, @Reference Credentials credentials, @Reference BrowserSessions sessions) {
        this.hub = hub;
        this.access = new StreamAccess(credentials, sessions);
    }

    @Deactivate
    void stop() {
        access.close();
    }

    @Override
    public ContextHandler create(Server server) {
        ContextHandler context = new ContextHandler(PATH);
        // ws://host/api/events has no path inside the context; without this Jetty redirects to
        // /api/events/ and WebSocket clients do not follow redirects
        context.setAllowNullPathInContext(true);
        context.setHandler(WebSocketUpgradeHandler.from(server, context, container -> {
            container.setIdleTimeout(hub.idleTimeout());
            container.addMapping("/*", this::accept);
        }));
        return context;
    }

    private Object accept(ServerUpgradeRequest request, ServerUpgradeResponse response, Callback callback) {
        // the security gate refuses a request without credentials before it gets here; this is the
        // second lock on the same door
        if (!(request.getAttribute(Caller.ATTRIBUTE) instanceof Caller caller)) {
            Response.writeError(request, response, callback, 401, "the event stream needs credentials");
            return null;
        }
        try {
            return new EventStreamSocket(hub, StreamRequest.fromQuery(query(request)), access, caller);
        } catch (IllegalArgumentException e) {
            Response.writeError(request, response, callback, 400, e.getMessage());
            return null;
        }
    }

    private static Map<String, List<String>> query(Request request) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (Fields.Field field : Request.extractQueryParameters(request)) {
            query.put(field.getName(), field.getValues());
        }
        return query;
    }
}
