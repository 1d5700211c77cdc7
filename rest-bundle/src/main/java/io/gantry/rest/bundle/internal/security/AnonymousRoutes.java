package io.gantry.rest.bundle.internal.security;

/**
 * The requests the {@link SecurityGate} lets in without credentials, decided on the canonical path
 * (Jetty has decoded it, removed dot segments and refused ambiguous ones before any handler runs).
 * Jersey checks again, per method ({@link Anonymous}), so a request let in here still meets the
 * method's own declaration.
 */
final class AnonymousRoutes {
    private AnonymousRoutes() {}

    /**
     * @param method the request's method
     * @param path   its canonical path
     * @return true when it may be answered without credentials
     */
    static boolean allows(String method, String path) {
        if (!path.equals("/api") && !path.startsWith("/api/")) {
            return true; // the HMI's static files, its login page among them
        }
        return switch (path) {
            case "/api/health" -> method.equals("GET") || method.equals("HEAD");
            case "/api/session" -> method.equals("POST");
            default -> false;
        };
    }

    /**
     * @param method a request's method
     * @return true when it changes something and so needs the CSRF header under a session cookie
     */
    static boolean mutates(String method) {
        return !(method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS"));
    }
}
