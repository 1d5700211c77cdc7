package io.gantry.engine.core.internal.shell;

import io.gantry.engine.api.event.EventProperties;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
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
    private final ServiceRegistration<EventHandler> registration;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

    RunFollower(BundleContext context) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(EventConstants.EVENT_TOPIC, new String[] {"gantry/node/*", "gantry/pipeline/*"});
        this.registration = context.registerService(EventHandler.class, this, properties);
    }

    @Override
    public void handleEvent(Event event) {
        events.add(event);
    }

    /**
     * Prints the run's events on the calling thread — the console session's output is bound to it,
     * not to EventAdmin's delivery threads — until the run's end event or the time limit.
     *
     * @param executionId the run to print
     * @param limit       how long to follow at most
     * @param printer     prints one event
     * @return true when the run ended within the time
     * @throws InterruptedException when the console interrupts the follow
     */
    boolean printUntilEnd(String executionId, Duration limit, Consumer<Event> printer) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            Event event = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (event == null) {
                return false;
            }
            if (!executionId.equals(event.getProperty(EventProperties.EXECUTION_ID))) {
                continue;
            }
            if (!event.getTopic().endsWith("/STARTED")) {
                printer.accept(event);
            }
            if (event.getTopic().startsWith("gantry/pipeline/")
                    && !event.getTopic().endsWith("/STARTED")) {
                return true;
            }
        }
    }

    @Override
    public void close() {
        registration.unregister();
    }
}
