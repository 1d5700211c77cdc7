package io.gantry.rest.bundle.internal.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TlsSettingsTest {
    private static final Path HOME = Path.of("/opt/gantry");

    @Test
    void offByDefaultWithTheKeystoreInConfAndTheSelfSignedOneInData() {
        TlsSettings settings = read(Map.of());
        assertThat(settings.tls()).isFalse();
        assertThat(settings.allowPlaintext()).isFalse();
        assertThat(settings.keystore()).isEqualTo(HOME.resolve("conf/gantry.p12"));
        assertThat(settings.keystoreChosen()).isFalse();
        assertThat(settings.password()).isEmpty();
        assertThat(settings.selfSignedDir()).isEqualTo(HOME.resolve("data/tls"));
    }

    @Test
    void readsOnAndTrueInAnyCaseAndWithSpaces() {
        TlsSettings settings = read(Map.of("gantry.tls", " ON ", "gantry.http.allowPlaintext", "True"));
        assertThat(settings.tls()).isTrue();
        assertThat(settings.allowPlaintext()).isTrue();
    }

    @Test
    void takesARelativeKeystoreFromTheHomeAndAnAbsoluteOneAsItIs() {
        assertThat(read(Map.of("gantry.tls.keystore", "conf/../certs/cell.p12")).keystore())
                .isEqualTo(HOME.resolve("certs/cell.p12"));
        TlsSettings absolute =
                read(Map.of("gantry.tls.keystore", "/etc/gantry/cell.p12", "gantry.tls.keystore.password", "s3cret"));
        assertThat(absolute.keystore()).isEqualTo(Path.of("/etc/gantry/cell.p12"));
        assertThat(absolute.keystoreChosen()).isTrue();
        assertThat(absolute.password()).isEqualTo("s3cret");
        assertThat(absolute.toString()).doesNotContain("s3cret");
    }

    @Test
    void keepsTheSelfSignedCertificateUnderGantryData() {
        assertThat(read(Map.of("gantry.data", "/var/lib/gantry")).selfSignedDir())
                .isEqualTo(Path.of("/var/lib/gantry/tls"));
    }

    @Test
    void refusesAValueThatIsNeitherOnNorOffNamingTheKey() {
        assertThatThrownBy(() -> read(Map.of("gantry.tls", "yes")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("gantry.tls must be 'on' or 'off', was 'yes'");
        assertThatThrownBy(() -> read(Map.of("gantry.http.allowPlaintext", "on")))
                .hasMessage("gantry.http.allowPlaintext must be 'true' or 'false', was 'on'");
    }

    @Test
    void takesTheWorkingDirectoryWithoutAnInstallation() {
        TlsSettings settings = TlsSettings.read(key -> null);
        assertThat(settings.keystore()).isEqualTo(Path.of("conf/gantry.p12").toAbsolutePath());
    }

    private static TlsSettings read(Map<String, String> properties) {
        Map<String, String> all = new HashMap<>(properties);
        all.put("gantry.home", HOME.toString());
        return TlsSettings.read(all::get);
    }
}
