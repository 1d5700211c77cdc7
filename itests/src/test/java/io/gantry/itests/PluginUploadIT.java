package io.gantry.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gantry.itests.fixture.VendorPlugin;
import io.gantry.itests.support.Await;
import io.gantry.itests.support.DistributionProcess;
import io.gantry.itests.support.GantryContainer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;

/**
 * Plugins uploaded over real HTTP go through deploy/ as a dropped file does and the answer is the
 * outcome: installed, updated, a broken version rolled back, a file that is no plugin refused with
 * nothing written, a body over the limit refused, a plugin removed.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class PluginUploadIT {
    private static final Path WORK = Path.of("target/itest-upload").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_PLUGIN_BYTES = 200_000;
    private static DistributionProcess gantry;

    @BeforeClass
    public static void start() throws IOException {
        GantryContainer.deleteRecursively(WORK);
        VendorPlugin.build(WORK.resolve("fixtures"), "1.0.0", null);
        VendorPlugin.build(WORK.resolve("fixtures"), "1.1.0", null);
        VendorPlugin.build(WORK.resolve("fixtures"), "2.0.0", "cannot open the belt controller port");
        gantry = DistributionProcess.copyTo(WORK.resolve("gantry"));
        Files.writeString(
                gantry.home().resolve("deploy/io.gantry.rest.bundle.internal.resources.filter.RequestBodyLimit.cfg"),
                "maxPluginBytes=" + MAX_PLUGIN_BYTES + "\n");
        gantry.start(Map.of()).awaitHealthy(Duration.ofSeconds(60));
        // the limit comes from a configuration file in deploy/, applied once FileInstall has read it
        Await.until(
                "maxPluginBytes from deploy/ applied",
                Duration.ofSeconds(30),
                () -> gantry.http()
                                .postJar("/api/plugins", new byte[MAX_PLUGIN_BYTES + 1])
                                .statusCode()
                        == 413);
    }

    @AfterClass
    public static void stop() {
        if (gantry != null) {
            gantry.close();
        }
    }

    @Test
    public void a_aNewPluginIsInstalledThroughDeployAndAnswered201() throws IOException {
        HttpResponse<String> answer = gantry.http().postJar("/api/plugins", jar("1.0.0"));
        assertEquals(answer.body(), 201, answer.statusCode());
        JsonNode plugin = JSON.readTree(answer.body());
        assertEquals(VendorPlugin.NAME, plugin.path("symbolicName").asText());
        assertEquals("ACTIVE", plugin.path("state").asText());
        assertEquals(
                List.of("belt.run"), List.of(plugin.path("functions").get(0).asText()));
        assertTrue(
                "the jar landed in deploy/",
                Files.exists(gantry.home().resolve("deploy/" + VendorPlugin.NAME + ".jar")));
    }

    @Test
    public void b_aNewerVersionUpdatesTheSamePluginAndAnswers200() throws IOException {
        HttpResponse<String> answer = gantry.http().postJar("/api/plugins", jar("1.1.0"));
        assertEquals(answer.body(), 200, answer.statusCode());
        assertEquals("1.1.0", JSON.readTree(answer.body()).path("version").asText());
    }

    @Test
    public void c_aVersionThatFailsIsRolledBackAndAnswered422WithTheReason() throws IOException {
        HttpResponse<String> answer = gantry.http().postJar("/api/plugins", jar("2.0.0-failing"));
        assertEquals(answer.body(), 422, answer.statusCode());
        JsonNode problem = JSON.readTree(answer.body());
        assertEquals("urn:gantry:problem:plugin-refused", problem.path("type").asText());
        assertTrue(
                problem.toString(), problem.path("detail").asText().contains("cannot open the belt controller port"));
        assertTrue(problem.toString(), problem.path("detail").asText().contains("version 1.1.0 is back in service"));
        assertTrue(gantry.http().get("/api/functions").body().contains("\"pluginVersion\":\"1.1.0\""));
    }

    @Test
    public void d_aFileThatIsNoPluginIsRefusedAndNothingIsWritten() throws IOException {
        List<String> before = deployFolder();
        HttpResponse<String> answer = gantry.http().postJar("/api/plugins", "not a jar".getBytes());
        assertEquals(answer.body(), 422, answer.statusCode());
        assertTrue(answer.body(), answer.body().contains("it cannot be read as a jar"));
        assertEquals(before, deployFolder());
    }

    @Test
    public void e_aJarOverTheLimitIsRefusedWith413() {
        HttpResponse<String> answer = gantry.http().postJar("/api/plugins", new byte[MAX_PLUGIN_BYTES + 1]);
        assertEquals(answer.body(), 413, answer.statusCode());
        assertTrue(answer.body(), answer.body().contains("payload-too-large"));
    }

    @Test
    public void f_aPluginIsRemovedByNameAndAnUnknownNameIs404() throws IOException {
        assertEquals(
                204,
                gantry.http()
                        .send("DELETE", "/api/plugins/" + VendorPlugin.NAME, null)
                        .statusCode());
        assertFalse(gantry.http().get("/api/functions").body().contains("belt.run"));
        assertFalse(Files.exists(gantry.home().resolve("deploy/" + VendorPlugin.NAME + ".jar")));
        HttpResponse<String> unknown = gantry.http().send("DELETE", "/api/plugins/" + VendorPlugin.NAME, null);
        assertEquals(unknown.body(), 404, unknown.statusCode());
    }

    private static byte[] jar(String version) throws IOException {
        return Files.readAllBytes(WORK.resolve("fixtures").resolve(VendorPlugin.NAME + "-" + version + ".jar"));
    }

    private static List<String> deployFolder() throws IOException {
        try (Stream<Path> files = Files.list(gantry.home().resolve("deploy"))) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
