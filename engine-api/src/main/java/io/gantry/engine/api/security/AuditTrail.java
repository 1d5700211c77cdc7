package io.gantry.engine.api.security;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** The record of who did what: kept in the controller's database, it survives a crash like the rest. */
@ProviderType
public interface AuditTrail {
    /**
     * Records an entry; it is on disk when this returns.
     *
     * @param entry the entry; its id and, when null, its time are set here
     * @return the entry as recorded
     */
    AuditEntry record(AuditEntry entry);

    /**
     * @param query filters
     * @return matching entries, newest first
     */
    List<AuditEntry> find(AuditQuery query);
}
