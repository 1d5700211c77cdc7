package io.gantry.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gantry.itests.fixture.VendorPlugin;
import io.gantry.itests.support.Await;
import io.gantry.itests.support.DistributionProcess;
import io.gantry.itests.support.EventStreamClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;

/**
 * What deploy/ holds at start decides what runs, and a broken or half-finished state never leaves a
 * plugin without service: the real launcher, stopped, changed and restarted — and killed in the
 * middle of an update. The vendor's driver is built outside Gantry's build.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class PluginRestartIT {
    private static final Path HOME = Path.of("target/itest-restart/gantry").toAbsolutePath();
    private static final Path FIXTURES =
            Path.of("target/itest-restart/fixtures").toAbsolutePath();
    private static final Duration STARTED = Duration.ofSeconds(60);
    private static final Duration DEPLOYED = Duration.ofSeconds(20);
    private static final String JAR = "acme-belt.jar";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static DistributionProcess gantry;

    @BeforeClass
    public static void startWithTheVendorsDriver() throws IOException {
        VendorPlugin.build(FIXTURES, "1.0.0", null);
        VendorPlugin.build(FIXTURES, "2.0.0", "cannot open the belt controller port");
        VendorPlugin.build(FIXTURES, "3.0.0", null, 3_000);
        gantry = DistributionProcess.copyTo(HOME);
        gantry.deploy(FIXTURES.resolve(VendorPlugin.NAME + "-1.0.0.jar"), JAR);
        gantry.start(Map.of()).awaitHealthy(STARTED);
        Await.until(
                "the vendor's driver",
                DEPLOYED,
                () -> gantry.http().get("/api/device-types").body().contains("acme-belt"));
        assertEquals(
                201,
                gantry.http()
                        .post(
                                "/api/devices",
                                "{\"id\":\"belt-1\",\"type\":\"acme-belt\",\"name\":\"Infeed\",\"config\":{\"connectMs\":100}}")
                        .statusCode());
        assertEquals(200, gantry.http().post("/api/devices/belt-1/connect", "").statusCode());
    }

    @AfterClass
    public static void stop() {
        if (gantry != null) {
            gantry.close();
        }
    }

    @Test
    public void a_aBrokenVersionDroppedWhileStoppedLeavesTheLastGoodOneServingWithItsErrorAndAnEvent()
            throws Exception {
        restart(() -> gantry.deploy(FIXTURES.resolve(VendorPlugin.NAME + "-2.0.0-failing.jar"), JAR));

        JsonNode belt = awaitPlugin(p -> p.path("version").asText().equals("1.0.0")
                && p.path("state").asText().equals("ACTIVE")
                && p.has("lastError"));
        String error = belt.path("lastError").asText();
        assertTrue(
                error,
                error.contains(
                        "version 2.0.0 component com.acme.belt.BeltDriver failed: cannot open the belt controller port"));
        assertTrue(error, error.contains("version 1.0.0 is back in service"));
        awaitDevice("CONNECTED");
        try (EventStreamClient stream = EventStreamClient.connect(gantry.port(), "since=0", gantry.adminToken())) {
            Await.until(
                    "the rollback in the stream",
                    DEPLOYED,
                    () -> stream.messages().stream()
                            .anyMatch(m -> m.contains("gantry/plugin/ROLLED_BACK")
                                    && m.contains("\"failedVersion\":\"2.0.0\"")));
        }
    }

    @Test
    public void b_aKillInTheMiddleOfAnUpdateLeavesTheOldOrTheNewVersionServingAfterARestart() throws Exception {
        int deployedBefore = startsDeployed();
        gantry.deploy(FIXTURES.resolve(VendorPlugin.NAME + "-3.0.0-slow.jar"), JAR);
        // the old version stopped, the new one is still opening its controller: pull the plug now
        awaitDevice("UNAVAILABLE");
        gantry.kill();
        gantry.start(Map.of()).awaitHealthy(STARTED);

        JsonNode belt = awaitPlugin(p -> p.path("state").asText().equals("ACTIVE"));
        assertTrue(
                belt.toString(),
                List.of("1.0.0", "3.0.0").contains(belt.path("version").asText()));
        awaitDevice("CONNECTED");
        // the other plugins' copies are written while the start goes on: look once it is done
        Await.until("deploy/ deployed at start", DEPLOYED, () -> startsDeployed() == deployedBefore + 1);
        assertLastGoodCopiesAreWhole();
    }

    @Test
    public void c_aJarCutShortWhileStoppedLeavesTheLastGoodVersionServing() throws Exception {
        Await.until("3.0.0 kept as the last good", DEPLOYED, () -> "3.0.0".equals(servingVersion()));
        restart(() -> {
            Path jar = gantry.home().resolve("deploy").resolve(JAR);
            byte[] whole = Files.readAllBytes(jar);
            Files.write(jar, Arrays.copyOf(whole, whole.length / 2));
        });

        JsonNode belt = awaitPlugin(p -> p.path("state").asText().equals("ACTIVE") && p.has("lastError"));
        assertEquals("3.0.0", belt.path("version").asText());
        assertTrue(
                belt.toString(),
                belt.path("lastError")
                        .asText()
                        .contains("deploy/" + JAR + " is not usable: it cannot be read as a jar"));
        assertTrue(
                belt.toString(), belt.path("lastError").asText().contains("version 3.0.0 (the last good copy) serves"));
        assertTrue(gantry.http().get("/api/plugins/rejected").body().contains(JAR));
        awaitDevice("CONNECTED");
    }

    @Test
    public void d_aJarRemovedWhileStoppedIsNotStartedAndItsLastGoodCopyIsGone() throws Exception {
        restart(() -> Files.delete(gantry.home().resolve("deploy").resolve(JAR)));

        Await.until(
                "the core plugins",
                DEPLOYED,
                () -> gantry.http().get("/api/functions").body().contains("core.add"));
        assertNull(plugin());
        awaitDevice("UNAVAILABLE");
        assertFalse(Files.exists(gantry.home().resolve("data/plugins").resolve(JAR)));
    }

    private interface Change {
        void apply() throws IOException;
    }

    private static void restart(Change whileStopped) throws IOException {
        assertEquals(0, gantry.stop(Duration.ofSeconds(30)));
        whileStopped.apply();
        gantry.start(Map.of()).awaitHealthy(STARTED);
    }

    private static String servingVersion() {
        JsonNode belt = plugin();
        return belt == null ? null : belt.path("version").asText();
    }

    private static JsonNode plugin() {
        try {
            for (JsonNode plugin :
                    JSON.readTree(gantry.http().get("/api/plugins").body())) {
                if (plugin.path("symbolicName").asText().equals(VendorPlugin.NAME)) {
                    return plugin;
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode awaitPlugin(Predicate<JsonNode> condition) {
        Await.until("the vendor's plugin as expected", DEPLOYED, () -> {
            JsonNode belt = plugin();
            return belt != null && condition.test(belt);
        });
        return plugin();
    }

    private static void awaitDevice(String status) {
        Await.until(
                "belt-1 " + status,
                DEPLOYED,
                () -> gantry.http().get("/api/devices/belt-1").body().contains("\"status\":\"" + status + "\""));
    }

    /** @return how many starts have finished deploying deploy/, by the log */
    private static int startsDeployed() {
        return gantry.logFile().split("deploy/ deployed at start", -1).length - 1;
    }

    /** Every kept copy opens as a jar; nothing half-written is left next to them. */
    private static void assertLastGoodCopiesAreWhole() throws IOException {
        try (Stream<Path> files = Files.list(gantry.home().resolve("data/plugins"))) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                assertFalse("left half-written: " + name, name.endsWith(".tmp"));
                if (name.endsWith(".jar")) {
                    try (JarFile jar = new JarFile(file.toFile())) {
                        assertTrue(name, jar.getManifest().getMainAttributes().getValue("Bundle-SymbolicName") != null);
                    }
                }
            }
        }
    }
}
