package io.gantry.rest.bundle.internal.hmi;

import io.gantry.rest.bundle.internal.server.ServerContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.osgi.service.component.annotations.Component;

/**
 * Serves the web HMI at {@code /}: the files under {@code hmi/} in this bundle (the page, its
 * modules and the vendored libraries). {@code /api} and {@code /api/events} are longer context
 * paths and keep winning; the page itself uses only them.
 */
@Component
public final class HmiContext implements ServerContext {
    /** The folder of the HMI's files among this bundle's resources. */
    static final String ROOT = "hmi";

    private final StaticFiles files = new StaticFiles(HmiContext.class.getClassLoader(), ROOT);

    @Override
    public ContextHandler create(Server server) {
        ContextHandler context = new ContextHandler("/");
        context.setHandler(new StaticFileHandler(files));
        return context;
    }
}
