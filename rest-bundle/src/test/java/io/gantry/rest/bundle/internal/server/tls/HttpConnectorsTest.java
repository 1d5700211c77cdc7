package io.gantry.rest.bundle.internal.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.HashMap;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The connector on a real Jetty over real TLS, with certificates made by the JDK's keytool. */
class HttpConnectorsTest {
    @TempDir
    Path home;

    private Server server;

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void servesHttpsWithHstsAndTheSelfSignedCertificateMadeOnFirstStart() throws Exception {
        ServerConnector connector = start(Map.of("gantry.tls", "on"));
        TlsKeystore made = TlsKeystore.read(
                home.resolve("data/tls/self-signed.p12"),
                Files.readString(home.resolve("data/tls/self-signed.password")).strip());

        HttpClient client =
                HttpClient.newBuilder().sslContext(trusting(made.certificate())).build();
        HttpResponse<String> answer = client.send(
                HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + connector.getLocalPort() + "/"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(HttpConnectors.scheme(connector)).isEqualTo("https");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Strict-Transport-Security")).contains("max-age=31536000");
        Certificate served = answer.sslSession().orElseThrow().getPeerCertificates()[0];
        assertThat(TlsKeystore.fingerprint(served))
                .isEqualTo(made.fingerprint())
                .matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
    }

    @Test
    void reloadsAReplacedKeystoreAndKeepsServingTheOldOneWhenTheNewFileIsBad() throws Exception {
        Path conf = Files.createDirectories(home.resolve("conf"));
        TlsKeystore first = keystore("first", "password-1", conf.resolve("gantry.p12"));
        TlsKeystore second = keystore("second", "password-1", home.resolve("second.p12"));
        ServerConnector connector = start(Map.of("gantry.tls", "on", "gantry.tls.keystore.password", "password-1"));
        KeystoreReloader reloader = server.getBean(KeystoreReloader.class);
        SSLContext trustingBoth = trusting(first.certificate(), second.certificate());
        assertThat(served(connector, trustingBoth)).isEqualTo(first.fingerprint());

        Files.writeString(conf.resolve("gantry.p12"), "half a keystore");
        reloader.scan(10_000); // two scans: the change is seen and handled when it returns
        assertThat(served(connector, trustingBoth)).isEqualTo(first.fingerprint());

        Files.copy(second.file(), conf.resolve("gantry.p12"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        reloader.scan(10_000);
        assertThat(served(connector, trustingBoth)).isEqualTo(second.fingerprint());
    }

    @Test
    void refusesAChosenKeystoreThatIsNotThere() {
        assertThatThrownBy(() -> start(Map.of("gantry.tls", "on", "gantry.tls.keystore", "conf/cell.p12")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("gantry.tls=on but there is no keystore at " + home.resolve("conf/cell.p12")
                        + " (gantry.tls.keystore)");
    }

    @Test
    void refusesAKeystoreWithTheWrongPasswordNamingTheSetting() throws Exception {
        keystore(
                "own",
                "password-1",
                Files.createDirectories(home.resolve("conf")).resolve("gantry.p12"));
        assertThatThrownBy(() -> start(Map.of("gantry.tls", "on", "gantry.tls.keystore.password", "wrong")))
                .hasMessageContaining("cannot be used")
                .hasMessageContaining("gantry.tls.keystore.password");
    }

    @Test
    void refusesPlainHttpBeyondLoopback() {
        assertThatThrownBy(() -> HttpConnectors.create(
                        new Server(), "0.0.0.0", 8080, TlsSettings.read(Map.of("gantry.home", home.toString())::get)))
                .hasMessageStartingWith("refusing to serve plain HTTP on 0.0.0.0:8080");
    }

    @Test
    void servesPlainHttpOnLoopback() throws Exception {
        assertThat(HttpConnectors.scheme(start(Map.of()))).isEqualTo("http");
    }

    private ServerConnector start(Map<String, String> properties) throws Exception {
        Map<String, String> all = new HashMap<>(properties);
        all.put("gantry.home", home.toString());
        server = new Server();
        ServerConnector connector = HttpConnectors.create(server, "127.0.0.1", 0, TlsSettings.read(all::get));
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                response.setStatus(200);
                callback.succeeded();
                return true;
            }
        });
        server.start();
        return connector;
    }

    /** A keystore of its own, made by keytool as an operator would, with the given password. */
    private static TlsKeystore keystore(String name, String password, Path target) throws Exception {
        TlsKeystore made = SelfSignedCertificate.obtain(target.getParent().resolve("made-" + name), "127.0.0.1");
        KeyStore copy = KeyStore.getInstance("PKCS12");
        copy.load(null, null);
        copy.setKeyEntry(
                made.alias(),
                made.store().getKey(made.alias(), made.password().toCharArray()),
                password.toCharArray(),
                made.store().getCertificateChain(made.alias()));
        try (OutputStream out = Files.newOutputStream(target)) {
            copy.store(out, password.toCharArray());
        }
        return TlsKeystore.read(target, password);
    }

    private static SSLContext trusting(Certificate... certificates) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        for (int i = 0; i < certificates.length; i++) {
            trusted.setCertificateEntry("trusted-" + i, certificates[i]);
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    /** @return the fingerprint of the certificate a new connection is served */
    private static String served(ServerConnector connector, SSLContext context) throws Exception {
        try (SSLSocket socket =
                (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", connector.getLocalPort())) {
            socket.startHandshake();
            return TlsKeystore.fingerprint(socket.getSession().getPeerCertificates()[0]);
        }
    }
}
