package io.gantry.itests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.UUID;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Reconfigures the controller's device circuit breakers through ConfigurationAdmin and waits until
 * the component has taken the new settings (DS copies them onto its service properties).
 */
public final class BreakerConfig {
    /** The breakers' configuration PID (also their component and service class name). */
    public static final String PID = "io.gantry.engine.core.internal.resilience.DeviceBreakers";

    private BreakerConfig() {}

    /**
     * @param context  to look at the breakers' service
     * @param admin    ConfigurationAdmin
     * @param settings keys of the breaker configuration (see README), the rest stay at their defaults
     */
    public static void apply(BundleContext context, ConfigurationAdmin admin, Map<String, Object> settings) {
        String marker = UUID.randomUUID().toString();
        Dictionary<String, Object> properties = new Hashtable<>(settings);
        properties.put("test.marker", marker);
        try {
            admin.getConfiguration(PID, "?").update(properties);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Await.until(
                "the breakers reconfigured",
                Duration.ofSeconds(10),
                () -> marker.equals(property(context, "test.marker")));
    }

    private static Object property(BundleContext context, String key) {
        try {
            ServiceReference<?>[] references = context.getAllServiceReferences(PID, null);
            return references == null ? null : references[0].getProperty(key);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
