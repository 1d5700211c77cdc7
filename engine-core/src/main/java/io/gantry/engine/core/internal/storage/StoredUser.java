package io.gantry.engine.core.internal.storage;

import io.gantry.engine.api.security.Role;
import io.gantry.engine.api.security.UserInfo;
import java.time.Instant;
import java.util.Objects;

/**
 * A user as stored: its {@link UserInfo} and the hash of its password.
 *
 * @param name         the user's name
 * @param role         its role
 * @param passwordHash its encoded password hash; null for a user who logs in with tokens only
 * @param createdAt    when it was created
 */
public record StoredUser(String name, Role role, String passwordHash, Instant createdAt) {
    /** Checks the parts that are never null. */
    public StoredUser {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** @return the user without its password hash */
    public UserInfo info() {
        return new UserInfo(name, role, passwordHash != null, createdAt);
    }

    /** @return this user with another role */
    public StoredUser withRole(Role newRole) {
        return new StoredUser(name, newRole, passwordHash, createdAt);
    }

    /** @return this user with another password hash */
    public StoredUser withPasswordHash(String newHash) {
        return new StoredUser(name, role, newHash, createdAt);
    }

    @Override
    public String toString() {
        // a password hash is offline-guessable: keep it out of logs and assertion messages
        return "StoredUser[" + info() + "]";
    }
}
