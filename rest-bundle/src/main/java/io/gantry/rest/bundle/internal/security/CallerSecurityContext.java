package io.gantry.rest.bundle.internal.security;

import io.gantry.engine.api.security.Role;
import jakarta.ws.rs.core.SecurityContext;

/**
 * The JAX-RS view of the request's {@link Caller}: resources ask {@code getUserPrincipal()} who is
 * calling; {@code isUserInRole} follows the role hierarchy.
 */
final class CallerSecurityContext implements SecurityContext {
    private final Caller caller;
    private final boolean secure;

    CallerSecurityContext(Caller caller, boolean secure) {
        this.caller = caller;
        this.secure = secure;
    }

    @Override
    public Caller getUserPrincipal() {
        return caller;
    }

    @Override
    public boolean isUserInRole(String role) {
        try {
            return caller != null && caller.identity().role().includes(Role.of(role));
        } catch (IllegalArgumentException unknownRole) {
            return false;
        }
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        if (caller == null) {
            return null;
        }
        return caller.viaSession() ? FORM_AUTH : "Bearer";
    }
}
