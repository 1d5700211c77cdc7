package io.gantry.itests.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/** An EventAdmin handler for {@code gantry/*} that keeps every event it receives, in order. */
public final class EventRecorder implements EventHandler, AutoCloseable {
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final ServiceRegistration<EventHandler> registration;

    /**
     * @param context where to register the handler
     */
    public EventRecorder(BundleContext context) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(EventConstants.EVENT_TOPIC, "gantry/*");
        registration = context.registerService(EventHandler.class, this, properties);
    }

    @Override
    public void handleEvent(Event event) {
        events.add(event);
    }

    /**
     * @param filter which events
     * @return those received so far, in order
     */
    public List<Event> events(Predicate<Event> filter) {
        List<Event> matching = new ArrayList<>();
        events.stream().filter(filter).forEach(matching::add);
        return matching;
    }

    /**
     * @param executionId an execution
     * @return the topics of its events so far, in order, each with its node id when it has one
     */
    public List<String> stepsOf(String executionId) {
        List<String> steps = new ArrayList<>();
        for (Event event : events(e -> executionId.equals(e.getProperty("executionId")))) {
            Object node = event.getProperty("nodeId");
            steps.add(event.getTopic().substring("gantry/".length()) + (node == null ? "" : " " + node));
        }
        return steps;
    }

    /**
     * Waits until an event arrives.
     *
     * @param what    for the failure message
     * @param timeout the deadline
     * @param filter  which event
     */
    public void await(String what, Duration timeout, Predicate<Event> filter) {
        Await.until(what, timeout, () -> events.stream().anyMatch(filter));
    }

    @Override
    public void close() {
        registration.unregister();
    }
}
