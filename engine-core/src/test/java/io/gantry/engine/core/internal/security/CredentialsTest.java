package io.gantry.engine.core.internal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gantry.engine.api.error.InvalidConfigException;
import io.gantry.engine.api.security.Identity;
import io.gantry.engine.api.security.IssuedToken;
import io.gantry.engine.api.security.Role;
import io.gantry.engine.core.internal.storage.SqliteAccountStore;
import io.gantry.engine.core.internal.storage.StoredToken;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CredentialsTest extends SecurityTestSupport {
    @Test
    void aTokenAuthenticatesItsOwnerUntilItIsRevoked() {
        bed.users.createUser("alice", Role.ENGINEER, null);
        IssuedToken token = bed.users.createToken("alice", "ci", Role.OPERATOR, null);

        assertThat(bed.credentials.authenticateToken(token.secret()))
                .contains(new Identity("alice", token.info().id(), Role.OPERATOR));

        bed.users.revokeToken(token.info().id());

        assertThat(bed.credentials.authenticateToken(token.secret())).isEmpty();
    }

    @Test
    void aTokenStopsWorkingWhenItExpires() {
        bed.users.createUser("alice", Role.ENGINEER, null);
        IssuedToken token = bed.users.createToken(
                "alice", "ci", Role.ENGINEER, bed.clock.instant().plus(Duration.ofDays(1)));

        bed.clock.advance(Duration.ofDays(1).minusNanos(1));
        assertThat(bed.credentials.authenticateToken(token.secret())).isPresent();

        bed.clock.advance(Duration.ofNanos(1));
        assertThat(bed.credentials.authenticateToken(token.secret())).isEmpty();
    }

    @Test
    void anUnknownSecretOfTheRightShapeIsRefused() {
        assertThat(bed.credentials.authenticateToken(new TokenSecrets().newSecret()))
                .isEmpty();
    }

    @Test
    void malformedTokensAreRefusedBeforeAnyLookup() {
        String secret = bed.users.createToken("admin", "ci", Role.VIEWER, null).secret();
        AtomicInteger lookups = new AtomicInteger();
        AccountDirectory counting = new AccountDirectory(new SqliteAccountStore(bed.database)) {
            @Override
            Optional<StoredToken> tokenWithHash(byte[] hash) {
                lookups.incrementAndGet();
                return super.tokenWithHash(hash);
            }
        };
        CredentialsImpl credentials = new CredentialsImpl(counting, bed.hasher, bed.clock);
        String body = secret.substring(4);

        List<String> malformed = List.of(
                "",
                "gnt_",
                secret.substring(0, secret.length() - 1),
                secret + "x",
                "gnx_" + body,
                "Bearer " + secret,
                "gnt_" + body.substring(0, 20) + "/" + body.substring(21),
                "gnt_" + body.substring(0, 20) + "=" + body.substring(21),
                "gnt_" + body.substring(0, 20) + " " + body.substring(21));
        for (String token : malformed) {
            assertThat(credentials.authenticateToken(token)).as(token).isEmpty();
        }
        assertThat(credentials.authenticateToken(null)).isEmpty();

        assertThat(lookups).as("lookups for malformed tokens").hasValue(0);
        assertThat(credentials.authenticateToken(secret)).isPresent();
        assertThat(lookups).hasValue(1);
    }

    @Test
    void aTokenNeverOutranksItsOwnerAndFollowsTheOwnerDown() {
        bed.users.createUser("bob", Role.OPERATOR, null);
        assertThatThrownBy(() -> bed.users.createToken("bob", "too much", Role.ENGINEER, null))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("cannot have role engineer");

        bed.users.createUser("carol", Role.ADMIN, null);
        IssuedToken token = bed.users.createToken("carol", "deploys", Role.ADMIN, null);
        bed.users.updateUser("carol", Role.VIEWER, null);

        assertThat(bed.credentials.authenticateToken(token.secret()))
                .contains(new Identity("carol", token.info().id(), Role.VIEWER));
        assertThat(bed.users.tokens("carol"))
                .singleElement()
                .extracting(info -> info.role())
                .as("the demotion lowered the token too, and promoting carol again does not raise it")
                .isEqualTo(Role.VIEWER);
        bed.users.updateUser("carol", Role.ADMIN, null);
        assertThat(bed.credentials
                        .authenticateToken(token.secret())
                        .orElseThrow()
                        .role())
                .isEqualTo(Role.VIEWER);
    }

    @Test
    void recheckAnswersWhatChangedSinceTheLogin() {
        bed.users.createUser("dave", Role.ENGINEER, PASSWORD);
        IssuedToken token = bed.users.createToken("dave", "hmi", Role.ENGINEER, null);
        Identity byToken = bed.credentials.authenticateToken(token.secret()).orElseThrow();
        Identity byPassword =
                bed.credentials.authenticatePassword("dave", PASSWORD).orElseThrow();

        assertThat(bed.credentials.recheck(byToken)).contains(byToken);
        assertThat(bed.credentials.recheck(byPassword)).contains(byPassword);

        bed.users.updateUser("dave", Role.OPERATOR, null);
        assertThat(bed.credentials.recheck(byToken))
                .contains(new Identity("dave", token.info().id(), Role.OPERATOR));
        assertThat(bed.credentials.recheck(byPassword)).contains(new Identity("dave", null, Role.OPERATOR));

        bed.users.revokeToken(token.info().id());
        assertThat(bed.credentials.recheck(byToken)).isEmpty();
        assertThat(bed.credentials.recheck(byPassword)).isPresent();

        bed.users.deleteUser("dave");
        assertThat(bed.credentials.recheck(byPassword)).isEmpty();
    }

    @Test
    void recheckRefusesAnExpiredTokenAndATokenOfSomeoneElse() {
        bed.users.createUser("erin", Role.OPERATOR, null);
        IssuedToken token = bed.users.createToken(
                "erin", "shift", Role.OPERATOR, bed.clock.instant().plus(Duration.ofHours(8)));
        Identity erin = bed.credentials.authenticateToken(token.secret()).orElseThrow();

        assertThat(bed.credentials.recheck(new Identity("mallory", erin.tokenId(), Role.OPERATOR)))
                .isEmpty();
        bed.clock.advance(Duration.ofHours(8));
        assertThat(bed.credentials.recheck(erin)).isEmpty();
    }

    @Test
    void removingAUserRevokesItsTokens() {
        bed.users.createUser("frank", Role.OPERATOR, null);
        IssuedToken token = bed.users.createToken("frank", "panel", Role.OPERATOR, null);

        bed.users.deleteUser("frank");

        assertThat(bed.credentials.authenticateToken(token.secret())).isEmpty();
        assertThat(bed.users.tokens("frank"))
                .singleElement()
                .satisfies(info -> assertThat(info.revokedAt()).isEqualTo(bed.clock.instant()));
        bed.restart();
        assertThat(bed.credentials.authenticateToken(token.secret())).isEmpty();
    }

    @Test
    void aPasswordAuthenticatesItsUserWithTheUsersRole() {
        bed.users.createUser("grace", Role.ENGINEER, PASSWORD);
        bed.users.createUser("heidi", Role.ENGINEER, null);

        assertThat(bed.credentials.authenticatePassword("grace", PASSWORD))
                .contains(new Identity("grace", null, Role.ENGINEER));
        assertThat(bed.credentials.authenticatePassword("grace", PASSWORD + "!"))
                .isEmpty();
        assertThat(bed.credentials.authenticatePassword("nobody", PASSWORD)).isEmpty();
        assertThat(bed.credentials.authenticatePassword("heidi", PASSWORD))
                .as("a user without a password")
                .isEmpty();
        assertThat(bed.credentials.authenticatePassword(null, PASSWORD)).isEmpty();
        assertThat(bed.credentials.authenticatePassword("grace", null)).isEmpty();
    }

    @Test
    void anUnknownUserCostsAHashAsAWrongPasswordDoes() {
        AtomicInteger hashes = new AtomicInteger();
        PasswordHasher counting = new PasswordHasher(SecurityTestbed.CHEAP_ITERATIONS) {
            @Override
            boolean verify(String password, String encoded) {
                hashes.incrementAndGet();
                return super.verify(password, encoded);
            }

            @Override
            void verifyNothing(String password) {
                hashes.incrementAndGet();
                super.verifyNothing(password);
            }
        };
        CredentialsImpl credentials = new CredentialsImpl(bed.directory, counting, bed.clock);
        bed.users.createUser("ivan", Role.VIEWER, PASSWORD);

        credentials.authenticatePassword("ivan", "wrong password!");
        credentials.authenticatePassword("nobody", "wrong password!");
        credentials.authenticatePassword("admin", "wrong password!");

        assertThat(hashes)
                .as("one hash each: wrong password, unknown user, user without password")
                .hasValue(3);
    }

    @Test
    void lastUsesReachTheDatabaseWhenSavedAndOnlyOnce() {
        IssuedToken token = bed.users.createToken("admin", "ci", Role.ADMIN, null);
        bed.credentials.authenticateToken(token.secret());
        bed.clock.advance(Duration.ofSeconds(3));
        bed.credentials.authenticateToken(token.secret());

        assertThat(bed.users.tokens("admin"))
                .filteredOn(info -> info.id().equals(token.info().id()))
                .singleElement()
                .satisfies(info -> assertThat(info.lastUsedAt()).isEqualTo(bed.clock.instant()));
        assertThat(bed.directory.saveLastUses()).isEqualTo(1);
        assertThat(bed.directory.saveLastUses()).as("nothing new to write").isZero();

        bed.restart();
        assertThat(bed.users.tokens("admin"))
                .filteredOn(info -> info.id().equals(token.info().id()))
                .singleElement()
                .satisfies(info -> assertThat(info.lastUsedAt()).isEqualTo(bed.clock.instant()));
    }
}
