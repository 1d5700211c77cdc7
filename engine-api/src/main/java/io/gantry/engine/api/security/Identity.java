package io.gantry.engine.api.security;

import java.util.Objects;

/**
 * An authenticated caller: a user, and the API token it authenticated with when it did.
 *
 * @param user    the user's name; for the shell and other in-process callers a name such as
 *                {@code shell}
 * @param tokenId the id of the token used ({@code tok_…}); null after a password login or in-process
 * @param role    what the caller may do: the token's role, never more than its owner's
 */
public record Identity(String user, String tokenId, Role role) {
    /** Checks the parts. */
    public Identity {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(role, "role");
    }

    /**
     * @return the caller as the audit trail and {@code startedBy} name it: {@code alice}, or {@code
     *     alice/tok_…} when a token was used
     */
    public String who() {
        return tokenId == null ? user : user + "/" + tokenId;
    }
}
