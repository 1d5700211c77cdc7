package io.gantry.rest.bundle.internal.resources;

import io.gantry.engine.api.security.AuditEntry;
import io.gantry.engine.api.security.AuditQuery;
import io.gantry.engine.api.security.AuditTrail;
import io.gantry.engine.api.security.Role;
import io.gantry.rest.bundle.internal.problem.InvalidRequests;
import io.gantry.rest.bundle.internal.security.RequiresRole;
import io.gantry.rest.bundle.internal.server.RestResource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code GET /api/audit}: who did what, newest first, with filters (admin only). */
@Component(service = RestResource.class)
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
public final class AuditResource implements RestResource {
    private static final Set<String> OUTCOMES = Set.of("ok", "refused", "denied", "failed");

    private final AuditTrail trail;

    /** @param trail the audit trail */
    @Activate
    public AuditResource(@Reference AuditTrail trail) {
        this.trail = trail;
    }

    /**
     * @param who     only this caller's (a user's name matches its tokens too)
     * @param action  only actions containing this
     * @param target  only targets containing this
     * @param outcome ok, refused, denied or failed
     * @param since   ISO-8601 instant: at or after
     * @param until   ISO-8601 instant: before
     * @param limit   at most this many (1–1000, default 100)
     * @return matching entries
     */
    @GET
    @RequiresRole(Role.ADMIN)
    public List<AuditEntry> find(
            @QueryParam("who") String who,
            @QueryParam("action") String action,
            @QueryParam("target") String target,
            @QueryParam("outcome") String outcome,
            @QueryParam("since") String since,
            @QueryParam("until") String until,
            @QueryParam("limit") String limit) {
        if (outcome != null && !OUTCOMES.contains(outcome)) {
            throw InvalidRequests.field("outcome", "enum", "outcome must be one of ok, refused, denied, failed");
        }
        AuditQuery query = new AuditQuery(
                who,
                action,
                target,
                outcome,
                QueryParams.instant("since", since),
                QueryParams.instant("until", until),
                limit == null ? 100 : QueryParams.integer("limit", limit, 1, 1000));
        return trail.find(query);
    }
}
