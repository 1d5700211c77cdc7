package io.gantry.rest.bundle.internal.server;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ContextHandler;

/**
 * Marks a DS component that serves a path of its own beside the Jersey application, such as the
 * WebSocket event stream: {@link HttpServer} mounts the context it makes while the component is
 * present. Where paths overlap, the longest context path wins.
 */
public interface ServerContext {
    /**
     * @param server the running server, for handlers that must know it
     * @return a new, not yet started context; its context path decides what it serves
     */
    ContextHandler create(Server server);
}
