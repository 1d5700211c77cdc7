package io.gantry.rest.bundle.internal.server;

import java.util.Collection;
import java.util.concurrent.Callable;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/** Builds the Jersey application of {@code /api} from the resources present now. */
final class JerseyApplication {
    private final ObjectMapperProvider mapper = new ObjectMapperProvider();

    ResourceConfig build(Collection<? extends RestResource> resources) {
        ResourceConfig config = new ResourceConfig();
        config.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        config.register(JacksonFeature.withoutExceptionMappers());
        config.register(mapper);
        resources.forEach(config::register);
        return config;
    }

    /**
     * Runs a Jersey or Jetty start-up step with Jersey's class loader as the thread context class
     * loader: jakarta.ws.rs-api finds its RuntimeDelegate through it, which fails in OSGi otherwise.
     */
    static <T> T withJerseyClassLoader(Callable<T> step) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(ResourceConfig.class.getClassLoader());
        try {
            return step.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
