package io.gantry.rest.bundle.internal.metrics;

import io.gantry.engine.api.metrics.ControllerMetrics;
import io.gantry.engine.api.security.Role;
import io.gantry.rest.bundle.internal.security.RequiresRole;
import io.gantry.rest.bundle.internal.server.RestResource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code GET /api/metrics}: every metric of the controller in the Prometheus text format. */
@Component(service = RestResource.class)
@Path("metrics")
public final class MetricsResource implements RestResource {
    private final ControllerMetrics metrics;

    /** @param metrics the controller's metrics */
    @Activate
    public MetricsResource(@Reference ControllerMetrics metrics) {
        this.metrics = metrics;
    }

    /** @return the scrape, as Prometheus expects it */
    @GET
    @RequiresRole(Role.VIEWER)
    public Response scrape() {
        return Response.ok(metrics.scrape(), ControllerMetrics.CONTENT_TYPE).build();
    }
}
