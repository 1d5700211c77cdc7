package io.gantry.rest.bundle.internal.server;

import io.gantry.rest.bundle.internal.security.SecurityGate;
import io.gantry.rest.bundle.internal.security.SecurityHeaders;
import io.gantry.rest.bundle.internal.server.tls.HttpConnectors;
import io.gantry.rest.bundle.internal.server.tls.TlsSettings;
import java.net.BindException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.glassfish.jersey.server.ResourceConfig;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the embedded Jetty server and the Jersey application at {@code /api}. JAX-RS resources are
 * DS components registered as {@link RestResource}; they come and go dynamically and the
 * Jersey application is replaced each time ({@link JerseyServlet}), without restarting Jetty,
 * dropping the port or failing a request.
 */
@Component(
        service = {},
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = HttpServerConfiguration.class)
public final class HttpServer {
    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);

    private static final long RELOAD_DELAY_MS = 50;

    private final Set<RestResource> resources = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean reloadPending = new AtomicBoolean();
    private final ScheduledExecutorService reloader = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "gantry-rest-reload");
        thread.setDaemon(true);
        return thread;
    });
    // /api (Jersey) and the contexts of ServerContext components such as /api/events
    private final ContextHandlerCollection contexts = new ContextHandlerCollection();
    private final Map<ServerContext, ContextHandler> mounted = new ConcurrentHashMap<>();
    private final JerseyApplication application = new JerseyApplication();
    private final Server server;
    private final JerseyServlet jersey = new JerseyServlet(() -> application.build(resources));

    /**
     * Starts Jetty on the configured address.
     *
     * @param config  the server settings
     * @param context the bundle context, for the framework properties that give defaults
     * @param gate    decides who is calling before any context answers
     * @throws Exception when the port cannot be bound, plain HTTP is refused beyond loopback or TLS has
     *     no certificate (each logged as one clear line), or Jetty fails
     */
    @Activate
    public HttpServer(HttpServerConfiguration config, BundleContext context, @Reference SecurityGate gate)
            throws Exception {
        String host = config.host().isEmpty() ? property(context, "gantry.http.host", "127.0.0.1") : config.host();
        int port = config.port() >= 0 ? config.port() : Integer.parseInt(property(context, "gantry.http.port", "8080"));
        server = new Server(threadPool());
        ServerConnector connector = HttpConnectors.create(server, host, port, TlsSettings.read(context::getProperty));
        server.addConnector(connector);
        contexts.addHandler(apiContext(config.maxRequestBytes()));
        server.setHandler(new SecurityHeaders(gate.around(contexts)));
        server.setErrorHandler(new ProblemErrorHandler());
        server.setStopTimeout(2_000);
        startOrExplain(HttpConnectors.scheme(connector), host, port);
    }

    private ServletContextHandler apiContext(long maxRequestBytes) throws Exception {
        ServletContextHandler api = new ServletContextHandler("/api");
        // Jetty makes a context's class loader the thread context class loader during start-up and
        // every request; Jersey's must be it, or jakarta.ws.rs-api cannot find its RuntimeDelegate.
        api.setClassLoader(ResourceConfig.class.getClassLoader());
        ServletHolder holder = new ServletHolder(jersey);
        // initialise Jersey while Jetty starts (under the Jersey class loader), not on the first request
        holder.setInitOrder(0);
        api.addServlet(holder, "/*");
        api.setErrorHandler(new ProblemErrorHandler());
        api.setMaxFormContentSize((int) Math.min(Integer.MAX_VALUE, maxRequestBytes));
        return api;
    }

    private void startOrExplain(String scheme, String host, int port) throws Exception {
        try {
            JerseyApplication.withJerseyClassLoader(() -> {
                server.start();
                return null;
            });
            LOG.info("HTTP API listening on {}://{}:{}/api", scheme, host, port);
        } catch (Exception e) {
            server.stop();
            if (e instanceof BindException || e.getCause() instanceof BindException) {
                LOG.error(
                        "port {} is in use on {}; set GANTRY_HTTP_PORT (or gantry.http.port in conf/gantry.properties) to change it",
                        port,
                        host);
            } else {
                LOG.error("cannot listen on {}:{}: {}", host, port, e.getMessage());
            }
            throw e;
        }
    }

    @Deactivate
    void stop() throws Exception {
        reloader.shutdownNow();
        server.stop();
    }

    /**
     * Adds a JAX-RS resource or provider to the application.
     *
     * @param resource a DS component registered as {@link RestResource}
     */
    @Reference(
            cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindResource(RestResource resource) {
        resources.add(resource);
        reload();
    }

    void unbindResource(RestResource resource) {
        resources.remove(resource);
        reload();
    }

    /**
     * Asks for a reload soon: resources arrive one by one (a dozen at start-up, several per plugin
     * change), and each Jersey reload rebuilds the whole application, so changes that come together
     * are coalesced into one reload.
     */
    private void reload() {
        if (reloadPending.compareAndSet(false, true)) {
            try {
                reloader.schedule(this::reloadNow, RELOAD_DELAY_MS, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                reloadPending.set(false); // stopping
            }
        }
    }

    private void reloadNow() {
        reloadPending.set(false);
        // Before activation the set is read when the application is first built.
        if (!server.isStarted()) {
            return;
        }
        try {
            JerseyApplication.withJerseyClassLoader(() -> {
                jersey.replace(application.build(resources));
                return null;
            });
        } catch (Exception e) {
            // the previous application keeps serving; a broken resource must not take HTTP down
            LOG.error("reloading the REST application failed; the previous set of resources stays", e);
        }
    }

    /**
     * Mounts a context beside {@code /api} in the running server.
     *
     * @param contribution a DS component registered as {@link ServerContext}
     */
    @Reference(
            cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindContext(ServerContext contribution) {
        ContextHandler context = contribution.create(server);
        try {
            // deployHandler adds a handler to a running collection but does not start it, and
            // a started handler must already know its server
            context.setServer(server);
            context.start();
        } catch (Exception e) {
            LOG.error("cannot start {}; it is not served", context.getContextPath(), e);
            return;
        }
        mounted.put(contribution, context);
        contexts.deployHandler(
                context,
                Callback.from(
                        () -> LOG.info("serving {}", context.getContextPath()),
                        failure -> LOG.error("cannot serve {}", context.getContextPath(), failure)));
    }

    void unbindContext(ServerContext contribution) {
        ContextHandler context = mounted.remove(contribution);
        if (context != null) {
            contexts.undeployHandler(
                    context, Callback.from(() -> stopQuietly(context), failure -> stopQuietly(context)));
        }
    }

    private static void stopQuietly(ContextHandler context) {
        try {
            context.stop();
        } catch (Exception e) {
            // teardown: the context is out of the server already
            LOG.warn("stopping {} failed", context.getContextPath(), e);
        }
    }

    private static QueuedThreadPool threadPool() {
        QueuedThreadPool pool = new QueuedThreadPool(64, 4);
        pool.setName("gantry-http");
        return pool;
    }

    private static String property(BundleContext context, String key, String fallback) {
        String value = context.getProperty(key);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    /** @return the running server's state, for tests and health */
    Map<String, Object> describe() {
        return Map.of("started", server.isStarted(), "resources", resources.size());
    }
}
