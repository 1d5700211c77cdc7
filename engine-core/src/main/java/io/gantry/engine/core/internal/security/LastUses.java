package io.gantry.engine.core.internal.security;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each token was last used. Authentication writes here only, in memory; the times reach the
 * database in batches ({@link #unsaved}, then {@link #saved}), since a write per request would cost
 * a disk sync per request.
 */
final class LastUses {
    private final Map<String, Instant> latest = new ConcurrentHashMap<>();
    // guarded by this; only the saving side touches it
    private final Map<String, Instant> saved = new HashMap<>();

    /** Takes the times already on disk. */
    synchronized void loaded(String tokenId, Instant at) {
        if (at != null) {
            latest.put(tokenId, at);
            saved.put(tokenId, at);
        }
    }

    /** Notes a use; cheap, and safe from any thread. */
    void used(String tokenId, Instant at) {
        latest.merge(tokenId, at, (before, now) -> now.isAfter(before) ? now : before);
    }

    /** @return when the token was last used, as far as this process knows; null for never */
    Instant of(String tokenId) {
        return latest.get(tokenId);
    }

    /** @return the uses not yet on disk, per token id */
    synchronized Map<String, Instant> unsaved() {
        Map<String, Instant> unsaved = new HashMap<>();
        latest.forEach((id, at) -> {
            if (!at.equals(saved.get(id))) {
                unsaved.put(id, at);
            }
        });
        return unsaved;
    }

    /** Notes that these uses are on disk. */
    synchronized void saved(Map<String, Instant> written) {
        saved.putAll(written);
    }
}
