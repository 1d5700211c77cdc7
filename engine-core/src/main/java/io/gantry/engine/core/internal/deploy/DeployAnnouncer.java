package io.gantry.engine.core.internal.deploy;

import io.gantry.engine.api.event.EventProperties;
import io.gantry.engine.api.event.Topics;
import io.gantry.engine.core.internal.events.EventPublisher;
import java.util.HashMap;
import java.util.Map;
import org.osgi.framework.Bundle;

/** Announces on the event bus what deployment did to a plugin or a file. */
final class DeployAnnouncer {
    private final EventPublisher events;

    DeployAnnouncer(EventPublisher events) {
        this.events = events;
    }

    void installed(Bundle bundle, String error) {
        events.publish(Topics.PLUGIN_INSTALLED, of(bundle, null, error));
    }

    void updated(Bundle bundle, String previousVersion, String error) {
        events.publish(Topics.PLUGIN_UPDATED, of(bundle, previousVersion, error));
    }

    void uninstalled(Bundle bundle) {
        events.publish(Topics.PLUGIN_UNINSTALLED, of(bundle, null, null));
    }

    /** The version serving now is {@code bundle}'s; {@code failedVersion} is null when the failed file could not be read. */
    void rolledBack(Bundle bundle, String failedVersion, String file, String error) {
        Map<String, Object> properties = of(bundle, null, error);
        properties.put(EventProperties.FAILED_VERSION, failedVersion);
        properties.put(EventProperties.FILE, file);
        events.publish(Topics.PLUGIN_ROLLED_BACK, properties);
    }

    void rejected(String file, String reason) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(EventProperties.FILE, file);
        properties.put(EventProperties.ERROR, reason);
        events.publish(Topics.PLUGIN_REJECTED, properties);
    }

    private static Map<String, Object> of(Bundle bundle, String previousVersion, String error) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(EventProperties.PLUGIN, bundle.getSymbolicName());
        properties.put(EventProperties.PLUGIN_VERSION, bundle.getVersion().toString());
        properties.put(EventProperties.PREVIOUS_VERSION, previousVersion);
        properties.put(EventProperties.ERROR, error);
        return properties;
    }
}
