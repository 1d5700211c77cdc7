package io.gantry.engine.core.internal.deploy;

import io.gantry.engine.core.internal.deploy.DeployFolder.Stamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns successive scans of deploy/ into changes to act on. A file counts as changed once it looks
 * the same on two scans in a row and differs from what was last acted on: a jar still being copied
 * is left alone until the copy is done. Used by one thread.
 */
final class SettledFiles {
    private Map<String, Stamp> previousScan = Map.of();
    private final Map<String, Stamp> actedOn = new HashMap<>();

    /**
     * @param scan the folder now
     * @return the files to deploy again (new or changed and settled) and the files gone
     */
    Changes next(Map<String, Stamp> scan) {
        List<String> changed = new ArrayList<>();
        scan.forEach((name, stamp) -> {
            if (stamp.equals(previousScan.get(name)) && !stamp.equals(actedOn.get(name))) {
                changed.add(name);
            }
        });
        List<String> removed = actedOn.keySet().stream()
                .filter(name -> !scan.containsKey(name))
                .sorted()
                .toList();
        previousScan = Map.copyOf(scan);
        return new Changes(changed, removed);
    }

    /** Records that a file was acted on as it looks now (or, with null, that it is gone). */
    void actedOn(String name, Stamp stamp) {
        if (stamp == null) {
            actedOn.remove(name);
        } else {
            actedOn.put(name, Objects.requireNonNull(stamp));
        }
    }

    record Changes(List<String> changed, List<String> removed) {
        boolean none() {
            return changed.isEmpty() && removed.isEmpty();
        }
    }
}
