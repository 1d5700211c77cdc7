package io.gantry.engine.core.internal.events;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * A publisher over a bus that records what it delivers, for tests of other packages; closing it
 * stops the publisher's deliverer (its {@code stop()} is package-private, as DS needs it).
 */
public final class TestEvents implements EventAdmin, AutoCloseable {
    /** Every event delivered, in order. */
    public final List<Event> delivered = new CopyOnWriteArrayList<>();
    /** Publishes onto this bus. */
    public final EventPublisher publisher;

    /** A bus whose publisher keeps no event log. */
    public TestEvents() {
        publisher = new EventPublisher(this);
    }

    /** @param journal the event log its publisher hands every delivered event to */
    TestEvents(EventJournal journal) {
        publisher = new EventPublisher(this, journal);
    }

    @Override
    public void postEvent(Event event) {
        delivered.add(event);
    }

    @Override
    public void sendEvent(Event event) {
        delivered.add(event);
    }

    /** @return the topics delivered so far, in order */
    public List<String> topics() {
        return delivered.stream().map(Event::getTopic).toList();
    }

    @Override
    public void close() throws InterruptedException {
        publisher.stop();
    }
}
