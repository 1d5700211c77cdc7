package io.gantry.engine.core.internal.security;

import io.gantry.engine.api.security.Credentials;
import io.gantry.engine.api.security.Identity;
import io.gantry.engine.api.security.TokenInfo;
import io.gantry.engine.core.internal.storage.StoredToken;
import io.gantry.engine.core.internal.storage.StoredUser;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Authenticates API tokens and passwords against the users and tokens held in memory. A token costs
 * a shape check, one SHA-256 and a map lookup: no database read, whatever the request rate. A
 * password costs one PBKDF2, also for an unknown user.
 */
@Component(service = Credentials.class)
public final class CredentialsImpl implements Credentials {
    private final AccountDirectory directory;
    private final PasswordHasher hasher;
    private final Clock clock;

    /**
     * @param directory the users and tokens
     */
    @Activate
    public CredentialsImpl(@Reference AccountDirectory directory) {
        this(directory, new PasswordHasher(), Clock.systemUTC());
    }

    /**
     * @param directory the users and tokens
     * @param hasher    checks passwords
     * @param clock     decides whether a token has expired
     */
    CredentialsImpl(AccountDirectory directory, PasswordHasher hasher, Clock clock) {
        this.directory = directory;
        this.hasher = hasher;
        this.clock = clock;
    }

    @Override
    public Optional<Identity> authenticateToken(String token) {
        // the shape first: whatever a caller sends, nothing else happens to a malformed one
        if (!TokenSecrets.isWellFormed(token)) {
            return Optional.empty();
        }
        Optional<StoredToken> found = directory.tokenWithHash(TokenSecrets.sha256(token));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<Identity> identity = current(found.get(), now);
        identity.ifPresent(accepted -> directory.used(found.get(), now));
        return identity;
    }

    @Override
    public Optional<Identity> authenticatePassword(String user, String password) {
        if (password == null) {
            return Optional.empty();
        }
        Optional<StoredUser> found = directory.user(user);
        if (found.isEmpty() || found.get().passwordHash() == null) {
            hasher.verifyNothing(password);
            return Optional.empty();
        }
        StoredUser known = found.get();
        if (!hasher.verify(password, known.passwordHash())) {
            return Optional.empty();
        }
        return Optional.of(new Identity(known.name(), null, known.role()));
    }

    @Override
    public Optional<Identity> recheck(Identity identity) {
        if (identity.tokenId() == null) {
            return directory
                    .user(identity.user())
                    .map(user -> new Identity(user.name(), null, AccountDirectory.lower(identity.role(), user.role())));
        }
        return directory
                .token(identity.tokenId())
                .filter(token -> token.info().user().equals(identity.user()))
                .flatMap(token -> current(token, clock.instant()))
                .map(now ->
                        new Identity(now.user(), now.tokenId(), AccountDirectory.lower(identity.role(), now.role())));
    }

    /** @return the token's caller as of now: empty when revoked, expired or its owner is gone */
    private Optional<Identity> current(StoredToken token, Instant now) {
        TokenInfo info = token.info();
        boolean expired = info.expiresAt() != null && !now.isBefore(info.expiresAt());
        if (info.revokedAt() != null || expired) {
            return Optional.empty();
        }
        return directory
                .user(info.user())
                .map(owner -> new Identity(owner.name(), info.id(), AccountDirectory.lower(info.role(), owner.role())));
    }
}
