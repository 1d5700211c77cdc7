package io.gantry.rest.bundle.internal.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.engine.api.security.Identity;
import io.gantry.engine.api.security.Role;
import io.gantry.rest.bundle.internal.testing.Configs;
import io.gantry.rest.bundle.internal.testing.FakeCredentials;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When a browser session ends: idle, too old, its owner gone, its user's password changed. */
class BrowserSessionsTest {
    private final MovableClock clock = new MovableClock();
    private final FakeCredentials credentials = new FakeCredentials()
            .password("olga", "correct horse battery", Role.OPERATOR)
            .token("gnt_t", "tim", Role.VIEWER);
    private final BrowserSessions sessions = new BrowserSessions(
            Configs.of(BrowserSessions.Configuration.class, Map.of("idleMinutes", 30, "maxHours", 12)),
            credentials,
            clock);

    @Test
    void endsAfterItsIdleTimeButNotWhileInUse() {
        String id = sessions.open(new Identity("olga", null, Role.OPERATOR)).id();
        clock.advance(Duration.ofMinutes(29));
        assertThat(sessions.use(id)).isPresent();
        clock.advance(Duration.ofMinutes(29));
        assertThat(sessions.peek(id)).as("used 29 minutes ago").isPresent();
        clock.advance(Duration.ofMinutes(2));
        assertThat(sessions.use(id)).isEmpty();
    }

    @Test
    void anOpenStreamDoesNotKeepASessionAlive() {
        String id = sessions.open(new Identity("olga", null, Role.OPERATOR)).id();
        for (int i = 0; i < 4; i++) {
            clock.advance(Duration.ofMinutes(10));
            sessions.peek(id);
        }
        assertThat(sessions.peek(id)).isEmpty();
    }

    @Test
    void endsAfterItsMaximumAgeHoweverBusy() {
        String id = sessions.open(new Identity("olga", null, Role.OPERATOR)).id();
        for (int i = 0; i < 12 * 4; i++) {
            clock.advance(Duration.ofMinutes(15));
            sessions.use(id);
        }
        clock.advance(Duration.ofMinutes(1));
        assertThat(sessions.use(id)).isEmpty();
    }

    @Test
    void endsWhenTheTokenItLoggedInWithIsRevoked() {
        String id = sessions.open(credentials.authenticateToken("gnt_t").orElseThrow())
                .id();
        assertThat(sessions.use(id)).isPresent();
        credentials.revoke("gnt_t");
        assertThat(sessions.use(id)).isEmpty();
    }

    @Test
    void aNewPasswordLogsEveryBrowserOfThatUserOut() {
        String first = sessions.open(new Identity("olga", null, Role.OPERATOR)).id();
        String second = sessions.open(new Identity("olga", null, Role.OPERATOR)).id();
        String other = sessions.open(credentials.authenticateToken("gnt_t").orElseThrow())
                .id();

        sessions.closeAllOf("olga");

        assertThat(sessions.use(first)).isEmpty();
        assertThat(sessions.use(second)).isEmpty();
        assertThat(sessions.use(other)).isPresent();
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-12-03T08:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
