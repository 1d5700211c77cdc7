package io.gantry.rest.bundle.internal.server.tls;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The certificate served when TLS is on and the operator brought none: an EC P-256 key and a
 * self-signed certificate for {@code localhost}, {@code 127.0.0.1} and the configured host, made once
 * in {@code <gantry.data>/tls/self-signed.p12} with a random password beside it in
 * {@code self-signed.password} (both readable by the owner only), and reused at every later start.
 *
 * <p>It is made by the JDK's {@code keytool}, run as a process: the JDK has no public API to create a
 * certificate (only the internal {@code sun.security.x509}, closed to bundles), and Bouncy Castle would
 * add an 8 MB bundle for this one step.
 */
final class SelfSignedCertificate {
    static final String KEYSTORE = "self-signed.p12";
    static final String PASSWORD = "self-signed.password";

    private static final Logger LOG = LoggerFactory.getLogger(SelfSignedCertificate.class);
    /** keytool takes under a second here; a box short of entropy may take longer, never this long */
    private static final Duration KEYTOOL_TIMEOUT = Duration.ofSeconds(60);

    private static final int VALIDITY_DAYS = 3650;
    private static final String PASSWORD_VARIABLE = "GANTRY_SELF_SIGNED_PASSWORD";
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");

    private SelfSignedCertificate() {}

    /**
     * @param folder where the certificate is kept
     * @param host   the configured bind address or name, added to the certificate's names unless it is
     *               a wildcard
     * @return the certificate of an earlier start, or a new one when there is none or it has expired
     * @throws IllegalStateException with a one-line reason when there is none and none can be made, or
     *                               the kept one cannot be read
     */
    static TlsKeystore obtain(Path folder, String host) {
        Path keystore = folder.resolve(KEYSTORE);
        Path passwordFile = folder.resolve(PASSWORD);
        if (Files.exists(keystore)) {
            TlsKeystore kept = readKept(keystore, passwordFile);
            try {
                kept.certificate().checkValidity();
                return kept;
            } catch (CertificateExpiredException | CertificateNotYetValidException e) {
                LOG.info(
                        "the self-signed certificate in {} is not valid now ({}); making a new one",
                        keystore,
                        e.getMessage());
            }
        }
        return make(folder, host);
    }

    private static TlsKeystore readKept(Path keystore, Path passwordFile) {
        try {
            return TlsKeystore.read(keystore, Files.readString(passwordFile).strip());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("the self-signed certificate " + keystore + " cannot be read (" + e
                    + "); delete it and " + passwordFile.getFileName() + " to have a new one made");
        }
    }

    private static TlsKeystore make(Path folder, String host) {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        if (!Files.isExecutable(keytool)) {
            throw new IllegalStateException("making a self-signed certificate needs the JDK's keytool, which is not at "
                    + keytool + " (a runtime without the JDK's tools?)");
        }
        Path keystore = folder.resolve(KEYSTORE);
        Path passwordFile = folder.resolve(PASSWORD);
        Path unfinished = folder.resolve(KEYSTORE + ".tmp");
        String names = subjectAlternativeNames(host);
        try {
            createPrivateFolder(folder);
            Files.deleteIfExists(unfinished);
            Files.deleteIfExists(keystore);
            Files.deleteIfExists(passwordFile);
            String password = randomPassword();
            // the password file first: a keystore that exists always has its password beside it
            Files.writeString(Files.createFile(passwordFile, ownerOnly()), password + "\n", StandardCharsets.UTF_8);
            runKeytool(keytool, unfinished, password, names);
            restrict(unfinished);
            Files.move(unfinished, keystore, StandardCopyOption.ATOMIC_MOVE);
            TlsKeystore made = TlsKeystore.read(keystore, password);
            LOG.info(
                    "made a self-signed TLS certificate (EC P-256, {} days, for {}) in {}, its password in {};"
                            + " SHA-256 fingerprint {}",
                    VALIDITY_DAYS,
                    names,
                    keystore,
                    passwordFile,
                    made.fingerprint());
            return made;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(
                    "cannot make a self-signed certificate in " + folder + ": " + e.getMessage());
        }
    }

    private static void runKeytool(Path keytool, Path target, String password, String names) throws IOException {
        List<String> command = new ArrayList<>(List.of(keytool.toString(), "-genkeypair"));
        command.addAll(List.of("-alias", "gantry", "-keyalg", "EC", "-groupname", "secp256r1"));
        command.addAll(List.of("-sigalg", "SHA256withECDSA", "-validity", String.valueOf(VALIDITY_DAYS)));
        command.addAll(List.of("-dname", "CN=Gantry controller, OU=self-signed"));
        command.addAll(List.of("-ext", "san=" + names, "-ext", "ku:c=digitalSignature", "-ext", "eku=serverAuth"));
        // the password through the environment, not the command line that every user can read in ps
        command.addAll(List.of("-keystore", target.toString(), "-storetype", "PKCS12"));
        command.addAll(List.of("-storepass:env", PASSWORD_VARIABLE));
        Path output = Files.createTempFile(target.getParent(), "keytool", ".out");
        try {
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().put(PASSWORD_VARIABLE, password);
            Process process = builder.start();
            process.getOutputStream().close(); // nothing to answer: it must not wait for input
            if (!process.waitFor(KEYTOOL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("keytool did not finish within " + KEYTOOL_TIMEOUT.toSeconds() + " s");
            }
            if (process.exitValue() != 0) {
                throw new IOException("keytool failed with exit code " + process.exitValue() + ": "
                        + Files.readString(output).strip().replace('\n', ' '));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while keytool ran", e);
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /**
     * @param host the configured bind address or name
     * @return keytool's {@code san=} value: {@code dns:localhost,ip:127.0.0.1} and the host as
     *     {@code ip:} or {@code dns:} unless it is empty or a wildcard address
     */
    static String subjectAlternativeNames(String host) {
        Set<String> names = new LinkedHashSet<>(List.of("dns:localhost", "ip:127.0.0.1"));
        String bare = host.strip().toLowerCase(Locale.ROOT);
        if (bare.startsWith("[") && bare.endsWith("]")) {
            bare = bare.substring(1, bare.length() - 1);
        }
        if (IPV4.matcher(bare).matches() || bare.contains(":")) {
            if (!isWildcard(bare)) {
                names.add("ip:" + bare);
            }
        } else if (!bare.isEmpty()) {
            names.add("dns:" + bare);
        }
        return String.join(",", names);
    }

    private static boolean isWildcard(String literal) {
        try {
            return InetAddress.getByName(literal).isAnyLocalAddress(); // a literal: no name lookup
        } catch (UnknownHostException e) {
            return true; // not an address keytool could take either
        }
    }

    private static String randomPassword() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static void createPrivateFolder(Path folder) throws IOException {
        if (posix()) {
            Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
            // keytool writes the key with the process's umask: only the owner may look into the folder
            Files.setPosixFilePermissions(folder, OWNER_ONLY_DIR);
        } else {
            Files.createDirectories(folder);
        }
    }

    private static FileAttribute<?>[] ownerOnly() {
        return posix()
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
    }

    private static void restrict(Path file) throws IOException {
        if (posix()) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
