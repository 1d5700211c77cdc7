package io.gantry.engine.core.internal.registry;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which plugin owns each function id and device type id: the one that was admitted with it first.
 * Ownership is by symbolic name, so it stays while the owner is updated or rolled back (and briefly
 * away in between); it is released only when the owner is uninstalled. Guarded by the registry.
 */
final class IdOwners {
    private final Map<String, String> owners = new HashMap<>();

    Optional<String> ownerOf(IdKind kind, String id) {
        return Optional.ofNullable(owners.get(kind.key(id)));
    }

    void claim(IdKind kind, String id, String plugin) {
        owners.putIfAbsent(kind.key(id), plugin);
    }

    void releaseAll(String plugin) {
        owners.values().removeIf(plugin::equals);
    }

    /** Function ids and device type ids are separate namespaces. */
    enum IdKind {
        FUNCTION("function"),
        DEVICE_TYPE("device type");

        private final String label;

        IdKind(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }

        private String key(String id) {
            return name() + ':' + id;
        }
    }
}
