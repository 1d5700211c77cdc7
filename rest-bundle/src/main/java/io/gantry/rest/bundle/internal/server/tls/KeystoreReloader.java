package io.gantry.rest.bundle.internal.server.tls;

import java.io.IOException;
import java.security.GeneralSecurityException;
import org.eclipse.jetty.util.ssl.KeyStoreScanner;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jetty's keystore watch (it scans the keystore's folder every second and calls {@link #reload()} when
 * the file was added, changed or removed), with the new file checked before Jetty takes it: Jetty's
 * own reload drops the serving certificate first and loads the new one after, so a bad file would
 * leave the port without a certificate. Here a bad or missing file is logged and the previous
 * certificate keeps serving; a good one is handed to Jetty already read.
 */
final class KeystoreReloader extends KeyStoreScanner {
    private static final Logger LOG = LoggerFactory.getLogger(KeystoreReloader.class);

    private final SslContextFactory.Server ssl;
    private volatile TlsKeystore serving;

    /**
     * @param ssl     the factory serving {@code serving}; its keystore path is the file watched
     * @param serving the keystore it serves now
     */
    KeystoreReloader(SslContextFactory.Server ssl, TlsKeystore serving) {
        super(ssl);
        this.ssl = ssl;
        this.serving = serving;
        setScanInterval(1);
    }

    @Override
    public void reload() {
        TlsKeystore current = serving;
        TlsKeystore next;
        try {
            next = TlsKeystore.read(current.file(), current.password());
        } catch (IOException | GeneralSecurityException e) {
            LOG.error(
                    "the keystore {} changed but cannot be used ({}); the certificate with SHA-256 fingerprint {} keeps serving",
                    current.file(),
                    e.toString(),
                    current.fingerprint());
            return;
        }
        if (next.fingerprint().equals(current.fingerprint())) {
            return; // touched, or rewritten with the same certificate
        }
        try {
            serve(next);
            LOG.info("TLS certificate reloaded from {}: SHA-256 fingerprint {}", next.file(), next.fingerprint());
        } catch (Exception e) {
            // checked above the way Jetty reads it, so not expected: put the previous one back
            try {
                serve(current);
                LOG.error(
                        "reloading the TLS certificate from {} failed; the previous one keeps serving", next.file(), e);
            } catch (Exception again) {
                LOG.error(
                        "reloading the TLS certificate from {} failed; HTTPS has no certificate until it is fixed",
                        next.file(),
                        e);
            }
        }
    }

    private void serve(TlsKeystore keystore) throws Exception {
        ssl.reload(factory -> {
            factory.setKeyStore(keystore.store());
            factory.setCertAlias(keystore.alias());
        });
        serving = keystore;
    }
}
