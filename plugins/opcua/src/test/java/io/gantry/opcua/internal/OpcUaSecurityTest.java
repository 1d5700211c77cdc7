package io.gantry.opcua.internal;

import static io.gantry.opcua.internal.Stages.config;
import static io.gantry.opcua.internal.Stages.failure;
import static io.gantry.opcua.internal.Stages.signal;
import static io.gantry.opcua.internal.Stages.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.engine.api.error.DeviceFaultException;
import io.gantry.engine.api.signal.SignalQuality;
import io.gantry.plugin.testkit.Contracts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Users and certificates, against a node-opcua that takes only user {@code operator} (no anonymous) and
 * offers Basic256Sha256 Sign and SignAndEncrypt beside None.
 */
class OpcUaSecurityTest {
    private static final Pattern THUMBPRINT = Pattern.compile("SHA-1 thumbprint ([0-9A-F]{40}), subject ([^;]+);");

    @TempDir
    static Path dir;

    static NodeOpcUaServer server;

    private OpcUaDriver driver;
    private ObservedContext context;

    @BeforeAll
    static void startServer() {
        server = NodeOpcUaServer.start(
                dir.resolve("server-pki"), "--user", "operator", "--password", "s3cret", "--no-anonymous");
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void newDriver(@TempDir Path data) {
        driver = new OpcUaDriver(data);
    }

    @AfterEach
    void stop() {
        driver.deactivate();
    }

    private OpcUaDevice device(Map<String, Object> config) {
        context = new ObservedContext("secure-cell", config);
        return (OpcUaDevice) driver.create(context);
    }

    private Map<String, Object> user(Object... more) {
        Object[] all = new Object[more.length + 4];
        all[0] = "username";
        all[1] = "operator";
        all[2] = "password";
        all[3] = "s3cret";
        System.arraycopy(more, 0, all, 4, more.length);
        return config(server.endpointUrl(), List.of(signal("temperature", "ns=1;s=Temperature")), all);
    }

    @Test
    void aUserOnPolicyNoneNeedsTheServerCertificateTrustedSinceThePasswordIsEncryptedWithIt() {
        Throwable untrusted = failure(device(user()).connect());

        assertThat(untrusted)
                .isInstanceOf(OpcUaStatusException.class)
                .hasMessageContaining("(None/None): Bad_SecurityChecksFailed (0x80130000): the server's certificate is"
                        + " not trusted: SHA-1 thumbprint " + server.thumbprint());

        OpcUaDevice device = device(user("trustedServerCertificates", List.of(server.thumbprint())));
        Contracts.assertConnects(device, Stages.WAIT);
        assertThat(context.awaitSample("temperature", 0, sample -> true, Stages.WAIT)
                        .quality())
                .isEqualTo(SignalQuality.GOOD);
        assertThat(driver.pkiDir().resolve("own")).doesNotExist(); // None: no client certificate exchanged
    }

    @Test
    void aWrongPasswordOrAnonymousFailsNamingTheStatus() {
        Throwable wrong = failure(device(config(
                        server.endpointUrl(),
                        List.of(),
                        "username",
                        "operator",
                        "password",
                        "guess",
                        "trustedServerCertificates",
                        List.of(server.thumbprint())))
                .connect());
        Throwable anonymous =
                failure(device(config(server.endpointUrl(), List.of())).connect());

        assertThat(wrong)
                .isInstanceOf(OpcUaStatusException.class)
                .hasMessageStartingWith(
                        "device 'secure-cell' cannot connect to " + server.endpointUrl() + " (None/None): ");
        assertThat(((OpcUaStatusException) wrong).statusName())
                .isIn("Bad_UserAccessDenied", "Bad_IdentityTokenRejected");
        assertThat(wrong.getMessage()).contains(((OpcUaStatusException) wrong).statusName() + " (0x80");
        assertThat(anonymous)
                .isInstanceOf(DeviceFaultException.class)
                .hasMessage("device 'secure-cell': " + server.endpointUrl()
                        + " (None/None) does not take anonymous clients: set username and password");
    }

    @Test
    void anUntrustedServerCertificateFailsSayingHowToTrustItThenItsThumbprintConnects() throws Exception {
        Throwable untrusted = failure(device(user("securityPolicy", "Basic256Sha256", "securityMode", "SignAndEncrypt"))
                .connect());

        assertThat(untrusted)
                .isInstanceOf(OpcUaStatusException.class)
                .hasMessageContaining("cannot connect to " + server.endpointUrl() + " (Basic256Sha256/SignAndEncrypt)")
                .hasMessageContaining("Bad_SecurityChecksFailed (0x80130000)")
                .hasMessageContaining("the server's certificate is not trusted");
        Matcher found = THUMBPRINT.matcher(untrusted.getMessage());
        assertThat(found.find()).as(untrusted.getMessage()).isTrue();
        String thumbprint = found.group(1);
        Path rejected = driver.pkiDir().resolve("rejected").resolve(thumbprint + ".der");
        assertThat(untrusted.getMessage())
                .contains("add it to trustedServerCertificates or copy " + rejected + " into "
                        + driver.pkiDir().resolve("trusted").resolve("certs"));
        assertThat(found.group(2)).contains("CN=");
        assertThat(rejected).isRegularFile();

        OpcUaDevice trusted = device(user(
                "securityPolicy",
                "Basic256Sha256",
                "securityMode",
                "SignAndEncrypt",
                "trustedServerCertificates",
                List.of(thumbprint.toLowerCase(java.util.Locale.ROOT))));
        Contracts.assertConnects(trusted, Stages.WAIT);
        assertThat(value(trusted.read(List.of("temperature")))
                        .get("temperature")
                        .value())
                .isEqualTo(21.5);
        assertThat(driver.pkiDir().resolve("own").resolve("client.p12")).isRegularFile();
    }

    @Test
    void aServerCertificateCopiedIntoTrustedCertsIsTrustedForSign() throws Exception {
        Throwable untrusted = failure(device(user("securityPolicy", "Basic256Sha256", "securityMode", "Sign"))
                .connect());
        Matcher found = THUMBPRINT.matcher(untrusted.getMessage());
        assertThat(found.find()).as(untrusted.getMessage()).isTrue();
        Path rejected = driver.pkiDir().resolve("rejected").resolve(found.group(1) + ".der");

        Files.copy(rejected, driver.pkiDir().resolve("trusted").resolve("certs").resolve(rejected.getFileName()));

        OpcUaDevice device = device(user("securityPolicy", "Basic256Sha256", "securityMode", "Sign"));
        assertThat(device.connect()).succeedsWithin(Stages.WAIT);
        assertThat(context.awaitSample("temperature", 0, sample -> true, Stages.WAIT)
                        .value())
                .isEqualTo(21.5);
    }
}
