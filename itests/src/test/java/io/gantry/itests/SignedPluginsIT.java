package io.gantry.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gantry.itests.fixture.VendorPlugin;
import io.gantry.itests.support.Await;
import io.gantry.itests.support.DistributionProcess;
import io.gantry.itests.support.GantryContainer;
import io.gantry.itests.support.JdkTools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;

/**
 * With a trust store set in conf/gantry.properties, only plugins signed by a trusted certificate go
 * live: the vendor's jar signed with the JDK's jarsigner, by a trusted key and by a stranger's, and
 * unsigned, dropped into the real launcher's deploy/.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class SignedPluginsIT {
    private static final Path WORK = Path.of("target/itest-signed").toAbsolutePath();
    private static final Duration DEPLOYED = Duration.ofSeconds(20);
    private static final String PASSWORD = "changeit";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static DistributionProcess gantry;
    private static Path unsigned;

    @BeforeClass
    public static void startRequiringSignatures() throws IOException {
        GantryContainer.deleteRecursively(WORK);
        unsigned = VendorPlugin.build(WORK.resolve("fixtures"), "1.0.0", null);
        keyPair("vendor", "CN=ACME Conveyors");
        keyPair("stranger", "CN=Someone Else");
        JdkTools.run(
                "keytool",
                "-exportcert",
                "-alias",
                "vendor",
                "-keystore",
                WORK.resolve("vendor.p12").toString(),
                "-storepass",
                PASSWORD,
                "-file",
                WORK.resolve("vendor.cer").toString());
        JdkTools.run(
                "keytool",
                "-importcert",
                "-noprompt",
                "-alias",
                "acme",
                "-file",
                WORK.resolve("vendor.cer").toString(),
                "-keystore",
                WORK.resolve("trusted.p12").toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                PASSWORD);

        gantry = DistributionProcess.copyTo(WORK.resolve("gantry"));
        try (Stream<Path> shipped = Files.list(gantry.home().resolve("deploy"))) {
            for (Path jar : shipped.filter(f -> f.toString().endsWith(".jar")).toList()) {
                Files.delete(jar); // the shipped plugins are not signed by ACME
            }
        }
        Files.writeString(
                gantry.home().resolve("conf/gantry.properties"),
                "\ngantry.plugins.truststore=" + WORK.resolve("trusted.p12") + "\ngantry.plugins.truststore.password="
                        + PASSWORD + "\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        gantry.start(Map.of()).awaitHealthy(Duration.ofSeconds(60));
    }

    @AfterClass
    public static void stop() {
        if (gantry != null) {
            gantry.close();
        }
    }

    @Test
    public void a_anUnsignedPluginIsRefusedWithAClearError() {
        gantry.deploy(unsigned, "acme-belt.jar");
        JsonNode belt = awaitPlugin(p -> p.path("state").asText().equals("REFUSED"));
        assertEquals(
                "version 1.0.0 refused: it is not signed",
                belt.path("lastError").asText());
        assertTrue(gantry.http().get("/api/plugins/rejected").body().contains("it is not signed"));
    }

    @Test
    public void b_aPluginSignedByAStrangerIsRefusedNamingTheSigner() throws IOException {
        gantry.deploy(signed("stranger"), "acme-belt.jar");
        JsonNode belt = awaitPlugin(p -> p.path("lastError").asText().contains("Someone Else"));
        assertTrue(
                belt.toString(),
                belt.path("lastError").asText().contains("signed by CN=Someone Else, which is not in the trust store"));
    }

    @Test
    public void c_aPluginSignedByTheTrustedVendorGoesLive() throws IOException {
        gantry.deploy(signed("vendor"), "acme-belt.jar");
        JsonNode belt = awaitPlugin(p ->
                p.path("state").asText().equals("ACTIVE") && p.path("functions").size() > 0);
        assertTrue(belt.toString(), belt.path("lastError").isMissingNode());
        assertTrue(gantry.http().get("/api/device-types").body().contains("acme-belt"));
    }

    @Test
    public void d_anUpdateTamperedWithAfterSigningIsRefusedAndTheSignedVersionKeepsServing() throws IOException {
        Path tampered = WORK.resolve("tampered.jar");
        Files.copy(signed("vendor"), tampered, StandardCopyOption.REPLACE_EXISTING);
        try (var zip = FileSystems.newFileSystem(tampered)) {
            Files.writeString(
                    zip.getPath("OSGI-INF/com.acme.belt.BeltRun.xml"),
                    "<!-- changed after signing -->",
                    StandardOpenOption.APPEND);
        }
        gantry.deploy(tampered, "acme-belt.jar");
        JsonNode belt = awaitPlugin(p -> p.path("lastError").asText().contains("signature does not match"));
        assertEquals("ACTIVE", belt.path("state").asText());
        assertTrue(belt.toString(), belt.path("lastError").asText().contains("version 1.0.0 keeps serving"));
    }

    private static Path signed(String signer) throws IOException {
        Path jar =
                Files.copy(unsigned, WORK.resolve("signed-by-" + signer + ".jar"), StandardCopyOption.REPLACE_EXISTING);
        JdkTools.run(
                "jarsigner",
                "-keystore",
                WORK.resolve(signer + ".p12").toString(),
                "-storepass",
                PASSWORD,
                jar.toString(),
                signer);
        return jar;
    }

    private static void keyPair(String alias, String subject) throws IOException {
        JdkTools.keyPair(WORK.resolve(alias + ".p12"), alias, subject, PASSWORD);
    }

    private static JsonNode awaitPlugin(Predicate<JsonNode> condition) {
        JsonNode[] found = new JsonNode[1];
        Await.until("the vendor's plugin as expected", DEPLOYED, () -> {
            try {
                for (JsonNode plugin :
                        JSON.readTree(gantry.http().get("/api/plugins").body())) {
                    if (plugin.path("symbolicName").asText().equals(VendorPlugin.NAME) && condition.test(plugin)) {
                        found[0] = plugin;
                        return true;
                    }
                }
                return false;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return found[0];
    }
}
