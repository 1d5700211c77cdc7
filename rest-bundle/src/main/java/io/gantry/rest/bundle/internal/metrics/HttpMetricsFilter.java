package io.gantry.rest.bundle.internal.metrics;

import io.gantry.engine.api.metrics.ControllerMetrics;
import io.gantry.rest.bundle.internal.server.RestResource;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Times every request of {@code /api} and records it by method, route template and status. Pre-
 * matching, so requests that match no resource (404) and requests answered by another filter count
 * too; the route is read after matching, in the response filter.
 */
@Component(service = RestResource.class)
@Provider
@PreMatching
public final class HttpMetricsFilter implements ContainerRequestFilter, ContainerResponseFilter, RestResource {
    private static final String STARTED = HttpMetricsFilter.class.getName() + ".started";

    private final ControllerMetrics metrics;

    /** @param metrics where requests are recorded */
    @Activate
    public HttpMetricsFilter(@Reference ControllerMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object started = request.getProperty(STARTED);
        if (started instanceof Long nanos) {
            metrics.recordHttpRequest(
                    request.getMethod(),
                    RouteTemplate.of(request.getUriInfo()),
                    response.getStatus(),
                    System.nanoTime() - nanos);
        }
    }
}
