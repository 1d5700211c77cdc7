package io.gantry.rest.bundle.internal.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelfSignedCertificateTest {
    @TempDir
    Path data;

    @Test
    void makesAnEcCertificateForLoopbackAndTheHostReadableByTheOwnerOnly() throws Exception {
        Path folder = data.resolve("tls");
        TlsKeystore made = SelfSignedCertificate.obtain(folder, "cell-7.plant.example");

        X509Certificate certificate = made.certificate();
        assertThat(certificate.getPublicKey().getAlgorithm()).isEqualTo("EC");
        assertThat(certificate.getSubjectX500Principal().getName())
                .isEqualTo(certificate.getIssuerX500Principal().getName());
        assertThat(certificate.getSubjectAlternativeNames())
                .extracting(name -> (Object) name.get(1))
                .containsExactly("localhost", "127.0.0.1", "cell-7.plant.example");
        assertThat(certificate.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1"); // serverAuth
        assertThat(made.file()).isEqualTo(folder.resolve("self-signed.p12"));
        assertThat(made.password())
                .isEqualTo(
                        Files.readString(folder.resolve("self-signed.password")).strip());
        assertThat(made.password()).hasSizeGreaterThanOrEqualTo(32);
        for (String file : List.of("self-signed.p12", "self-signed.password")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve(file))))
                    .as(file)
                    .isEqualTo("rw-------");
        }
        try (var left = Files.list(folder)) {
            assertThat(left.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrder("self-signed.p12", "self-signed.password");
        }
    }

    @Test
    void reusesTheCertificateOfAnEarlierStart() {
        Path folder = data.resolve("tls");
        String first = SelfSignedCertificate.obtain(folder, "127.0.0.1").fingerprint();
        assertThat(SelfSignedCertificate.obtain(folder, "127.0.0.1").fingerprint())
                .isEqualTo(first);
    }

    @Test
    void refusesAKeptCertificateItCannotReadSayingHowToGetANewOne() throws Exception {
        Path folder = Files.createDirectories(data.resolve("tls"));
        Files.writeString(folder.resolve("self-signed.p12"), "not a keystore");
        Files.writeString(folder.resolve("self-signed.password"), "whatever");
        assertThatThrownBy(() -> SelfSignedCertificate.obtain(folder, "127.0.0.1"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot be read")
                .hasMessageContaining("delete it and self-signed.password");
    }

    @Test
    void namesTheHostUnlessItIsAWildcard() {
        assertThat(SelfSignedCertificate.subjectAlternativeNames("0.0.0.0")).isEqualTo("dns:localhost,ip:127.0.0.1");
        assertThat(SelfSignedCertificate.subjectAlternativeNames("::")).isEqualTo("dns:localhost,ip:127.0.0.1");
        assertThat(SelfSignedCertificate.subjectAlternativeNames("127.0.0.1")).isEqualTo("dns:localhost,ip:127.0.0.1");
        assertThat(SelfSignedCertificate.subjectAlternativeNames("192.168.1.20"))
                .isEqualTo("dns:localhost,ip:127.0.0.1,ip:192.168.1.20");
        assertThat(SelfSignedCertificate.subjectAlternativeNames("[fe80::1]"))
                .isEqualTo("dns:localhost,ip:127.0.0.1,ip:fe80::1");
        assertThat(SelfSignedCertificate.subjectAlternativeNames("Cell-7"))
                .isEqualTo("dns:localhost,ip:127.0.0.1,dns:cell-7");
    }
}
