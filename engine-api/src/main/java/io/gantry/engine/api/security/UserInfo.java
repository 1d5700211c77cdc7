package io.gantry.engine.api.security;

import java.time.Instant;

/**
 * A user, without its password.
 *
 * @param name        the user's name: lower-case letters, digits, {@code . _ -}, at most 64
 * @param role        the most its tokens and sessions may do
 * @param hasPassword true when it can log in with a password (a user without one logs in with a token)
 * @param createdAt   when it was created
 */
public record UserInfo(String name, Role role, boolean hasPassword, Instant createdAt) {}
