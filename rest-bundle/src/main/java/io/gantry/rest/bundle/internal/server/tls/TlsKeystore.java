package io.gantry.rest.bundle.internal.server.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.HexFormat;
import javax.net.ssl.KeyManagerFactory;

/**
 * A PKCS12 keystore read and checked the way Jetty will use it: its first private key entry with an
 * X.509 certificate is the one served.
 *
 * @param file        where it was read from
 * @param password    its password (and the key's: PKCS12 has one for both)
 * @param store       the keystore as read, handed to Jetty so that Jetty never reads an unchecked file
 * @param alias       the served entry
 * @param certificate the served certificate
 */
record TlsKeystore(Path file, String password, KeyStore store, String alias, X509Certificate certificate) {
    /**
     * @param file     a PKCS12 file
     * @param password its password
     * @return the keystore, checked
     * @throws IOException              when the file cannot be read, is not a keystore or the password is wrong
     * @throws GeneralSecurityException when it holds no usable private key and certificate
     */
    static TlsKeystore read(Path file, String password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password.toCharArray());
        }
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias) && store.getCertificate(alias) instanceof X509Certificate certificate) {
                // the key must open with the password, as Jetty's key manager will need it to
                KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm())
                        .init(store, password.toCharArray());
                return new TlsKeystore(file, password, store, alias, certificate);
            }
        }
        throw new GeneralSecurityException("it holds no private key with an X.509 certificate");
    }

    /** @return the served certificate's SHA-256 fingerprint, as browsers show it ({@code AB:CD:…}) */
    String fingerprint() {
        return fingerprint(certificate);
    }

    /**
     * @param certificate a certificate
     * @return its SHA-256 fingerprint in upper-case hexadecimal pairs separated by colons
     */
    static String fingerprint(Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot take the certificate's SHA-256 fingerprint", e);
        }
    }

    @Override
    public String toString() {
        // never the password
        return "TlsKeystore[" + file + ", alias " + alias + ", SHA-256 " + fingerprint() + "]";
    }
}
