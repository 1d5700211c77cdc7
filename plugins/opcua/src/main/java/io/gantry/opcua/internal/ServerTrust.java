package io.gantry.opcua.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.milo.opcua.stack.client.security.ClientCertificateValidator;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.TrustListManager;
import org.eclipse.milo.opcua.stack.core.util.validation.CertificateValidationUtil;
import org.eclipse.milo.opcua.stack.core.util.validation.ValidationCheck;

/**
 * Decides whether a server's certificate is trusted: only explicitly, when its SHA-1 thumbprint is in the
 * device's {@code trustedServerCertificates} or it (or an issuer of it) is in the pki's {@code trusted/certs}.
 * A certificate that is neither is written to the pki's {@code rejected/} folder as {@code <thumbprint>.der}
 * and refused with a message saying how to trust it.
 *
 * <p>The application URI and host name checks are left out, as Milo's default validator leaves them out:
 * a certificate an engineer trusted by hand is the server he meant, whatever host name reaches it.
 */
final class ServerTrust implements ClientCertificateValidator {
    private final Set<String> thumbprints;
    private final Pki pki;

    /**
     * @param thumbprints the trusted thumbprints, upper case
     * @param pki         the trust list and the rejected folder
     */
    ServerTrust(Set<String> thumbprints, Pki pki) {
        this.thumbprints = Set.copyOf(thumbprints);
        this.pki = pki;
    }

    @Override
    public void validateCertificateChain(List<X509Certificate> chain) throws UaException {
        if (chain.isEmpty()) {
            throw new UaException(StatusCodes.Bad_SecurityChecksFailed, "the server sent no certificate");
        }
        X509Certificate certificate = chain.get(0);
        String thumbprint = Thumbprints.of(certificate);
        if (thumbprints.contains(thumbprint)) {
            checkValidity(certificate, thumbprint);
            return;
        }
        TrustListManager trustList;
        try {
            trustList = pki.trustList();
        } catch (IOException e) {
            throw new UaException(StatusCodes.Bad_SecurityChecksFailed, "cannot read the trust list: " + e, e);
        }
        PKIXCertPathBuilderResult path;
        try {
            path = CertificateValidationUtil.buildTrustedCertPath(
                    chain, trustList.getTrustedCertificates(), trustList.getIssuerCertificates());
        } catch (UaException untrusted) {
            throw new UaException(StatusCodes.Bad_SecurityChecksFailed, howToTrust(certificate, thumbprint));
        }
        List<X509CRL> crls = new ArrayList<>(trustList.getTrustedCrls());
        crls.addAll(trustList.getIssuerCrls());
        CertificateValidationUtil.validateTrustedCertPath(
                path.getCertPath(), path.getTrustAnchor(), crls, ValidationCheck.NO_OPTIONAL_CHECKS, false);
    }

    @Override
    public void validateCertificateChain(List<X509Certificate> chain, String applicationUri, String... validHostNames)
            throws UaException {
        validateCertificateChain(chain);
    }

    private static void checkValidity(X509Certificate certificate, String thumbprint) throws UaException {
        try {
            certificate.checkValidity();
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            throw new UaException(
                    StatusCodes.Bad_CertificateTimeInvalid,
                    "the server's certificate " + thumbprint + " is trusted but valid only from "
                            + certificate.getNotBefore().toInstant() + " to "
                            + certificate.getNotAfter().toInstant());
        }
    }

    /** Keeps the certificate in {@code rejected/} and says how to trust it. */
    private String howToTrust(X509Certificate certificate, String thumbprint) {
        Path rejected = pki.rejected().resolve(thumbprint + ".der");
        String copy;
        try {
            Files.createDirectories(pki.rejected());
            Files.write(rejected, certificate.getEncoded());
            copy = "copy " + rejected + " into " + pki.trustedCerts();
        } catch (IOException | CertificateEncodingException e) {
            copy = "copy the server's certificate into " + pki.trustedCerts() + " (it could not be kept in "
                    + pki.rejected() + ": " + e.getMessage() + ")";
        }
        return "the server's certificate is not trusted: SHA-1 thumbprint " + thumbprint + ", subject "
                + certificate.getSubjectX500Principal().getName() + "; to trust it, add it to trustedServerCertificates"
                + " or " + copy;
    }
}
