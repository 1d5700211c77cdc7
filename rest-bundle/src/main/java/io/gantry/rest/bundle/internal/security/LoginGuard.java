package io.gantry.rest.bundle.internal.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Slows down password guessing, per client address and per user name (whether or not the user
 * exists, so the throttle tells nothing about which do). The first {@value #FREE_FAILURES} failures
 * cost nothing; each one after that doubles a wait, up to a quarter of an hour, during which attempts
 * are refused without looking at the password. A success clears both counts. At most
 * {@value #MAX_KEYS} addresses and names are remembered, the least recently seen forgotten first, so a
 * flood of made-up names cannot exhaust memory.
 */
@Component(service = LoginGuard.class)
public final class LoginGuard {
    static final int FREE_FAILURES = 5;
    static final int MAX_KEYS = 10_000;
    private static final Duration MAX_WAIT = Duration.ofMinutes(15);

    private final Clock clock;
    private final Map<String, Failures> failures = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
            return size() > MAX_KEYS;
        }
    };

    /** A guard on the system clock. */
    @Activate
    public LoginGuard() {
        this(Clock.systemUTC());
    }

    LoginGuard(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param source the client's address
     * @param user   the user name tried
     * @return how long the caller must still wait; zero when it may try now
     */
    public synchronized Duration waitBefore(String source, String user) {
        Instant now = clock.instant();
        Duration bySource = remaining(failures.get(sourceKey(source)), now);
        Duration byUser = remaining(failures.get(userKey(user)), now);
        return bySource.compareTo(byUser) >= 0 ? bySource : byUser;
    }

    /**
     * @param source the client's address
     * @param user   the user name tried
     * @return the wait the failure has earned; zero while failures are still free
     */
    public synchronized Duration failed(String source, String user) {
        Instant now = clock.instant();
        Duration bySource = count(sourceKey(source), now);
        Duration byUser = count(userKey(user), now);
        return bySource.compareTo(byUser) >= 0 ? bySource : byUser;
    }

    /**
     * @param source the client's address
     * @param user   the user name that logged in
     */
    public synchronized void succeeded(String source, String user) {
        failures.remove(sourceKey(source));
        failures.remove(userKey(user));
    }

    private Duration count(String key, Instant now) {
        Failures previous = failures.get(key);
        int count = previous == null ? 1 : previous.count() + 1;
        Duration wait = count <= FREE_FAILURES ? Duration.ZERO : doubling(count - FREE_FAILURES);
        failures.put(key, new Failures(count, now.plus(wait)));
        return wait;
    }

    private static Duration doubling(int beyondFree) {
        long seconds = 1L << Math.min(beyondFree - 1, 20);
        Duration wait = Duration.ofSeconds(seconds);
        return wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
    }

    private static Duration remaining(Failures entry, Instant now) {
        if (entry == null || !entry.until().isAfter(now)) {
            return Duration.ZERO;
        }
        return Duration.between(now, entry.until());
    }

    private static String sourceKey(String source) {
        return "source:" + source;
    }

    private static String userKey(String user) {
        return "user:" + (user == null ? "" : user.toLowerCase(Locale.ROOT));
    }

    private record Failures(int count, Instant until) {}
}
