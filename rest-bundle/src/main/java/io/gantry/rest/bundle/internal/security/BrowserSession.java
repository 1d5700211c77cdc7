package io.gantry.rest.bundle.internal.security;

import io.gantry.engine.api.security.Identity;
import java.time.Instant;

/**
 * One logged-in browser: the secret its cookie carries, the CSRF token its page must send back on
 * every change, and who it is.
 *
 * @param id        the cookie's value (32 random bytes)
 * @param csrfToken what the {@code X-CSRF-Token} header must say (32 other random bytes)
 * @param identity  who logged in, as last checked
 * @param createdAt when it logged in
 * @param lastSeen  when it last made a request
 */
public record BrowserSession(String id, String csrfToken, Identity identity, Instant createdAt, Instant lastSeen) {
    BrowserSession seen(Identity now, Instant at) {
        return new BrowserSession(id, csrfToken, now, createdAt, at);
    }

    @Override
    public String toString() {
        // the id and CSRF token are credentials: never in a log
        return "BrowserSession[" + identity.who() + ", since " + createdAt + "]";
    }
}
