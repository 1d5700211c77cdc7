package io.gantry.rest.bundle.internal.security;

import jakarta.ws.rs.core.SecurityContext;

/** Reads the caller of a request from its security context. */
public final class Callers {
    private Callers() {}

    /**
     * @param security a request's security context
     * @return who is calling ({@link io.gantry.engine.api.security.Identity#who()}), or null for nobody
     */
    public static String who(SecurityContext security) {
        return security.getUserPrincipal() instanceof Caller caller ? caller.getName() : null;
    }
}
