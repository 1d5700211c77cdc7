package io.gantry.engine.core.internal.registry;

import io.gantry.engine.api.service.RejectedFile;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.osgi.service.component.annotations.Component;

/**
 * What went wrong with plugins, kept for the plugin list: each plugin's last failure to install,
 * update, start or be admitted (by symbolic name), and the files in deploy/ that are not plugins.
 */
@Component(service = PluginProblems.class)
public final class PluginProblems {
    /**
     * One plugin's last failure.
     *
     * @param plugin  symbolic name
     * @param version the version that failed
     * @param error   what went wrong
     * @param state   what the plugin is after it: {@code REFUSED}, {@code FAILED}, or {@code ROLLED_BACK}
     *     when an earlier version serves
     */
    public record Failure(String plugin, String version, String error, String state) {}

    private final Map<String, Failure> failures = new ConcurrentHashMap<>();
    private final Map<String, String> rejectedFiles = new ConcurrentSkipListMap<>();

    /** @param failure the plugin's newest failure, replacing any earlier one */
    public void failed(Failure failure) {
        failures.put(failure.plugin(), failure);
    }

    /** @param plugin a plugin that now works, or is gone: its failure is forgotten */
    public void succeeded(String plugin) {
        failures.remove(plugin);
    }

    /**
     * @param plugin a symbolic name
     * @return its last failure, if it has one
     */
    public Optional<Failure> failure(String plugin) {
        return Optional.ofNullable(failures.get(plugin));
    }

    /** @return the last failure of each plugin that has one */
    public Map<String, Failure> failures() {
        return Map.copyOf(failures);
    }

    /**
     * @param file   a file name in deploy/
     * @param reason why it is not deployed
     * @return true when this is news (the file was not rejected, or for another reason)
     */
    public boolean reject(String file, String reason) {
        return !reason.equals(rejectedFiles.put(file, reason));
    }

    /** @param file a file name in deploy/ that is deployed now, or gone */
    public void accept(String file) {
        rejectedFiles.remove(file);
    }

    /** @return the rejected files, by name */
    public List<RejectedFile> rejectedFiles() {
        return rejectedFiles.entrySet().stream()
                .map(e -> new RejectedFile(e.getKey(), e.getValue()))
                .toList();
    }
}
