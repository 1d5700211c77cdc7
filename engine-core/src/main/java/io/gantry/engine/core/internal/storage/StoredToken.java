package io.gantry.engine.core.internal.storage;

import io.gantry.engine.api.security.Role;
import io.gantry.engine.api.security.TokenInfo;
import java.time.Instant;
import java.util.Objects;

/**
 * An API token as stored: its {@link TokenInfo} and the SHA-256 of its secret (the secret itself is
 * never kept).
 *
 * @param info         the token
 * @param secretSha256 the SHA-256 of its secret, lower-case hex
 */
public record StoredToken(TokenInfo info, String secretSha256) {
    /** Checks the parts. */
    public StoredToken {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(secretSha256, "secretSha256");
    }

    /** @return the token's id, {@code tok_…} */
    public String id() {
        return info.id();
    }

    /** @return this token revoked at the given time; unchanged when it already was */
    public StoredToken revoked(Instant at) {
        return info.revokedAt() != null ? this : with(info.role(), info.lastUsedAt(), at);
    }

    /** @return this token with another role */
    public StoredToken withRole(Role role) {
        return with(role, info.lastUsedAt(), info.revokedAt());
    }

    /** @return this token as last used at the given time */
    public StoredToken withLastUsedAt(Instant at) {
        return with(info.role(), at, info.revokedAt());
    }

    private StoredToken with(Role role, Instant lastUsedAt, Instant revokedAt) {
        return new StoredToken(
                new TokenInfo(
                        info.id(),
                        info.name(),
                        info.user(),
                        role,
                        info.createdAt(),
                        info.expiresAt(),
                        lastUsedAt,
                        revokedAt),
                secretSha256);
    }
}
