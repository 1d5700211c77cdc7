package io.gantry.engine.core.internal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gantry.engine.api.error.ConflictException;
import io.gantry.engine.api.error.InvalidConfigException;
import io.gantry.engine.api.error.NotFoundException;
import io.gantry.engine.api.security.IssuedToken;
import io.gantry.engine.api.security.Role;
import io.gantry.engine.api.security.TokenInfo;
import io.gantry.engine.api.security.UserInfo;
import io.gantry.engine.core.internal.storage.TestDatabases;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class UserAdministrationTest extends SecurityTestSupport {
    @Test
    void createsListsAndChangesUsersThatSurviveARestart() {
        bed.users.createUser("zoe", Role.VIEWER, null);
        bed.users.createUser("bea", Role.ENGINEER, PASSWORD);

        assertThat(bed.users.users()).extracting(UserInfo::name).containsExactly("admin", "bea", "zoe");
        assertThat(bed.users.user("bea")).isEqualTo(new UserInfo("bea", Role.ENGINEER, true, bed.clock.instant()));

        bed.users.updateUser("zoe", Role.OPERATOR, PASSWORD);
        bed.restart();

        assertThat(bed.users.user("zoe")).isEqualTo(new UserInfo("zoe", Role.OPERATOR, true, bed.clock.instant()));
        assertThat(bed.credentials.authenticatePassword("zoe", PASSWORD)).isPresent();
    }

    @Test
    void refusesATakenNameAndUnacceptableNamesAndPasswords() {
        bed.users.createUser("bea", Role.VIEWER, null);

        assertThatThrownBy(() -> bed.users.createUser("bea", Role.VIEWER, null))
                .isInstanceOf(ConflictException.class)
                .hasMessage("user 'bea' already exists");
        for (String name : new String[] {"", "Bea", "-bea", ".bea", "b e", "bea/tok", "b".repeat(65)}) {
            assertThatThrownBy(() -> bed.users.createUser(name, Role.VIEWER, null))
                    .as(name)
                    .isInstanceOf(InvalidConfigException.class)
                    .hasMessageContaining("is not acceptable");
        }
        assertThat(bed.users.createUser("b".repeat(64), Role.VIEWER, null).name())
                .hasSize(64);
        assertThat(bed.users.createUser("0.a_b-c", Role.VIEWER, null).name()).isEqualTo("0.a_b-c");
        assertThatThrownBy(() -> bed.users.createUser("short", Role.VIEWER, "elevenchars"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("the password of user 'short' must have 12 to 1024 characters, it has 11");
        assertThatThrownBy(() -> bed.users.createUser("long", Role.VIEWER, "x".repeat(1025)))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("it has 1025");
        assertThatThrownBy(() -> bed.users.updateUser("bea", null, "too short"))
                .isInstanceOf(InvalidConfigException.class);
        assertThatThrownBy(() -> bed.users.createUser("norole", null, null)).isInstanceOf(InvalidConfigException.class);
        assertThat(bed.users.users()).extracting(UserInfo::name).doesNotContain("short", "long", "norole");
    }

    @Test
    void unknownUsersAndTokensAreNotFound() {
        assertThatThrownBy(() -> bed.users.user("nobody")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> bed.users.updateUser("nobody", Role.VIEWER, null))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> bed.users.deleteUser("nobody")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> bed.users.createToken("nobody", "ci", Role.VIEWER, null))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> bed.users.revokeToken("tok_nothinghere"))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("token 'tok_nothinghere' does not exist");
    }

    @Test
    void theLastAdminCanBeNeitherRemovedNorDemoted() {
        assertThatThrownBy(() -> bed.users.deleteUser("admin"))
                .isInstanceOf(ConflictException.class)
                .hasMessage("cannot remove user 'admin': it is the last admin; make another user admin first");
        assertThatThrownBy(() -> bed.users.updateUser("admin", Role.ENGINEER, null))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("cannot demote user 'admin'");
        assertThat(bed.users.updateUser("admin", Role.ADMIN, null).role()).isEqualTo(Role.ADMIN);

        bed.users.createUser("root", Role.ADMIN, null);
        bed.users.updateUser("admin", Role.VIEWER, null);
        assertThatThrownBy(() -> bed.users.deleteUser("root")).isInstanceOf(ConflictException.class);
        bed.users.deleteUser("admin");

        assertThat(bed.users.users()).extracting(UserInfo::name).containsExactly("root");
    }

    @Test
    void aTokenMustExpireInTheFutureAndItsSecretIsOnlyInTheAnswer() {
        assertThatThrownBy(() -> bed.users.createToken("admin", "ci", Role.ADMIN, bed.clock.instant()))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("must expire in the future");
        assertThatThrownBy(() -> bed.users.createToken("admin", " ", Role.ADMIN, null))
                .isInstanceOf(InvalidConfigException.class);

        IssuedToken token = bed.users.createToken(
                "admin", "ci", Role.OPERATOR, bed.clock.instant().plus(Duration.ofDays(30)));

        assertThat(token.toString()).doesNotContain(token.secret());
        assertThat(token.info())
                .isEqualTo(new TokenInfo(
                        token.info().id(),
                        "ci",
                        "admin",
                        Role.OPERATOR,
                        bed.clock.instant(),
                        bed.clock.instant().plus(Duration.ofDays(30)),
                        null,
                        null));
        assertThat(TestDatabases.column(
                        bed.database,
                        "SELECT secret_sha256 FROM api_token WHERE id = ?",
                        token.info().id()))
                .containsExactly(TokenSecrets.hex(TokenSecrets.sha256(token.secret())));
    }

    @Test
    void listsTokensNewestFirstRevokedOnesIncluded() {
        bed.clock.advance(Duration.ofSeconds(1));
        TokenInfo first =
                bed.users.createToken("admin", "first", Role.ADMIN, null).info();
        bed.clock.advance(Duration.ofSeconds(1));
        bed.users.createUser("bea", Role.VIEWER, null);
        TokenInfo second =
                bed.users.createToken("bea", "second", Role.VIEWER, null).info();
        bed.clock.advance(Duration.ofSeconds(1));
        TokenInfo revoked = bed.users.revokeToken(first.id());

        assertThat(revoked.revokedAt()).isEqualTo(bed.clock.instant());
        assertThat(bed.users.revokeToken(first.id()))
                .as("revoking again keeps the first time")
                .isEqualTo(revoked);
        assertThat(bed.users.tokens(null))
                .extracting(TokenInfo::name)
                .containsExactly("second", "first", InitialAdmin.TOKEN_NAME);
        assertThat(bed.users.tokens("bea")).containsExactly(second);
        bed.restart();
        assertThat(bed.users.tokens("admin")).contains(revoked);
    }
}
