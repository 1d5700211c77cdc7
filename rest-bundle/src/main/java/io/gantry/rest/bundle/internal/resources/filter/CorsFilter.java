package io.gantry.rest.bundle.internal.resources.filter;

import io.gantry.rest.bundle.internal.server.RestResource;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * CORS for browser-based panels served from another origin (PID
 * {@code io.gantry.rest.bundle.internal.resources.filter.CorsFilter}). Answers preflight
 * requests of allowed origins itself and adds {@code Access-Control-Allow-Origin} to their
 * answers; other origins get no CORS headers, so the browser blocks them.
 *
 * <p>Not Jetty's {@code org.eclipse.jetty.server.handler.CrossOriginHandler} (jetty-server; its
 * source read, and checked against the 12.1.14 bytecode we ship), because it would change what the
 * API answers: it answers an allowed preflight 200, never the documented 204; it takes the
 * configured origins as regular expressions, so {@code http://panel.local} would also let {@code
 * http://panelXlocal} in; it answers a preflight of another origin itself (200, empty) where ours
 * leaves it to the API; it sends {@code Access-Control-Allow-Credentials: true} unless told not to;
 * and its settings are frozen once it has started ({@code throwIfStarted}), while this filter is a
 * DS component that Config Admin reconfigures at run time and Jersey picks up on its next reload.
 */
@Component(service = RestResource.class)
@Designate(ocd = CorsFilter.Configuration.class)
@Provider
@PreMatching
public final class CorsFilter implements ContainerRequestFilter, ContainerResponseFilter, RestResource {
    private static final String ORIGIN = "Origin";
    private static final String REQUEST_METHOD = "Access-Control-Request-Method";

    /** The allowed origins. */
    @ObjectClassDefinition(name = "Gantry REST CORS")
    public @interface Configuration {
        /** @return origins such as {@code http://panel.local:3000}; {@code *} for any; empty for none */
        @AttributeDefinition(description = "Origins allowed to call the API from a browser; * for any; empty for none")
        String[] allowedOrigins() default {};

        /** @return how long a browser may cache a preflight answer */
        @AttributeDefinition(description = "How long browsers may cache a preflight answer, in seconds")
        int maxAgeSeconds() default 600;
    }

    private final CorsPolicy policy;
    private final int maxAgeSeconds;

    /** @param config the allowed origins */
    @Activate
    public CorsFilter(Configuration config) {
        this.policy = new CorsPolicy(config.allowedOrigins());
        this.maxAgeSeconds = config.maxAgeSeconds();
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String origin = request.getHeaderString(ORIGIN);
        boolean preflight =
                HttpMethod.OPTIONS.equals(request.getMethod()) && request.getHeaderString(REQUEST_METHOD) != null;
        if (preflight && policy.allows(origin)) {
            request.abortWith(Response.noContent()
                    .header("Access-Control-Allow-Methods", CorsPolicy.ALLOWED_METHODS)
                    .header("Access-Control-Allow-Headers", CorsPolicy.ALLOWED_HEADERS)
                    .header("Access-Control-Max-Age", maxAgeSeconds)
                    .build());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String origin = request.getHeaderString(ORIGIN);
        MultivaluedMap<String, Object> headers = response.getHeaders();
        // caches must not hand one origin's answer to another
        headers.add("Vary", ORIGIN);
        if (policy.allows(origin)) {
            headers.putSingle("Access-Control-Allow-Origin", origin);
            headers.putSingle("Access-Control-Expose-Headers", CorsPolicy.EXPOSED_HEADERS);
        }
    }
}
