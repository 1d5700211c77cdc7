package io.gantry.opcua.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

/** A certificate's SHA-1 thumbprint as OPC UA names certificates: 40 upper-case hex digits of its DER form. */
final class Thumbprints {
    private Thumbprints() {}

    /**
     * @param certificate a certificate
     * @return its thumbprint
     */
    static String of(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(certificate.getEncoded());
            return HexFormat.of().withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot take the SHA-1 thumbprint of a certificate", e);
        }
    }
}
