package io.gantry.engine.core.internal.device;

import io.gantry.engine.api.event.EventProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * The events a device manager published, in order. Tests take them one by one, in any order across
 * devices; everything seen stays in {@link #seen()}, so a test can also check what did not happen
 * before a later event.
 */
final class RecordedEvents implements EventAdmin {
    private final BlockingQueue<Event> arrived = new LinkedBlockingQueue<>();
    private final List<Event> seen = new ArrayList<>(); // the test's thread only
    private final List<Event> untaken = new ArrayList<>();

    @Override
    public void postEvent(Event event) {
        arrived.add(event);
    }

    @Override
    public void sendEvent(Event event) {
        arrived.add(event);
    }

    /** @return the first event on the topic about the device that no earlier call returned */
    Event take(String topic, String deviceId) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Await.SECONDS);
        while (true) {
            for (Event event : untaken) {
                if (event.getTopic().equals(topic) && deviceId.equals(event.getProperty(EventProperties.DEVICE_ID))) {
                    untaken.remove(event);
                    return event;
                }
            }
            try {
                Event next = arrived.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (next == null) {
                    throw new AssertionError("no " + topic + " of device '" + deviceId + "' within " + Await.SECONDS
                            + " s; seen " + describe(seen));
                }
                seen.add(next);
                untaken.add(next);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** @return the error of the next event on the topic about the device */
    String errorOf(String topic, String deviceId) {
        return (String) take(topic, deviceId).getProperty(EventProperties.ERROR);
    }

    /** @return every event seen so far by {@link #take} */
    List<Event> seen() {
        return List.copyOf(seen);
    }

    static String describe(List<Event> events) {
        List<String> lines = new ArrayList<>();
        events.forEach(e -> lines.add(e.getTopic() + " " + e.getProperty(EventProperties.DEVICE_ID) + " "
                + e.getProperty(EventProperties.ERROR)));
        return lines.toString();
    }
}
