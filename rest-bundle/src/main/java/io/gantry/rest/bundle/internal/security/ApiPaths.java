package io.gantry.rest.bundle.internal.security;

import java.util.Locale;
import java.util.regex.Pattern;

/** Which paths are the API's, for the gate and for the answers to Jetty's own errors. */
public final class ApiPaths {
    private static final Pattern SLASHES = Pattern.compile("[/\\\\]+");

    private ApiPaths() {}

    /**
     * Stricter than the routing on purpose: {@code /API}, {@code //api} and the like reach no API
     * context, but treating them as API paths means a trick of spelling can only earn a 401.
     *
     * @param path a request's path
     * @return true when it is, or looks like, a path under {@code /api}
     */
    public static boolean covers(String path) {
        if (path.startsWith("/api/") || path.equals("/api")) {
            return true; // nearly every request: no need to fold anything
        }
        // a backslash is a separator to some servers and proxies: count it as one here
        String folded = SLASHES.matcher(path.toLowerCase(Locale.ROOT)).replaceAll("/");
        return folded.equals("/api") || folded.startsWith("/api/") || folded.startsWith("/api;");
    }
}
