package io.gantry.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TlsCheckTest {
    @TempDir
    Path home;

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1", "[::1]", "localhost"})
    void servesPlainHttpOnLoopback(String host) throws IOException {
        assertThat(TlsCheck.plaintextProblem(settings(Map.of("GANTRY_HTTP_HOST", host))))
                .isNull();
    }

    @ParameterizedTest
    @CsvSource({"0.0.0.0, 0.0.0.0:8080", "::, [::]:8080", "192.168.1.20, 192.168.1.20:8080"})
    void refusesPlainHttpBeyondLoopbackInOneLine(String host, String address) throws IOException {
        assertThat(TlsCheck.plaintextProblem(settings(Map.of("GANTRY_HTTP_HOST", host))))
                .isEqualTo("refusing to serve plain HTTP on " + address
                        + ": anyone on the network could read credentials; set gantry.tls=on (GANTRY_TLS=on;"
                        + " a self-signed certificate is made on first start) or, on a network you trust,"
                        + " gantry.http.allowPlaintext=true in conf/gantry.properties");
    }

    @Test
    void letsTlsOrTheOperatorsOptOutServeBeyondLoopback() throws IOException {
        assertThat(TlsCheck.plaintextProblem(settings(Map.of("GANTRY_HTTP_HOST", "0.0.0.0", "GANTRY_TLS", "on"))))
                .isNull();
        conf("gantry.http.allowPlaintext=true\n");
        assertThat(TlsCheck.plaintextProblem(settings(Map.of("GANTRY_HTTP_HOST", "0.0.0.0"))))
                .isNull();
    }

    @Test
    void refusesAChosenKeystoreThatIsNotThere() throws IOException {
        Settings settings = settings(Map.of("GANTRY_TLS", "on", "GANTRY_TLS_KEYSTORE", "conf/cell.p12"));
        assertThat(TlsCheck.certificateProblem(settings))
                .isEqualTo("gantry.tls=on but there is no keystore at " + home.resolve("conf/cell.p12")
                        + " (gantry.tls.keystore)");
    }

    @Test
    void hasACertificateToMakeWhenNoKeystoreIsThere() throws IOException {
        // this JDK has keytool: the bundle makes the self-signed certificate
        assertThat(TlsCheck.certificateProblem(settings(Map.of("GANTRY_TLS", "on"))))
                .isNull();
        assertThat(TlsCheck.certificateProblem(settings(Map.of()))).isNull();
    }

    private void conf(String text) throws IOException {
        Files.writeString(Files.createDirectories(home.resolve("conf")).resolve("gantry.properties"), text);
    }

    private Settings settings(Map<String, String> environment) throws IOException {
        return Settings.load(home, environment);
    }
}
