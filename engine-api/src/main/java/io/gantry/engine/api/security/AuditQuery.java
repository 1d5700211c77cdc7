package io.gantry.engine.api.security;

import java.time.Instant;

/**
 * Filters for reading the audit trail, newest first; a null filter matches everything.
 *
 * @param who     only this caller's (as {@link AuditEntry#who()}; a user's name also matches its tokens)
 * @param action  only actions that contain this text
 * @param target  only targets that contain this text
 * @param outcome only this outcome
 * @param since   only at or after this
 * @param until   only before this
 * @param limit   at most this many, at least 1
 */
public record AuditQuery(
        String who, String action, String target, String outcome, Instant since, Instant until, int limit) {}
