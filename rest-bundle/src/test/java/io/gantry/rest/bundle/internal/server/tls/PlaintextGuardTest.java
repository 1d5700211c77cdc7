package io.gantry.rest.bundle.internal.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PlaintextGuardTest {
    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.0.0.2", "::1", "[::1]", "localhost", " localhost "})
    void loopbackAddressesAndNamesAreLoopback(String host) {
        assertThat(PlaintextGuard.isLoopback(host)).isTrue();
    }

    @ParameterizedTest
    // wildcards, LAN and public literals (no lookup), every interface, a name that does not resolve
    @ValueSource(strings = {"0.0.0.0", "::", "[::]", "192.168.1.20", "10.0.0.7", "fe80::1", "", "no-such-host.invalid"})
    void everythingElseIsNot(String host) {
        assertThat(PlaintextGuard.isLoopback(host)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"0.0.0.0, 0.0.0.0:8080", "::, [::]:8080", "192.168.1.20, 192.168.1.20:8080"})
    void refusesPlainHttpBeyondLoopbackInOneLineSayingWhatToSet(String host, String address) {
        assertThatThrownBy(() -> PlaintextGuard.check(host, 8080, false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("refusing to serve plain HTTP on " + address + ": anyone on the network")
                .hasMessageContaining("gantry.tls=on")
                .hasMessageContaining("gantry.http.allowPlaintext=true in conf/gantry.properties")
                .hasMessageNotContaining("\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "192.168.1.20"})
    void allowsPlainHttpBeyondLoopbackWhenTheOperatorSaysSo(String host) {
        assertThatCode(() -> PlaintextGuard.check(host, 8080, true)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "localhost", "::1"})
    void allowsPlainHttpOnLoopback(String host) {
        assertThatCode(() -> PlaintextGuard.check(host, 8080, false)).doesNotThrowAnyException();
    }
}
