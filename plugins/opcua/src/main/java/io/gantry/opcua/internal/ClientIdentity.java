package io.gantry.opcua.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.UUID;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.eclipse.milo.opcua.stack.core.util.CertificateUtil;

/**
 * The client's application instance certificate and key, made on first use and kept in
 * {@code <pki>/own/client.p12} (its random password beside it, readable by the owner only).
 *
 * <p>Made as Milo's examples do (a self-signed RSA 2048 / SHA-256 certificate whose subject alternative
 * name carries the application URI a server checks against the session's), but signed through the JDK's
 * own providers: Milo's {@code SelfSignedCertificateGenerator} asks for Bouncy Castle's JCE provider, which
 * loads its algorithms by class name and so would need all of Bouncy Castle embedded.
 *
 * @param keyPair        its key pair
 * @param certificate    its certificate
 * @param applicationUri the application URI in the certificate, which the client must announce
 */
record ClientIdentity(KeyPair keyPair, X509Certificate certificate, String applicationUri) {
    private static final String ALIAS = "gantry-opcua-client";
    private static final Duration VALIDITY = Duration.ofDays(3650);

    /**
     * @param ownDir the folder of the client's own certificate
     * @return the identity kept there, made and kept first when there is none
     * @throws IOException when it cannot be read or written
     */
    static ClientIdentity loadOrCreate(Path ownDir) throws IOException {
        Path store = ownDir.resolve("client.p12");
        Path passwordFile = ownDir.resolve("client.p12.password");
        try {
            if (Files.isRegularFile(store) && Files.isRegularFile(passwordFile)) {
                return load(
                        store,
                        Files.readString(passwordFile, StandardCharsets.UTF_8).trim());
            }
            Files.createDirectories(ownDir);
            String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
            ClientIdentity identity = create();
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(null, null);
            keyStore.setKeyEntry(ALIAS, identity.keyPair.getPrivate(), password.toCharArray(), new Certificate[] {
                identity.certificate
            });
            // written aside and moved in, so a crash never leaves half a key store behind
            Path temporary = Files.createTempFile(ownDir, "client", ".tmp");
            try (OutputStream out = Files.newOutputStream(temporary)) {
                keyStore.store(out, password.toCharArray());
            }
            writeOwnerOnly(passwordFile, password);
            ownerOnly(temporary);
            Files.move(temporary, store, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return identity;
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IOException("cannot make or read the OPC UA client certificate in " + store + ": " + e, e);
        }
    }

    private static ClientIdentity load(Path store, String password) throws IOException, GeneralSecurityException {
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keyStore.load(in, password.toCharArray());
        }
        PrivateKey key = (PrivateKey) keyStore.getKey(ALIAS, password.toCharArray());
        X509Certificate certificate = (X509Certificate) keyStore.getCertificate(ALIAS);
        if (key == null || certificate == null) {
            throw new IOException(store + " holds no entry '" + ALIAS + "'");
        }
        return new ClientIdentity(
                new KeyPair(certificate.getPublicKey(), key),
                certificate,
                CertificateUtil.getSanUri(certificate)
                        .orElseThrow(() -> new IOException(
                                store + ": the certificate has no application URI (subject alternative name)")));
    }

    private static ClientIdentity create() throws GeneralSecurityException, OperatorCreationException, IOException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keyPair = generator.generateKeyPair();
        // unique per installation, as OPC UA wants an application instance's URI to be
        String applicationUri = "urn:io.gantry:opcua-client:" + UUID.randomUUID();
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.CN, "Gantry OPC UA client")
                .addRDN(BCStyle.O, "Gantry")
                .build();
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                subject,
                BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(Duration.ofDays(1))), // a server whose clock is a little behind accepts it
                Date.from(now.plus(VALIDITY)),
                subject,
                keyPair.getPublic());
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        builder.addExtension(
                Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(keyPair.getPublic()));
        builder.addExtension(
                Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(keyPair.getPublic()));
        builder.addExtension(Extension.basicConstraints, false, new BasicConstraints(false));
        builder.addExtension(
                Extension.keyUsage,
                false,
                new KeyUsage(KeyUsage.digitalSignature
                        | KeyUsage.nonRepudiation
                        | KeyUsage.keyEncipherment
                        | KeyUsage.dataEncipherment
                        | KeyUsage.keyCertSign));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(new KeyPurposeId[] {
            KeyPurposeId.id_kp_clientAuth, KeyPurposeId.id_kp_serverAuth
        }));
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
            new GeneralName(GeneralName.uniformResourceIdentifier, applicationUri),
            new GeneralName(GeneralName.dNSName, "localhost")
        }));
        X509Certificate certificate = new JcaX509CertificateConverter()
                .getCertificate(
                        builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keyPair.getPrivate())));
        return new ClientIdentity(keyPair, certificate, applicationUri);
    }

    private static void writeOwnerOnly(Path file, String text) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file);
        ownerOnly(file);
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows): the folder's own permissions apply
        }
    }
}
