package io.gantry.engine.core.internal.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gantry.engine.api.error.NotFoundException;
import io.gantry.engine.api.security.AuditEntry;
import io.gantry.engine.api.security.AuditQuery;
import io.gantry.engine.core.internal.security.SecurityTestbed;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What console commands such as gantry:run and gantry:connect leave in the real audit trail. */
class ShellAuditTest {
    @TempDir
    Path dir;

    private SecurityTestbed bed;
    private ShellAudit audit;

    @BeforeEach
    void start() {
        bed = new SecurityTestbed(dir);
        audit = new ShellAudit(bed.audit(), bed.clock());
    }

    @AfterEach
    void stop() {
        bed.close();
    }

    @Test
    void recordsAChangeThatWorkedWithTheDetailKnownOnlyAfterIt() {
        String[] id = new String[1];
        String answer = audit.audited("gantry:run", "pipeline/p1", () -> "execution " + id[0], () -> id[0] = "e-1");

        assertThat(answer).isEqualTo("e-1");
        assertThat(entries()).singleElement().satisfies(entry -> {
            assertThat(entry.who()).isEqualTo("shell");
            assertThat(entry.source()).isEqualTo("shell");
            assertThat(entry.action()).isEqualTo("gantry:run");
            assertThat(entry.target()).isEqualTo("pipeline/p1");
            assertThat(entry.outcome()).isEqualTo("ok");
            assertThat(entry.detail()).isEqualTo("execution e-1");
        });
    }

    @Test
    void recordsARefusedChangeAndLetsTheErrorThrough() {
        assertThatThrownBy(() -> audit.audited("gantry:connect", "device/d9", () -> "", () -> {
                    throw new NotFoundException("no device 'd9'");
                }))
                .isInstanceOf(NotFoundException.class);

        assertThat(entries()).singleElement().satisfies(entry -> {
            assertThat(entry.outcome()).isEqualTo("refused");
            assertThat(entry.detail()).isEqualTo("no device 'd9'");
        });
    }

    private List<AuditEntry> entries() {
        return bed.audit().find(new AuditQuery(null, null, null, null, null, null, 100));
    }
}
