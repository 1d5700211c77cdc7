package io.gantry.rest.bundle.internal.server.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.time.Duration;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the one connector of the HTTP port: HTTPS when {@code gantry.tls=on} (the operator's
 * keystore, else a self-signed certificate, reloaded when its file changes), plain HTTP otherwise,
 * and that only on loopback unless the operator allowed more.
 */
public final class HttpConnectors {
    private static final Logger LOG = LoggerFactory.getLogger(HttpConnectors.class);

    /** HSTS: browsers that have seen the controller once refuse plain HTTP to it for a year. */
    private static final Duration STS_MAX_AGE = Duration.ofDays(365);

    private HttpConnectors() {}

    /**
     * @param server the server the connector belongs to
     * @param host   the bind address or name
     * @param port   the port
     * @param tls    the security settings
     * @return the connector, not yet added to the server; with TLS the keystore watch has been added
     *     to the server as a bean
     * @throws IllegalStateException when the settings refuse this start or no certificate can be had,
     *                               after logging why as one line
     */
    public static ServerConnector create(Server server, String host, int port, TlsSettings tls) {
        ServerConnector connector;
        if (tls.tls()) {
            connector = https(server, port, keystore(tls, host));
        } else {
            PlaintextGuard.check(host, port, tls.allowPlaintext());
            connector = new ServerConnector(server);
        }
        connector.setHost(host);
        connector.setPort(port);
        return connector;
    }

    /**
     * @param connector a connector made by {@link #create}
     * @return {@code https} or {@code http}
     */
    public static String scheme(ServerConnector connector) {
        return connector.getConnectionFactory(SslConnectionFactory.class) == null ? "http" : "https";
    }

    private static TlsKeystore keystore(TlsSettings tls, String host) {
        try {
            TlsKeystore keystore;
            if (tls.keystoreChosen() || Files.exists(tls.keystore())) {
                keystore = own(tls);
                LOG.info(
                        "HTTPS with the certificate in {}: SHA-256 fingerprint {}",
                        keystore.file(),
                        keystore.fingerprint());
            } else {
                keystore = SelfSignedCertificate.obtain(tls.selfSignedDir(), host);
                LOG.info(
                        "HTTPS with the self-signed certificate in {} (no keystore at {}): SHA-256 fingerprint {};"
                                + " a browser warns about it until trusted: check it shows this fingerprint",
                        keystore.file(),
                        tls.keystore(),
                        keystore.fingerprint());
            }
            return keystore;
        } catch (IllegalStateException e) {
            LOG.error("{}=on but {}", TlsSettings.TLS, e.getMessage());
            throw new IllegalStateException(TlsSettings.TLS + "=on but " + e.getMessage(), e);
        }
    }

    private static TlsKeystore own(TlsSettings tls) {
        if (!Files.exists(tls.keystore())) {
            throw new IllegalStateException(
                    "there is no keystore at " + tls.keystore() + " (" + TlsSettings.KEYSTORE + ")");
        }
        try {
            return TlsKeystore.read(tls.keystore(), tls.password());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("the keystore " + tls.keystore() + " cannot be used (" + e
                    + "); check the file and " + TlsSettings.KEYSTORE_PASSWORD);
        }
    }

    private static ServerConnector https(Server server, int port, TlsKeystore keystore) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        // the path is what the watch scans; Jetty serves the keystore already read and checked
        ssl.setKeyStorePath(keystore.file().toString());
        ssl.setKeyStoreType("PKCS12");
        ssl.setKeyStorePassword(keystore.password());
        ssl.setKeyStore(keystore.store());
        ssl.setCertAlias(keystore.alias());

        HttpConfiguration http = new HttpConfiguration();
        http.setSecureScheme("https");
        http.setSecurePort(port);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        // clients reach a controller by its IP address, which no SNI names: do not match SNI to Host
        secure.setSniHostCheck(false);
        secure.setStsMaxAge(STS_MAX_AGE.toSeconds());
        http.addCustomizer(secure);

        server.addBean(new KeystoreReloader(ssl, keystore));
        return new ServerConnector(
                server,
                new SslConnectionFactory(ssl, HttpVersion.HTTP_1_1.asString()),
                new HttpConnectionFactory(http));
    }
}
