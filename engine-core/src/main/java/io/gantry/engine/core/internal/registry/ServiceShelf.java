package io.gantry.engine.core.internal.registry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Plugin services by id. Two plugins may offer the same id: the first to arrive serves, the other
 * waits behind it and takes over when it leaves, so removing one plugin never hides the other's.
 */
final class ServiceShelf<S, D> {
    private final ConcurrentMap<String, List<Provided<S, D>>> byId = new ConcurrentHashMap<>();

    /** @return true when this service is the one serving its id */
    boolean add(String id, Provided<S, D> provided) {
        List<Provided<S, D>> now = byId.merge(id, List.of(provided), (old, added) -> {
            List<Provided<S, D>> merged = new ArrayList<>(old);
            merged.addAll(added);
            return List.copyOf(merged);
        });
        return now.get(0) == provided;
    }

    /** Drops a service object wherever it is shelved (compared by identity). */
    void remove(S service) {
        for (String id : List.copyOf(byId.keySet())) {
            byId.computeIfPresent(id, (key, list) -> {
                List<Provided<S, D>> kept = list.stream().filter(p -> p.service() != service).toList();
                return kept.isEmpty() ? null : kept;
            });
        }
    }

    Optional<Provided<S, D>> serving(String id) {
        List<Provided<S, D>> list = byId.get(id);
        return list == null ? Optional.empty() : Optional.of(list.get(0));
    }

    /** @return the serving service of every id, ordered by id */
    List<Provided<S, D>> allServing() {
        return byId.entrySet().stream()
                .sorted(java.util.Map.Entry.comparingByKey())
                .map(entry -> entry.getValue().get(0))
                .toList();
    }

    Collection<String> ids() {
        return List.copyOf(byId.keySet());
    }
}
