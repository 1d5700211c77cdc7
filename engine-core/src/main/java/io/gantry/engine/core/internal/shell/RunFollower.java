package io.gantry.engine.core.internal.shell;

import io.gantry.engine.api.event.EventProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * Listens to one run's node and pipeline events for as long as a console follows it. It listens
 * before the run starts and keeps what arrives before it knows the run's id, so no early node event
 * is lost.
 */
final class RunFollower implements EventHandler, AutoCloseable {
    private final Consumer<Event> printer;
    private final ServiceRegistration<EventHandler> registration;
    private final CountDownLatch ended = new CountDownLatch(1);
    private final List<Event> early = new ArrayList<>();
    private String executionId;

    RunFollower(BundleContext context, Consumer<Event> printer) {
        this.printer = printer;
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(EventConstants.EVENT_TOPIC, new String[] {"gantry/node/*", "gantry/pipeline/*"});
        this.registration = context.registerService(EventHandler.class, this, properties);
    }

    /** @param id the run to print, from now on and what arrived before */
    synchronized void follow(String id) {
        executionId = id;
        early.forEach(this::accept);
        early.clear();
    }

    /** @return true when the run ended within the time */
    boolean awaitEnd(Duration limit) throws InterruptedException {
        return ended.await(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void handleEvent(Event event) {
        if (executionId == null) {
            early.add(event);
        } else {
            accept(event);
        }
    }

    private void accept(Event event) {
        if (!executionId.equals(event.getProperty(EventProperties.EXECUTION_ID))) {
            return;
        }
        if (!event.getTopic().endsWith("/STARTED")) {
            printer.accept(event);
        }
        if (event.getTopic().startsWith("gantry/pipeline/") && !event.getTopic().endsWith("/STARTED")) {
            ended.countDown();
        }
    }

    @Override
    public void close() {
        registration.unregister();
    }
}
