package io.gantry.rest.bundle.internal.resources.filter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CorsPolicyTest {
    @Test
    void noOriginsAllowsNone() {
        CorsPolicy policy = new CorsPolicy(new String[0]);
        assertThat(policy.allows("http://panel.local")).isFalse();
    }

    @Test
    void allowsOnlyListedOrigins() {
        CorsPolicy policy = new CorsPolicy(new String[] {" http://panel.local ", ""});
        assertThat(policy.allows("http://panel.local")).isTrue();
        assertThat(policy.allows("http://evil.example")).isFalse();
        assertThat(policy.allows(null)).isFalse();
    }

    @Test
    void starAllowsAnyOrigin() {
        assertThat(new CorsPolicy(new String[] {"*"}).allows("http://anything")).isTrue();
    }
}
