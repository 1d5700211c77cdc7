package io.gantry.engine.core.internal.shell;

import io.gantry.engine.api.error.CodedException;
import io.gantry.engine.api.security.AuditEntry;
import io.gantry.engine.api.security.AuditTrail;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * Writes what a console command changed to the audit trail, as {@value #SHELL} from {@value #SHELL}:
 * the console is a control path like the API, and whoever has it acts with every role.
 */
final class ShellAudit {
    /** Who the audit trail names for console commands, and where they came from. */
    static final String SHELL = "shell";

    private final AuditTrail audit;
    private final Clock clock;

    ShellAudit(AuditTrail audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Runs a change and records how it ended.
     *
     * @param action what the console asked, such as {@code gantry:run}
     * @param target what it was asked of, such as {@code pipeline/p1}
     * @param detail what the entry says besides the outcome, asked once the change ran (a created
     *     token's id or a started execution's is known only then)
     * @param change the change
     * @return what the change returned
     */
    <T> T audited(String action, String target, Supplier<String> detail, Supplier<T> change) {
        T answer;
        try {
            answer = change.get();
        } catch (RuntimeException e) {
            // a domain exception means the request was wrong; anything else, that the controller failed
            String outcome = e instanceof CodedException ? "refused" : "failed";
            String asked = detail.get();
            record(action, target, outcome, asked.isEmpty() ? e.getMessage() : asked + ": " + e.getMessage());
            throw e;
        }
        record(action, target, "ok", detail.get());
        return answer;
    }

    private void record(String action, String target, String outcome, String detail) {
        audit.record(new AuditEntry(0, clock.instant(), SHELL, action, target, outcome, 0, SHELL, detail));
    }
}
