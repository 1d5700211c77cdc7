package io.gantry.engine.core.internal.deploy;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Component;

/**
 * The last failure to install, update or start each plugin, by symbolic name, so that the plugin
 * list can show it next to the version that kept serving.
 */
@Component(service = DeploymentLog.class)
public final class DeploymentLog {
    /**
     * One plugin's last failure.
     *
     * @param plugin  symbolic name
     * @param version the version that failed
     * @param error   what went wrong
     * @param state   the state of the plugin after the failure (for example {@code ROLLED_BACK})
     */
    public record Failure(String plugin, String version, String error, String state) {}

    private final Map<String, Failure> failures = new ConcurrentHashMap<>();

    void failed(Failure failure) {
        failures.put(failure.plugin(), failure);
    }

    void succeeded(String plugin) {
        failures.remove(plugin);
    }

    /** @return the last failure of each plugin that has one */
    public Map<String, Failure> failures() {
        return Map.copyOf(failures);
    }
}
