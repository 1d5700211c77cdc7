package io.gantry.rest.bundle.internal.security;

import io.gantry.engine.api.security.Identity;
import java.security.Principal;

/**
 * Who is making a request, and how they proved it: the principal of the request's security context.
 *
 * @param identity  the authenticated caller
 * @param sessionId the browser session the request came with; null for a bearer token
 */
public record Caller(Identity identity, String sessionId) implements Principal {
    /** The request attribute under which {@link SecurityGate} leaves the caller. */
    public static final String ATTRIBUTE = Caller.class.getName();

    /** The request attribute under which {@link SecurityGate} leaves the client's address. */
    public static final String SOURCE_ATTRIBUTE = Caller.class.getName() + ".source";

    @Override
    public String getName() {
        return identity.who();
    }

    /** @return true when the caller came with a session cookie rather than a token */
    public boolean viaSession() {
        return sessionId != null;
    }
}
