package io.gantry.rest.bundle.internal.testing;

import io.gantry.engine.api.security.AuditEntry;
import io.gantry.engine.api.security.AuditQuery;
import io.gantry.engine.api.security.AuditTrail;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps audit entries in a list; the real trail is the core's, in SQLite. */
public final class RecordingAuditTrail implements AuditTrail {
    private final List<AuditEntry> entries = new CopyOnWriteArrayList<>();

    @Override
    public AuditEntry record(AuditEntry entry) {
        AuditEntry recorded = new AuditEntry(
                entries.size() + 1,
                entry.at() == null ? Instant.now() : entry.at(),
                entry.who(),
                entry.action(),
                entry.target(),
                entry.outcome(),
                entry.status(),
                entry.source(),
                entry.detail());
        entries.add(recorded);
        return recorded;
    }

    @Override
    public List<AuditEntry> find(AuditQuery query) {
        return List.copyOf(entries);
    }

    /** @return everything recorded, oldest first */
    public List<AuditEntry> entries() {
        return List.copyOf(entries);
    }
}
