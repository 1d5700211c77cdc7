package io.gantry.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
    @TempDir
    Path home;

    @Test
    void plainHttpOnLoopbackByDefault() throws IOException {
        Settings settings = Settings.load(home, Map.of());
        assertThat(settings.tls()).isFalse();
        assertThat(settings.allowPlaintext()).isFalse();
        assertThat(settings.httpHost()).isEqualTo("127.0.0.1");
        assertThat(settings.tlsKeystoreChosen()).isFalse();
        assertThat(settings.tlsKeystore()).isEqualTo(home.resolve("conf/gantry.p12"));
    }

    @Test
    void readsTheTlsKeysFromConfAndTheEnvironmentOverConf() throws IOException {
        conf("gantry.tls=off\ngantry.tls.keystore=/etc/gantry/cell.p12\ngantry.tls.keystore.password=s3cret\n"
                + "gantry.http.allowPlaintext = TRUE \n");
        Settings fromConf = Settings.load(home, Map.of());
        assertThat(fromConf.tls()).isFalse();
        assertThat(fromConf.allowPlaintext()).isTrue();
        assertThat(fromConf.tlsKeystore()).isEqualTo(Path.of("/etc/gantry/cell.p12"));
        assertThat(fromConf.frameworkProperties(false)).containsEntry("gantry.tls.keystore.password", "s3cret");

        Settings fromEnvironment =
                Settings.load(home, Map.of("GANTRY_TLS", "ON", "GANTRY_TLS_KEYSTORE", "certs/own.p12"));
        assertThat(fromEnvironment.tls()).isTrue();
        assertThat(fromEnvironment.tlsKeystore()).isEqualTo(home.resolve("certs/own.p12"));
        assertThat(fromEnvironment.frameworkProperties(false)).containsEntry("gantry.tls", "ON");
    }

    @Test
    void refusesAnUnknownValueNamingTheKey() throws IOException {
        assertThatThrownBy(
                        () -> Settings.load(home, Map.of("GANTRY_TLS", "yes")).tls())
                .hasMessage("gantry.tls must be 'on' or 'off', was 'yes'");
        conf("gantry.http.allowPlaintext=yes\n");
        assertThatThrownBy(() -> Settings.load(home, Map.of()).allowPlaintext())
                .hasMessage("gantry.http.allowPlaintext must be 'true' or 'false', was 'yes'");
    }

    private void conf(String text) throws IOException {
        Files.writeString(Files.createDirectories(home.resolve("conf")).resolve("gantry.properties"), text);
    }
}
