package io.gantry.rest.bundle.internal.security;

import io.gantry.engine.api.security.Role;
import io.gantry.rest.bundle.internal.server.RestResource;
import jakarta.annotation.Priority;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enforces each resource method's declared role ({@link RequiresRole}, or {@link Anonymous}). A
 * method that declares neither is refused to everyone, and said so at start-up: forgetting a
 * declaration closes an endpoint rather than opening it. Jersey's own methods (the automatic
 * {@code OPTIONS}) need a viewer.
 */
@Component(service = RestResource.class)
@Provider
public final class RoleCheckFeature implements DynamicFeature, RestResource {
    private static final Logger LOG = LoggerFactory.getLogger(RoleCheckFeature.class);

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        Method method = resource.getResourceMethod();
        if (method.isAnnotationPresent(Anonymous.class)) {
            return;
        }
        RequiresRole declared = method.getAnnotation(RequiresRole.class);
        if (declared != null) {
            context.register(new RoleFilter(declared.value()));
        } else if (method.getDeclaringClass().getName().startsWith("io.gantry.")) {
            LOG.error(
                    "{}.{} declares no role; it is refused to everyone until it does",
                    method.getDeclaringClass().getSimpleName(),
                    method.getName());
            context.register(new RoleFilter(null));
        } else {
            context.register(new RoleFilter(Role.VIEWER));
        }
    }

    /** Refuses a request whose caller's role is below the method's; 401 when there is no caller. */
    @Priority(Priorities.AUTHORIZATION)
    static final class RoleFilter implements ContainerRequestFilter {
        private final Role required;

        /** @param required the least role, or null for "nobody" */
        RoleFilter(Role required) {
            this.required = required;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            if (!(request.getSecurityContext().getUserPrincipal() instanceof Caller caller)) {
                throw new NotAuthorizedException("this needs credentials", "Bearer realm=\"gantry\"");
            }
            if (required == null) {
                throw new ForbiddenException("this endpoint declares no role, so it is refused to everyone");
            }
            Role role = caller.identity().role();
            if (!role.includes(required)) {
                throw new ForbiddenException(
                        "this needs the role " + required.id() + "; " + caller.getName() + " is " + role.id());
            }
        }
    }
}
