package io.gantry.rest.bundle.internal.security;

import io.gantry.rest.bundle.internal.server.RestResource;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import org.osgi.service.component.annotations.Component;

/**
 * Hands the caller the {@link SecurityGate} found to JAX-RS, as the request's security context, so
 * that resources and the role checks read it the standard way.
 */
@Component(service = RestResource.class)
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public final class CallerFilter implements ContainerRequestFilter, RestResource {
    @Override
    public void filter(ContainerRequestContext request) {
        Object caller = request.getProperty(Caller.ATTRIBUTE);
        // the container's own context knows whether the connection is TLS, without building the URI
        boolean secure = request.getSecurityContext().isSecure();
        request.setSecurityContext(new CallerSecurityContext(caller instanceof Caller c ? c : null, secure));
    }
}
