package io.gantry.engine.core.internal.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Jars signed with the JDK's own keytool and jarsigner, checked against a trust store. */
class JarSignaturesTest {
    private static final String PASSWORD = "changeit";

    @TempDir
    static Path folder;

    private static Path trustStore;
    private static Path vendorKeys;
    private static Path strangerKeys;

    @BeforeAll
    static void keys() throws IOException {
        vendorKeys = keyPair("vendor", "CN=ACME Conveyors");
        strangerKeys = keyPair("stranger", "CN=Someone Else");
        Path certificate = folder.resolve("vendor.cer");
        tool(
                "keytool",
                "-exportcert",
                "-alias",
                "vendor",
                "-keystore",
                vendorKeys.toString(),
                "-storepass",
                PASSWORD,
                "-file",
                certificate.toString());
        trustStore = folder.resolve("trusted.p12");
        tool(
                "keytool",
                "-importcert",
                "-noprompt",
                "-alias",
                "acme",
                "-file",
                certificate.toString(),
                "-keystore",
                trustStore.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                PASSWORD);
    }

    @Test
    void aJarSignedByATrustedVendorPasses() throws Exception {
        assertThat(check(signed("ok.jar", vendorKeys, "vendor"))).isNull();
    }

    @Test
    void anUnsignedJarIsRefused() throws Exception {
        assertThat(check(BundleJarTest.jar("io.example.driver"))).isEqualTo("it is not signed");
    }

    @Test
    void aJarSignedByAKeyOutsideTheTrustStoreIsRefusedNamingTheSigner() throws Exception {
        assertThat(check(signed("stranger.jar", strangerKeys, "stranger")))
                .isEqualTo("it is signed by CN=Someone Else, which is not in the trust store");
    }

    @Test
    void anEntryChangedAfterSigningIsRefused() throws Exception {
        byte[] tampered = rewrite(
                signed("tampered.jar", vendorKeys, "vendor"), "io/example/Driver.class", new byte[] {1, 2, 3}, false);
        assertThat(check(tampered)).startsWith("its signature does not match its content");
    }

    @Test
    void anEntryAddedAfterSigningIsRefused() throws Exception {
        byte[] extended = rewrite(
                signed("extended.jar", vendorKeys, "vendor"), "io/example/Backdoor.class", new byte[] {4}, true);
        assertThat(check(extended)).isEqualTo("its entry io/example/Backdoor.class is not signed");
    }

    @Test
    void aTrustStoreThatCannotBeReadRefusesEveryJar() throws Exception {
        SignaturePolicy policy =
                SignaturePolicy.of(folder.resolve("missing.p12").toString(), PASSWORD);
        assertThat(policy.problem(signed("any.jar", vendorKeys, "vendor"))).contains("cannot be used");
        assertThat(SignaturePolicy.of(null, null).problem(BundleJarTest.jar("io.example.driver")))
                .isNull();
    }

    private static String check(byte[] jar) {
        return SignaturePolicy.of(trustStore.toString(), PASSWORD).problem(jar);
    }

    private static byte[] signed(String name, Path keys, String alias) throws IOException {
        Path jar = Files.write(folder.resolve(name), BundleJarTest.jar("io.example.driver"));
        tool("jarsigner", "-keystore", keys.toString(), "-storepass", PASSWORD, jar.toString(), alias);
        return Files.readAllBytes(jar);
    }

    /** Copies a jar entry by entry, replacing (or adding) one entry and keeping the signature files as they were. */
    private static byte[] rewrite(byte[] jar, String entryName, byte[] content, boolean add) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar));
                ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(!add && entry.getName().equals(entryName) ? content : in.readAllBytes());
                out.closeEntry();
            }
            if (add) {
                out.putNextEntry(new ZipEntry(entryName));
                out.write(content);
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static Path keyPair(String alias, String subject) throws IOException {
        Path store = folder.resolve(alias + ".p12");
        tool(
                "keytool",
                "-genkeypair",
                "-alias",
                alias,
                "-dname",
                subject,
                "-keyalg",
                "EC",
                "-validity",
                "2",
                "-keystore",
                store.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                PASSWORD);
        return store;
    }

    /** Runs a tool of the JDK running the test, as a vendor runs it. */
    private static void tool(String name, String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", name).toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            assertThat(process.waitFor()).as(name + ": " + output).isZero();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
