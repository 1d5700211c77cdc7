package io.gantry.rest.bundle.internal.resources.filter;

import java.util.Arrays;
import java.util.Set;

/**
 * Which browser origins may call the API. Empty allows none (no CORS headers at all); {@code *}
 * allows any origin.
 */
final class CorsPolicy {
    static final String ALLOWED_METHODS = "GET, POST, PUT, DELETE, OPTIONS";
    static final String ALLOWED_HEADERS = "Content-Type, Accept, If-Match, Authorization";
    // a browser script may read only these response headers unless listed
    static final String EXPOSED_HEADERS = "ETag, Location";

    private final Set<String> origins;

    CorsPolicy(String[] allowedOrigins) {
        this.origins = Set.of(Arrays.stream(allowedOrigins)
                .map(String::strip)
                .filter(origin -> !origin.isEmpty())
                .distinct()
                .toArray(String[]::new));
    }

    boolean allows(String origin) {
        return origin != null && !origin.isEmpty() && (origins.contains(origin) || origins.contains("*"));
    }
}
