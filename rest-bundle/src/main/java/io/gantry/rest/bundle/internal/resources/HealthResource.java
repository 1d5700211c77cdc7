package io.gantry.rest.bundle.internal.resources;

import io.gantry.engine.api.health.HealthCheck;
import io.gantry.engine.api.health.HealthStatus;
import io.gantry.rest.bundle.internal.security.Anonymous;
import io.gantry.rest.bundle.internal.server.RestResource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * {@code GET /api/health}: UP with 200 when every required core part has registered a
 * {@link HealthCheck} and reports up; DOWN with 503 otherwise. Health checks are optional dynamic
 * references so that a missing part shows as DOWN instead of making the endpoint vanish.
 */
@Component(service = RestResource.class)
@Designate(ocd = HealthResource.Configuration.class)
@Path("health")
public final class HealthResource implements RestResource {
    /** Which parts must be present for the controller to be UP. */
    @ObjectClassDefinition(name = "Gantry health")
    public @interface Configuration {
        /** @return names of the parts that must report up */
        String[] requiredParts() default {"engine", "storage", "scheduler", "events"};
    }

    private final BundleContext context;
    private final List<String> requiredParts;
    private final Map<String, HealthCheck> checks = new ConcurrentHashMap<>();

    /**
     * @param config  which parts are required
     * @param context the bundle context, to count bundles
     */
    @Activate
    public HealthResource(Configuration config, BundleContext context) {
        this.context = context;
        this.requiredParts = List.of(config.requiredParts());
    }

    @Reference(
            cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindCheck(HealthCheck check) {
        checks.put(check.part(), check);
    }

    void unbindCheck(HealthCheck check) {
        checks.remove(check.part(), check);
    }

    /**
     * Anyone may ask whether the controller is up (a load balancer, a watchdog); what its parts say
     * is for callers with a role.
     *
     * @param security who is asking
     * @return the controller's health, 200 when UP and 503 when DOWN
     */
    @GET
    @Anonymous
    @Produces(MediaType.APPLICATION_JSON)
    public Response health(@Context SecurityContext security) {
        Map<String, Object> parts = new TreeMap<>();
        boolean up = true;
        for (String part : requiredParts) {
            if (!checks.containsKey(part)) {
                parts.put(part, Map.of("status", "DOWN", "reason", "not running"));
                up = false;
            }
        }
        for (Map.Entry<String, HealthCheck> entry : checks.entrySet()) {
            HealthStatus status = safeCheck(entry.getValue());
            Map<String, Object> part = new LinkedHashMap<>();
            part.put("status", status.up() ? "UP" : "DOWN");
            part.putAll(status.details());
            parts.put(entry.getKey(), part);
            up &= status.up() || !requiredParts.contains(entry.getKey());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "DOWN");
        if (security.getUserPrincipal() == null) {
            return Response.status(up ? 200 : 503).entity(body).build();
        }
        body.put("uptimeMs", ManagementFactory.getRuntimeMXBean().getUptime());
        body.put("bundles", bundleCounts());
        body.put("checks", parts);
        return Response.status(up ? 200 : 503).entity(body).build();
    }

    private Map<String, Integer> bundleCounts() {
        Bundle[] bundles = context.getBundles();
        int active = 0;
        for (Bundle bundle : bundles) {
            if (bundle.getState() == Bundle.ACTIVE) {
                active++;
            }
        }
        return Map.of("active", active, "total", bundles.length);
    }

    private static HealthStatus safeCheck(HealthCheck check) {
        try {
            return check.check();
        } catch (RuntimeException e) {
            // a broken check must not break the health endpoint; it reports its own part as down
            return HealthStatus.down(e.toString());
        }
    }
}
