package io.gantry.engine.core.internal.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.engine.api.security.AuditEntry;
import io.gantry.engine.core.internal.security.SecurityTestbed;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditCommandTest {
    @TempDir
    Path dir;

    @Test
    void printsTheNewestEntriesFirst() {
        try (SecurityTestbed bed = new SecurityTestbed(dir)) {
            for (int i = 0; i < 3; i++) {
                bed.audit().record(new AuditEntry(0, null, "alice", "action-" + i, "", "ok", 200, "10.0.0.7", ""));
            }

            String printed = new AuditCommand(bed.audit()).audit(2);

            assertThat(printed.lines()).hasSize(3);
            assertThat(printed.lines().skip(1))
                    .allSatisfy(line -> assertThat(line).contains("alice"));
            assertThat(printed).contains("action-2", "action-1").doesNotContain("action-0");
            assertThat(new AuditCommand(bed.audit()).audit()).contains("action-0");
        }
    }
}
