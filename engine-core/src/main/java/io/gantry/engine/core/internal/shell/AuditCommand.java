package io.gantry.engine.core.internal.shell;

import io.gantry.engine.api.security.AuditEntry;
import io.gantry.engine.api.security.AuditQuery;
import io.gantry.engine.api.security.AuditTrail;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code gantry:audit [count]}: the newest entries of the audit trail, as {@code /api/audit} reads
 * it. Gogo's {@code help} lists this command but not the user and token ones (their names have
 * hyphens), so its help names them.
 */
@Component(service = AuditCommand.class)
@GogoCommand(scope = "gantry", function = "audit")
public final class AuditCommand {
    static final int DEFAULT_COUNT = 20;

    private final AuditTrail audit;

    /**
     * @param audit the audit trail
     */
    @Activate
    public AuditCommand(@Reference AuditTrail audit) {
        this.audit = audit;
    }

    /** @return the newest {@value #DEFAULT_COUNT} entries */
    @Descriptor("prints the newest 20 audit entries. Users and tokens: gantry:user-list, user-add, user-passwd,"
            + " user-role, user-remove, token-list, token-create, token-revoke (each explains itself with --help);"
            + " a lost admin is recovered with gantry:token-create admin admin recovery")
    public String audit() {
        return audit(DEFAULT_COUNT);
    }

    /**
     * @param count how many, newest first (at most 1000)
     * @return one line per entry
     */
    @Descriptor("prints the newest audit entries: when, who, action, target, outcome, status, source, detail")
    public String audit(@Descriptor("how many, at most 1000") int count) {
        Table table = new Table("ID", "AT", "WHO", "ACTION", "TARGET", "OUTCOME", "STATUS", "SOURCE", "DETAIL");
        for (AuditEntry entry : audit.find(new AuditQuery(null, null, null, null, null, null, Math.max(1, count)))) {
            table.row(
                    entry.id(),
                    entry.at(),
                    entry.who(),
                    entry.action(),
                    entry.target(),
                    entry.outcome(),
                    entry.status() == 0 ? null : entry.status(),
                    entry.source(),
                    entry.detail());
        }
        return table.toString();
    }
}
