package io.gantry.rest.bundle.internal.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gantry.rest.bundle.internal.security.SecurityGate;
import io.gantry.rest.bundle.internal.security.SecurityHeaders;
import jakarta.ws.rs.ext.ContextResolver;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.glassfish.jersey.servlet.ServletContainer;

/**
 * The {@code /api} application on an embedded Jetty in a plain JVM, built by the same
 * {@link JerseyApplication} as in the controller, with resources constructed by the test.
 */
public final class EmbeddedApi implements AutoCloseable {
    private final Server server;
    private final int port;

    private EmbeddedApi(Server server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * @param resources the resources and providers
     * @return the started server on a free port of 127.0.0.1
     * @throws Exception when Jetty does not start
     */
    public static EmbeddedApi start(List<? extends RestResource> resources) throws Exception {
        return start(resources, null);
    }

    /**
     * @param resources the resources and providers
     * @param gate      the security gate in front of everything, as in the controller; null for none
     * @return the started server on a free port of 127.0.0.1, with the controller's error handling
     * @throws Exception when Jetty does not start
     */
    public static EmbeddedApi start(List<? extends RestResource> resources, SecurityGate gate) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler api = new ServletContextHandler("/api");
        api.addServlet(new ServletHolder(new ServletContainer(new JerseyApplication().build(resources))), "/*");
        if (gate == null) {
            server.setHandler(api);
        } else {
            api.setErrorHandler(new ProblemErrorHandler());
            server.setErrorHandler(new ProblemErrorHandler());
            server.setHandler(new SecurityHeaders(gate.around(api)));
        }
        server.start();
        return new EmbeddedApi(server, connector.getLocalPort());
    }

    /**
     * @return the ObjectMapper the API's Jersey application uses, so view tests see what HTTP clients see
     */
    @SuppressWarnings("unchecked")
    public static ObjectMapper apiMapper() {
        return new JerseyApplication()
                .build(List.of()).getInstances().stream()
                        .filter(ContextResolver.class::isInstance)
                        .map(resolver -> ((ContextResolver<ObjectMapper>) resolver).getContext(Object.class))
                        .findFirst()
                        .orElseThrow();
    }

    /** @return the base URL, e.g. {@code http://127.0.0.1:41234/api} */
    public String base() {
        return "http://127.0.0.1:" + port + "/api";
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
