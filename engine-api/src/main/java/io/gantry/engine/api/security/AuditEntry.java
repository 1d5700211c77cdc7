package io.gantry.engine.api.security;

import java.time.Instant;

/**
 * One line of the audit trail: who did what to what, how it ended, and from where.
 *
 * @param id      its number in the trail, increasing; 0 before it is recorded
 * @param at      when it happened
 * @param who     the caller ({@link Identity#who()}), or {@code anonymous}
 * @param action  what was asked, such as {@code POST /api/pipelines/{id}/executions} or {@code login}
 * @param target  what it was asked of, such as {@code /api/pipelines/p1/executions}; may be empty
 * @param outcome {@code ok}, {@code refused} (the request was wrong), {@code denied} (not allowed) or
 *                {@code failed} (the controller failed)
 * @param status  the HTTP status answered; 0 when the action did not come over HTTP
 * @param source  where it came from: the client's address, or {@code shell}
 * @param detail  more about it (an execution's id, why it was refused); may be empty
 */
public record AuditEntry(
        long id,
        Instant at,
        String who,
        String action,
        String target,
        String outcome,
        int status,
        String source,
        String detail) {}
