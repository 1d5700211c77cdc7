package io.gantry.rest.bundle.internal.server;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;

/**
 * The Jersey application behind {@code /api}, replaceable while requests are served. Jersey's own
 * {@code ServletContainer.reload} shuts the running application down before the new one is built, so
 * every request in that window (hundreds of milliseconds at start-up, when resources arrive one by one)
 * failed with 500. Here the new application is built and started beside the old one, requests switch
 * to it at once, and the old one is shut down when its last request — a long {@code ?wait=true}
 * perhaps — has been answered.
 */
final class JerseyServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient Supplier<ResourceConfig> firstApplication;
    private transient volatile Generation current;

    /** @param firstApplication builds the application served from the start */
    JerseyServlet(Supplier<ResourceConfig> firstApplication) {
        this.firstApplication = firstApplication;
    }

    @Override
    public void init() throws ServletException {
        current = start(firstApplication.get());
    }

    /**
     * Builds and starts {@code application}, sends new requests to it, and retires the one it replaces.
     *
     * @param application the new set of resources
     * @throws ServletException when Jersey rejects it; the running application then stays
     */
    void replace(ResourceConfig application) throws ServletException {
        Generation next = start(application);
        Generation previous = current;
        current = next;
        previous.retire();
    }

    private Generation start(ResourceConfig application) throws ServletException {
        ServletContainer container = new ServletContainer(application);
        container.init(getServletConfig());
        return new Generation(container);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        Generation serving = enterCurrent();
        try {
            serving.container.service(request, response);
        } finally {
            serving.exit();
        }
    }

    /** Counts the request in on the current generation, one that cannot be shut down under it. */
    private Generation enterCurrent() {
        while (true) {
            Generation candidate = current;
            candidate.enter();
            if (candidate == current) {
                return candidate;
            }
            // replaced between the read and the count: it may already be shut down
            candidate.exit();
        }
    }

    @Override
    public void destroy() {
        Generation last = current;
        if (last != null) {
            last.retire();
        }
    }

    /** One Jersey application and the requests it is serving. */
    private static final class Generation {
        private final ServletContainer container;
        private final AtomicInteger inFlight = new AtomicInteger();
        private final AtomicBoolean destroyed = new AtomicBoolean();
        private volatile boolean retired;

        Generation(ServletContainer container) {
            this.container = container;
        }

        void enter() {
            inFlight.incrementAndGet();
        }

        void exit() {
            if (inFlight.decrementAndGet() == 0 && retired) {
                destroyOnce();
            }
        }

        void retire() {
            retired = true;
            if (inFlight.get() == 0) {
                destroyOnce();
            }
        }

        private void destroyOnce() {
            if (destroyed.compareAndSet(false, true)) {
                container.destroy();
            }
        }
    }
}
