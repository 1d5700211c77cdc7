package io.gantry.rest.bundle.internal.security;

import io.gantry.engine.api.security.Credentials;
import io.gantry.engine.api.security.Identity;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The HMI's logged-in browsers (PID {@code io.gantry.rest.bundle.internal.security.BrowserSessions}).
 * Kept in memory: a restart logs every browser out, which is what a controller restart should do. A
 * session ends on logout, after {@code idleMinutes} without a request, after {@code maxHours} in all,
 * and as soon as its user is removed or the token it logged in with is revoked.
 */
@Component(service = BrowserSessions.class)
@Designate(ocd = BrowserSessions.Configuration.class)
public final class BrowserSessions {
    /** How long sessions live. */
    @ObjectClassDefinition(name = "Gantry HMI sessions")
    public @interface Configuration {
        /** @return minutes without a request after which a session ends */
        @AttributeDefinition(description = "Minutes without a request after which a browser session ends")
        int idleMinutes() default 30;

        /** @return hours after login after which a session ends whatever happens */
        @AttributeDefinition(description = "Hours after login after which a browser session ends")
        int maxHours() default 12;

        /** @return the most sessions kept; the longest idle one goes when a new one would exceed it */
        @AttributeDefinition(description = "Most browser sessions kept at once")
        int maxSessions() default 1000;
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, BrowserSession> sessions = new ConcurrentHashMap<>();
    private final Credentials credentials;
    private final Clock clock;
    private final Duration idle;
    private final Duration maxAge;
    private final int maxSessions;

    /**
     * @param config      how long sessions live
     * @param credentials checks a session's owner again on each use
     */
    @Activate
    public BrowserSessions(Configuration config, @Reference Credentials credentials) {
        this(config, credentials, Clock.systemUTC());
    }

    BrowserSessions(Configuration config, Credentials credentials, Clock clock) {
        this.credentials = credentials;
        this.clock = clock;
        this.idle = Duration.ofMinutes(Math.max(1, config.idleMinutes()));
        this.maxAge = Duration.ofHours(Math.max(1, config.maxHours()));
        this.maxSessions = Math.max(1, config.maxSessions());
    }

    /**
     * @param identity who logged in
     * @return the new session
     */
    public BrowserSession open(Identity identity) {
        Instant now = clock.instant();
        if (sessions.size() >= maxSessions) {
            evictLongestIdle();
        }
        BrowserSession session = new BrowserSession(secret(), secret(), identity, now, now);
        sessions.put(session.id(), session);
        return session;
    }

    /**
     * Finds a live session and counts this as a request of it.
     *
     * @param id a cookie's value
     * @return the session, with its owner as it is now; empty when there is none or it has ended
     */
    public Optional<BrowserSession> use(String id) {
        return check(id, true);
    }

    /**
     * Finds a live session without counting a request: an open event stream does not keep a session
     * alive on its own.
     *
     * @param id a cookie's value
     * @return the session, or empty when it has ended
     */
    public Optional<BrowserSession> peek(String id) {
        return check(id, false);
    }

    /**
     * Ends every session of a user, as a new password must: whoever knew the old one is logged out.
     *
     * @param user a user's name
     */
    public void closeAllOf(String user) {
        sessions.values().removeIf(session -> session.identity().user().equals(user));
    }

    /** @param id the session to end */
    public void close(String id) {
        sessions.remove(id);
    }

    /** @return how long a session may stay idle */
    public Duration idleTimeout() {
        return idle;
    }

    private Optional<BrowserSession> check(String id, boolean touch) {
        if (id == null) {
            return Optional.empty();
        }
        BrowserSession session = sessions.get(id);
        if (session == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<Identity> owner = expired(session, now) ? Optional.empty() : credentials.recheck(session.identity());
        if (owner.isEmpty()) {
            sessions.remove(id, session);
            return Optional.empty();
        }
        BrowserSession current = session.seen(owner.get(), touch ? now : session.lastSeen());
        sessions.replace(id, session, current);
        return Optional.of(current);
    }

    private boolean expired(BrowserSession session, Instant now) {
        return now.isAfter(session.lastSeen().plus(idle))
                || now.isAfter(session.createdAt().plus(maxAge));
    }

    private void evictLongestIdle() {
        Instant now = clock.instant();
        sessions.values().removeIf(session -> expired(session, now));
        if (sessions.size() >= maxSessions) {
            sessions.values().stream()
                    .min(Comparator.comparing(BrowserSession::lastSeen))
                    .ifPresent(oldest -> sessions.remove(oldest.id(), oldest));
        }
    }

    private String secret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
