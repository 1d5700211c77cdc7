package io.gantry.rest.bundle.internal.security;

import io.gantry.engine.api.security.AuditEntry;
import io.gantry.engine.api.security.AuditTrail;
import io.gantry.rest.bundle.internal.metrics.RouteTemplate;
import io.gantry.rest.bundle.internal.problem.ProblemDocument;
import io.gantry.rest.bundle.internal.server.RestResource;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every request that changes something (every method but GET, HEAD and OPTIONS) to the audit
 * trail: who, the route, the path, how it ended, from where. The line is on disk before the answer
 * leaves, so an action a client saw succeed is in the trail even if the controller dies right after.
 * Requests refused for want of credentials never reach here (the {@link SecurityGate} answers them),
 * so a flood of anonymous requests cannot fill the trail; logins, refused or not, are here.
 */
@Component(service = RestResource.class)
@Provider
@Priority(Priorities.USER + 1000) // response filters run in reverse priority: this one runs last
public final class AuditFilter implements ContainerResponseFilter, RestResource {
    private static final Logger LOG = LoggerFactory.getLogger(AuditFilter.class);
    private static final int MAX_DETAIL = 300;

    private final AuditTrail trail;

    /** @param trail where the lines go */
    @Activate
    public AuditFilter(@Reference AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String method = request.getMethod();
        if (!AnonymousRoutes.mutates(method)) {
            return;
        }
        int status = response.getStatus();
        AuditEntry entry = new AuditEntry(
                0,
                null,
                who(request),
                method + " " + RouteTemplate.of(request.getUriInfo()),
                "/api/" + request.getUriInfo().getPath(false),
                outcome(status),
                status,
                String.valueOf(request.getProperty(Caller.SOURCE_ATTRIBUTE)),
                detail(request, response));
        try {
            trail.record(entry);
        } catch (RuntimeException e) {
            // the action has happened; failing its answer now would only hide that it did
            LOG.error(
                    "the audit trail did not record {} by {} ({}): {}",
                    entry.action(),
                    entry.who(),
                    status,
                    e.getMessage());
        }
    }

    private static String who(ContainerRequestContext request) {
        if (request.getProperty(AuditNotes.WHO) instanceof String noted) {
            return noted;
        }
        return request.getSecurityContext().getUserPrincipal() instanceof Caller caller
                ? caller.getName()
                : "anonymous";
    }

    private static String outcome(int status) {
        if (status == 401 || status == 403) {
            return "denied";
        }
        if (status >= 500) {
            return "failed";
        }
        return status >= 400 ? "refused" : "ok";
    }

    private static String detail(ContainerRequestContext request, ContainerResponseContext response) {
        String detail = "";
        if (request.getProperty(AuditNotes.DETAIL) instanceof String noted) {
            detail = noted;
        } else if (response.getEntity() instanceof ProblemDocument problem && problem.detail() != null) {
            detail = problem.detail();
        } else if (response.getLocation() != null) {
            URI location = response.getLocation();
            detail = "created " + location.getPath();
        }
        return detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) + "…" : detail;
    }
}
