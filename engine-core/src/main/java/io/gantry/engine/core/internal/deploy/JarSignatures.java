package io.gantry.engine.core.internal.deploy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;

/**
 * Tells whether every entry of a plugin jar is signed by a certificate of the trust store, with the
 * JDK's own jar verification: reading an entry checks its digest against the signature, so an entry
 * changed after signing fails, an entry added after signing has no signer, and a signer outside the
 * trust store is named.
 */
final class JarSignatures {
    private final Set<Certificate> trusted;

    private JarSignatures(Set<Certificate> trusted) {
        this.trusted = trusted;
    }

    /**
     * @param trustStore a PKCS12 (or JKS) file of trusted certificates
     * @param password   its password, or null
     * @return the check
     * @throws IOException              when the file cannot be read
     * @throws GeneralSecurityException when it is not a trust store
     */
    static JarSignatures trusting(Path trustStore, char[] password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        try (InputStream in = Files.newInputStream(trustStore)) {
            store.load(in, password);
        }
        Set<Certificate> certificates = new HashSet<>();
        for (String alias : Collections.list(store.aliases())) {
            Certificate certificate = store.getCertificate(alias);
            if (certificate != null) {
                certificates.add(certificate);
            }
        }
        if (certificates.isEmpty()) {
            throw new GeneralSecurityException(trustStore + " holds no certificate");
        }
        return new JarSignatures(Set.copyOf(certificates));
    }

    /**
     * @param jar a plugin jar's content
     * @return null when every entry is signed by a trusted certificate; otherwise why not
     */
    String problem(byte[] jar) {
        int signed = 0;
        boolean hasSignature = false;
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar), true)) {
            for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
                in.transferTo(OutputStream.nullOutputStream()); // reading to the end verifies the entry's digest
                if (isSignatureFile(entry.getName())) {
                    hasSignature = true; // signature files come first, right after the manifest
                    continue;
                }
                if (entry.isDirectory()) {
                    continue;
                }
                CodeSigner[] signers = entry.getCodeSigners();
                if (signers == null || signers.length == 0) {
                    return hasSignature ? "its entry " + entry.getName() + " is not signed" : "it is not signed";
                }
                if (!signedByTrusted(signers)) {
                    return "it is signed by " + subject(signers[0]) + ", which is not in the trust store";
                }
                signed++;
            }
        } catch (SecurityException e) {
            return "its signature does not match its content (" + e.getMessage() + ")";
        } catch (IOException e) {
            return "its signature cannot be checked (" + e.getMessage() + ")";
        }
        return signed == 0 ? "it is not signed" : null;
    }

    private boolean signedByTrusted(CodeSigner[] signers) {
        for (CodeSigner signer : signers) {
            for (Certificate certificate : signer.getSignerCertPath().getCertificates()) {
                if (trusted.contains(certificate)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String subject(CodeSigner signer) {
        Certificate first = signer.getSignerCertPath().getCertificates().get(0);
        return first instanceof X509Certificate x509
                ? x509.getSubjectX500Principal().getName()
                : first.getType() + " certificate";
    }

    /** The manifest is covered by the signature file; the signature files themselves are not entries to sign. */
    private static boolean isSignatureFile(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return upper.startsWith("META-INF/")
                && upper.indexOf('/', "META-INF/".length()) < 0
                && (upper.endsWith(".SF")
                        || upper.endsWith(".RSA")
                        || upper.endsWith(".DSA")
                        || upper.endsWith(".EC")
                        || upper.startsWith("META-INF/SIG-"));
    }
}
