package io.gantry.rest.bundle.internal.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.gantry.engine.api.security.IssuedToken;
import io.gantry.engine.api.security.TokenInfo;
import io.gantry.engine.api.security.UserInfo;
import java.time.Instant;

/**
 * The bodies of {@code /api/session}, {@code /api/users} and {@code /api/tokens}. The audit trail's
 * entries are answered as the API's records are.
 */
public final class SecurityJson {
    private SecurityJson() {}

    /**
     * A login: a user and password, or a token.
     *
     * @param user     a user's name
     * @param password its password
     * @param token    an API token, instead of user and password
     */
    public record Login(String user, String password, String token) {
        @Override
        public String toString() {
            return "Login[" + user + "]"; // never the password or token
        }
    }

    /**
     * Who is calling.
     *
     * @param user               the user
     * @param role               its role now
     * @param tokenId            the token it authenticated with, if any
     * @param via                {@code session} or {@code token}
     * @param csrfToken          for a session: what {@code X-CSRF-Token} must carry on every change
     * @param idleTimeoutSeconds for a session: how long it lasts without a request
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Session(
            String user, String role, String tokenId, String via, String csrfToken, Long idleTimeoutSeconds) {}

    /**
     * A user as the API shows it.
     *
     * @param name        its name
     * @param role        its role
     * @param hasPassword whether it can log in with a password
     * @param createdAt   when it was created
     */
    public record User(String name, String role, boolean hasPassword, Instant createdAt) {
        /** @param info the user @return its JSON */
        public static User of(UserInfo info) {
            return new User(info.name(), info.role().id(), info.hasPassword(), info.createdAt());
        }
    }

    /**
     * A new user, or changes to one.
     *
     * @param name     its name (creation only)
     * @param role     its role
     * @param password its password; absent for a user who logs in with tokens, or to keep it
     */
    public record UserBody(String name, String role, String password) {
        @Override
        public String toString() {
            return "UserBody[" + name + ", " + role + "]";
        }
    }

    /**
     * A token as the API shows it; {@code token} only in the answer that created it.
     *
     * @param id         its id
     * @param name       what it is for
     * @param user       its owner
     * @param role       its role
     * @param createdAt  when it was created
     * @param expiresAt  when it stops working
     * @param lastUsedAt when it was last used
     * @param revokedAt  when it was revoked
     * @param token      the secret, once
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Token(
            String id,
            String name,
            String user,
            String role,
            Instant createdAt,
            Instant expiresAt,
            Instant lastUsedAt,
            Instant revokedAt,
            String token) {
        /** @param info the token @return its JSON, without a secret */
        public static Token of(TokenInfo info) {
            return of(info, null);
        }

        /** @param issued a new token @return its JSON, with its secret */
        public static Token of(IssuedToken issued) {
            return of(issued.info(), issued.secret());
        }

        private static Token of(TokenInfo info, String secret) {
            return new Token(
                    info.id(),
                    info.name(),
                    info.user(),
                    info.role().id(),
                    info.createdAt(),
                    info.expiresAt(),
                    info.lastUsedAt(),
                    info.revokedAt(),
                    secret);
        }

        @Override
        public String toString() {
            return "Token[" + id + "]";
        }
    }

    /**
     * A new token.
     *
     * @param name      what it is for
     * @param user      its owner; absent for the caller
     * @param role      its role; absent for the owner's
     * @param expiresAt when it stops working; absent for never
     */
    public record TokenBody(String name, String user, String role, Instant expiresAt) {}
}
