package io.gantry.engine.core.internal.device;

import io.gantry.engine.api.device.DeviceStatus;
import io.gantry.engine.api.event.EventProperties;
import io.gantry.engine.api.event.Topics;
import io.gantry.engine.api.signal.SignalSample;
import io.gantry.engine.core.internal.events.EventPublisher;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the log and the event bus what happens to devices. Publishing only queues, so a device may
 * announce while it holds its own monitor and its events keep the order of its states.
 */
final class StatusAnnouncer {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceManager.class);

    private final EventPublisher events;
    private final List<DeviceWatcher> watchers = new CopyOnWriteArrayList<>();

    StatusAnnouncer(EventPublisher events) {
        this.events = events;
    }

    void watch(DeviceWatcher watcher) {
        watchers.add(watcher);
    }

    void unwatch(DeviceWatcher watcher) {
        watchers.remove(watcher);
    }

    /** Every status change, announced or not, for the watchers. */
    void status(String id, DeviceStatus status, String error) {
        for (DeviceWatcher watcher : watchers) {
            watcher.statusChanged(id, status, error);
        }
    }

    void pushed(String id, String signal, SignalSample sample) {
        for (DeviceWatcher watcher : watchers) {
            watcher.signalPushed(id, signal, sample);
        }
    }

    /**
     * A device moved to a status. CONNECTING and UNAVAILABLE have no topic here: a connect's outcome
     * is what observers wait for, and UNAVAILABLE is announced by {@link #unavailable}.
     */
    void moved(String id, DeviceStatus status, String error) {
        String topic = switch (status) {
            case CONNECTED -> Topics.DEVICE_CONNECTED;
            case DISCONNECTED -> Topics.DEVICE_DISCONNECTED;
            case FAULT -> Topics.DEVICE_FAULT;
            default -> null;
        };
        if (status == DeviceStatus.FAULT) {
            LOG.warn("device '{}' fault: {}", id, error);
        } else {
            LOG.info("device '{}' is {}", id, status);
        }
        if (topic != null) {
            Map<String, Object> properties = new HashMap<>();
            properties.put(EventProperties.DEVICE_ID, id);
            properties.put(EventProperties.STATUS, status.name());
            properties.put(EventProperties.ERROR, error);
            events.publish(topic, properties);
        }
    }

    void unavailable(String id, String type) {
        LOG.info("device '{}' is unavailable: no plugin offers type '{}' now", id, type);
        events.publish(
                Topics.DEVICE_UNAVAILABLE,
                Map.of(EventProperties.DEVICE_ID, id, EventProperties.STATUS, DeviceStatus.UNAVAILABLE.name()));
    }

    void created(String id, String type) {
        events.publish(Topics.DEVICE_CREATED, Map.of(EventProperties.DEVICE_ID, id, "type", type));
    }

    void removed(String id) {
        for (DeviceWatcher watcher : watchers) {
            watcher.removed(id);
        }
        events.publish(Topics.DEVICE_REMOVED, Map.of(EventProperties.DEVICE_ID, id));
    }
}
