package io.gantry.rest.bundle.internal.metrics;

import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.uri.UriTemplate;

/**
 * The route a request matched, as a template ({@code /api/pipelines/{id}}), so that ids in paths do
 * not turn into one metric series each.
 */
public final class RouteTemplate {
    /** Label of requests that matched no resource. */
    public static final String UNMATCHED = "unmatched";

    private RouteTemplate() {}

    /**
     * @param uriInfo a matched request's
     * @return its route template, or {@link #UNMATCHED}
     */
    public static String of(UriInfo uriInfo) {
        if (!(uriInfo instanceof ExtendedUriInfo extended)) {
            return UNMATCHED;
        }
        List<UriTemplate> templates = extended.getMatchedTemplates();
        if (templates.isEmpty()) {
            return UNMATCHED;
        }
        // Jersey lists the matched templates innermost first
        StringBuilder route = new StringBuilder("/api");
        for (int i = templates.size() - 1; i >= 0; i--) {
            String part = templates.get(i).getTemplate();
            if (!part.isEmpty() && !part.equals("/")) {
                route.append(part.startsWith("/") ? "" : "/").append(part);
            }
        }
        return route.toString().replaceAll("/+$", "");
    }
}
