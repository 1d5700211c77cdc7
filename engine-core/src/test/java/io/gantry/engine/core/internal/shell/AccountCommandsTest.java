package io.gantry.engine.core.internal.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gantry.engine.api.error.ConflictException;
import io.gantry.engine.api.error.InvalidConfigException;
import io.gantry.engine.api.security.AuditEntry;
import io.gantry.engine.api.security.AuditQuery;
import io.gantry.engine.api.security.Identity;
import io.gantry.engine.api.security.Role;
import io.gantry.engine.api.security.TokenInfo;
import io.gantry.engine.core.internal.security.SecurityTestbed;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The user and token commands as the console calls them (through Gogo's Function), over the real services. */
class AccountCommandsTest {
    @TempDir
    Path dir;

    private SecurityTestbed bed;
    private Map<String, ConsoleCommand> commands;

    @BeforeEach
    void start() {
        bed = new SecurityTestbed(dir);
        commands = new AccountCommands(bed.users(), bed.audit(), bed.clock())
                .commands().stream().collect(Collectors.toMap(ConsoleCommand::name, Function.identity()));
    }

    @AfterEach
    void stop() {
        bed.close();
    }

    private String run(String command, Object... args) {
        return String.valueOf(commands.get(command).execute(null, List.of(args)));
    }

    private List<AuditEntry> audit() {
        return bed.audit().find(new AuditQuery(null, null, null, null, null, null, 100));
    }

    @Test
    void offersTheCommandsOfTheBrief() {
        assertThat(commands)
                .containsOnlyKeys(
                        "user-list",
                        "user-add",
                        "user-passwd",
                        "user-role",
                        "user-remove",
                        "token-list",
                        "token-create",
                        "token-revoke");
        assertThat(run("token-create", "--help"))
                .startsWith("usage: gantry:token-create <user> <role> [name] [days]\n")
                .contains("gantry:token-create admin admin recovery");
        assertThat(run("user-add")).as("too few arguments").startsWith("usage: gantry:user-add");
    }

    @Test
    void recoversALostAdminWithAFreshToken() {
        String printed = run("token-create", "admin", "admin", "recovery");

        String secret = printed.lines()
                .filter(line -> line.startsWith("gnt_"))
                .findFirst()
                .orElseThrow();
        assertThat(printed).contains("shown only now");
        Identity admin = bed.credentials().authenticateToken(secret).orElseThrow();
        assertThat(admin.role()).isEqualTo(Role.ADMIN);
        assertThat(audit()).singleElement().satisfies(entry -> {
            assertThat(entry.who()).isEqualTo("shell");
            assertThat(entry.source()).isEqualTo("shell");
            assertThat(entry.action()).isEqualTo("token-create");
            assertThat(entry.outcome()).isEqualTo("ok");
            assertThat(entry.detail()).startsWith(admin.tokenId()).doesNotContain(secret);
        });
    }

    @Test
    void recoversARemovedAdminUser() {
        bed.users().createUser("root", Role.ADMIN, null);
        bed.users().deleteUser("admin");

        run("user-add", "admin", "admin");
        String printed = run("token-create", "admin", "admin", "recovery", "1");

        assertThat(bed.users().user("admin").role()).isEqualTo(Role.ADMIN);
        assertThat(printed).contains("expires " + bed.clock().instant().plus(Duration.ofDays(1)));
    }

    @Test
    void managesUsersAndTokensAndRecordsEveryChange() {
        assertThat(run("user-add", "bea", "operator", "correct horse battery")).contains("user bea added");
        run("user-role", "bea", "viewer");
        run("user-passwd", "bea", "another good password");
        String printed = run("token-create", "bea", "viewer", "panel", "30");
        String id = printed.substring("token ".length(), printed.indexOf(' ', "token ".length()));
        assertThat(run("token-list", "bea")).contains(id, "panel", "viewer");
        run("token-revoke", id);
        assertThat(run("user-list")).contains("bea", "viewer", "yes");
        run("user-remove", "bea");

        assertThat(bed.users().tokens("bea")).extracting(TokenInfo::revokedAt).doesNotContainNull();
        assertThat(audit())
                .extracting(AuditEntry::action)
                .containsExactly("user-remove", "token-revoke", "token-create", "user-passwd", "user-role", "user-add");
        assertThat(audit()).extracting(AuditEntry::target).contains("user/bea", "token/" + id);
        assertThat(audit()).allSatisfy(entry -> assertThat(entry.detail()).doesNotContain("correct horse"));
    }

    @Test
    void aRefusedChangeIsRecordedAndReachesTheConsole() {
        assertThatThrownBy(() -> run("user-remove", "admin")).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> run("user-add", "bea", "boss")).isInstanceOf(InvalidConfigException.class);
        assertThatThrownBy(() -> run("token-create", "admin", "admin", "x", "soon"))
                .isInstanceOf(InvalidConfigException.class);

        assertThat(audit()).extracting(AuditEntry::outcome).containsExactly("refused", "refused", "refused");
        assertThat(audit().get(2).detail()).contains("last admin");
    }
}
