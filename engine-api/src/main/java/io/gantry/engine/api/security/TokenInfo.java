package io.gantry.engine.api.security;

import java.time.Instant;

/**
 * An API token, without its secret (only a hash of the secret is kept).
 *
 * @param id         the token's id, {@code tok_…}: what the audit trail and revocation name
 * @param name       what it is for, as its creator said
 * @param user       its owner
 * @param role       what it may do; never more than its owner's role
 * @param createdAt  when it was created
 * @param expiresAt  when it stops working; null for never
 * @param lastUsedAt when it last authenticated a request (kept to within a minute); null for never
 * @param revokedAt  when it was revoked; null while it is not
 */
public record TokenInfo(
        String id,
        String name,
        String user,
        Role role,
        Instant createdAt,
        Instant expiresAt,
        Instant lastUsedAt,
        Instant revokedAt) {}
