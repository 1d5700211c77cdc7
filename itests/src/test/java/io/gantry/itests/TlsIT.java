package io.gantry.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import io.gantry.itests.support.Await;
import io.gantry.itests.support.DistributionProcess;
import io.gantry.itests.support.GantryContainer;
import io.gantry.itests.support.Http;
import io.gantry.itests.support.JdkTools;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;

/**
 * HTTPS and the refusal of plain HTTP beyond loopback, on the built distribution run by its
 * {@code bin/gantry}: the self-signed certificate of the first start, the operator's own keystore
 * replaced while it serves, and a bind to every interface with and without TLS. One installation
 * serves the class; the tests restart it with other settings in order.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class TlsIT {
    private static final Path WORK = Path.of("target/itest-tls").toAbsolutePath();
    private static final Duration START = Duration.ofSeconds(90);
    private static final Duration RELOAD = Duration.ofSeconds(30);
    private static final Map<String, String> TLS_ON = Map.of("GANTRY_TLS", "on");
    private static final String OWN_PASSWORD = "own-keystore-password";
    private static DistributionProcess gantry;

    @BeforeClass
    public static void startWithTlsAndNoKeystore() throws IOException {
        GantryContainer.deleteRecursively(WORK);
        gantry = DistributionProcess.copyTo(WORK.resolve("gantry"));
        gantry.start(TLS_ON).awaitHealthy(START, () -> https(trusting(selfSigned())));
    }

    @AfterClass
    public static void kill() {
        if (gantry != null) {
            gantry.close();
        }
    }

    @Test
    public void a_theFirstStartMakesASelfSignedCertificateThatServesHealthOverHttps() throws IOException {
        HttpResponse<String> health = https(trusting(selfSigned())).get("/api/health");
        assertEquals(health.body(), 200, health.statusCode());
        for (String file : new String[] {"self-signed.p12", "self-signed.password"}) {
            assertEquals(
                    file,
                    "rw-------",
                    PosixFilePermissions.toString(Files.getPosixFilePermissions(tls().resolve(file))));
        }
    }

    @Test
    public void b_everyAnswerCarriesStrictTransportSecurity() {
        HttpResponse<String> health = https(trusting(selfSigned())).get("/api/health");
        assertEquals(
                "max-age=31536000",
                health.headers().firstValue("Strict-Transport-Security").orElse(null));
        // a refusal too: without credentials, the security gate's 401
        HttpResponse<String> refused = https(trusting(selfSigned())).get("/api/no-such-thing");
        assertEquals(401, refused.statusCode());
        assertEquals(
                "max-age=31536000",
                refused.headers().firstValue("Strict-Transport-Security").orElse(null));
    }

    @Test
    public void c_theFingerprintLoggedIsTheOneOfTheServedCertificate() throws Exception {
        HttpResponse<String> health = https(trusting(selfSigned())).get("/api/health");
        String served = fingerprint(health.sslSession().orElseThrow().getPeerCertificates()[0]);
        String console = gantry.console();
        assertTrue(console, console.contains("made a self-signed TLS certificate"));
        assertTrue(
                console,
                console.contains("HTTPS with the self-signed certificate in "
                        + tls().resolve("self-signed.p12") + " (no keystore at "
                        + gantry.home().resolve("conf/gantry.p12")
                        + "): SHA-256 fingerprint " + served + ";"));
        assertTrue(console, console.contains("HTTP API listening on https://127.0.0.1:" + gantry.port() + "/api"));
    }

    @Test
    public void c_underTlsTheSessionCookieIsSecureAndTokensWorkAsOverHttp() {
        Http https = https(trusting(selfSigned()));
        HttpResponse<String> login = https.post("/api/session", "{\"token\":\"" + gantry.adminToken() + "\"}");
        assertEquals(login.body(), 201, login.statusCode());
        String cookie = login.headers().firstValue("Set-Cookie").orElse("");
        assertTrue(cookie, cookie.contains(";Secure") && cookie.contains("HttpOnly"));
        assertEquals(
                200, https.withToken(gantry.adminToken()).get("/api/pipelines").statusCode());
    }

    @Test
    public void d_aRestartServesTheSameCertificateWithoutMakingAnother() throws Exception {
        String before = served(trusting(selfSigned()));
        assertEquals(gantry.console(), 0, gantry.stop(START));
        gantry.start(TLS_ON).awaitHealthy(START, () -> https(trusting(selfSigned())));
        assertEquals(before, served(trusting(selfSigned())));
        assertEquals(gantry.console(), 1, count(gantry.console(), "made a self-signed TLS certificate"));
        assertEquals(gantry.console(), 2, count(gantry.console(), "SHA-256 fingerprint " + before + ";"));
    }

    @Test
    public void e_anOwnKeystoreIsServedAndReloadedWhenOverwritten() throws Exception {
        Path first = ownKeystore("first");
        Path second = ownKeystore("second");
        Path served = Files.createDirectories(WORK.resolve("certs")).resolve("controller.p12");
        Files.copy(first, served);
        assertEquals(gantry.console(), 0, gantry.stop(START));
        appendToConf("gantry.tls.keystore=" + served + "\ngantry.tls.keystore.password=" + OWN_PASSWORD + "\n");
        SSLContext trustingBoth = trusting(read(first, OWN_PASSWORD), read(second, OWN_PASSWORD));
        gantry.start(TLS_ON).awaitHealthy(START, () -> https(trustingBoth));
        String firstFingerprint = fingerprint(read(first, OWN_PASSWORD));
        assertEquals(firstFingerprint, served(trustingBoth));

        // a file that is no keystore: logged, and the certificate serving keeps serving
        Files.writeString(served, "not a keystore");
        Await.until(
                "the unusable keystore logged",
                RELOAD,
                () -> gantry.console().contains("the keystore " + served + " changed but cannot be used"));
        assertEquals(firstFingerprint, served(trustingBoth));

        Files.copy(second, served, StandardCopyOption.REPLACE_EXISTING);
        String secondFingerprint = fingerprint(read(second, OWN_PASSWORD));
        Await.until("the second certificate served", RELOAD, () -> secondFingerprint.equals(served(trustingBoth)));
        assertTrue(gantry.console(), gantry.console().contains("TLS certificate reloaded from " + served));
        assertEquals(200, https(trustingBoth).get("/api/health").statusCode());
    }

    @Test
    public void f_plainHttpOnEveryInterfaceIsRefusedInOneLineBeforeAnythingStarts() throws IOException {
        assertEquals(gantry.console(), 0, gantry.stop(START));
        int before = gantry.console().length();
        int exit = gantry.start(Map.of("GANTRY_TLS", "off", "GANTRY_HTTP_HOST", "0.0.0.0"))
                .waitFor(START);
        String console = gantry.console().substring(before).strip();
        assertNotEquals(console, 0, exit);
        assertEquals(
                "gantry: refusing to serve plain HTTP on 0.0.0.0:" + gantry.port()
                        + ": anyone on the network could read credentials; set gantry.tls=on (GANTRY_TLS=on;"
                        + " a self-signed certificate is made on first start) or, on a network you trust,"
                        + " gantry.http.allowPlaintext=true in conf/gantry.properties",
                console);
    }

    @Test
    public void g_allowPlaintextLetsItServeEveryInterfaceWithAWarning() throws IOException {
        appendToConf("gantry.http.allowPlaintext=true\n");
        int before = gantry.console().length();
        gantry.start(Map.of("GANTRY_TLS", "off", "GANTRY_HTTP_HOST", "0.0.0.0"))
                .awaitHealthy(START); // over plain HTTP on 127.0.0.1, one of every interface
        String console = gantry.console().substring(before);
        assertTrue(
                console,
                console.contains("WARN")
                        && console.contains("serving plain HTTP on 0.0.0.0:" + gantry.port()
                                + " because gantry.http.allowPlaintext=true"));
        assertEquals(gantry.console(), 0, gantry.stop(START));
    }

    private static Path tls() {
        return gantry.home().resolve("data/tls");
    }

    /** @return the self-signed keystore the controller made, opened with the password it keeps beside it */
    private static KeyStore selfSigned() {
        try {
            return read(
                    tls().resolve("self-signed.p12"),
                    Files.readString(tls().resolve("self-signed.password")).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path ownKeystore(String name) throws IOException {
        Path keystore = WORK.resolve(name + ".p12");
        return JdkTools.keyPair(
                keystore, "controller", "CN=Cell 7 controller " + name, OWN_PASSWORD, "-ext", "san=ip:127.0.0.1");
    }

    private static KeyStore read(Path file, String password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    /** @return an SSLContext that trusts exactly the certificates of these keystores, and no authority */
    private static SSLContext trusting(KeyStore... keystores) {
        try {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            int i = 0;
            for (KeyStore keystore : keystores) {
                for (String alias : Collections.list(keystore.aliases())) {
                    trusted.setCertificateEntry("trusted-" + i++, keystore.getCertificate(alias));
                }
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Http https(SSLContext context) {
        HttpClient client = HttpClient.newBuilder()
                .sslContext(context)
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        return new Http("https://127.0.0.1:" + gantry.port(), client);
    }

    /** @return the fingerprint of the certificate a new TLS connection is served now */
    private static String served(SSLContext context) {
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", gantry.port())) {
            socket.startHandshake();
            return fingerprint(socket.getSession().getPeerCertificates()[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String fingerprint(KeyStore keystore) throws GeneralSecurityException {
        return fingerprint(keystore.getCertificate(keystore.aliases().nextElement()));
    }

    private static String fingerprint(Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void appendToConf(String lines) throws IOException {
        Files.writeString(
                gantry.home().resolve("conf/gantry.properties"),
                "\n" + lines,
                StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
