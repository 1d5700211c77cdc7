package io.gantry.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gantry.itests.support.DistributionProcess;
import io.gantry.itests.support.GantryContainer;
import io.gantry.itests.support.Http;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The controller as a user first starts it: the admin token in a file only its owner can read, who
 * did what in the audit trail and on the executions, and every line of it still there after a kill -9
 * straight after the answers.
 */
public class AuditIT {
    private static final Path WORK = Path.of("target/itest-audit").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration STARTED = Duration.ofSeconds(60);
    private static final String PIPELINE = """
            {"id":"audited","name":"audited","nodes":[{"id":"a","function":"core.constant","params":{"value":1}}],"edges":[]}""";
    private static DistributionProcess gantry;

    @BeforeClass
    public static void start() {
        GantryContainer.deleteRecursively(WORK);
        gantry = DistributionProcess.copyTo(WORK.resolve("gantry"));
        gantry.start(Map.of()).awaitHealthy(STARTED);
    }

    @AfterClass
    public static void stop() {
        if (gantry != null) {
            gantry.close();
        }
    }

    @Test
    public void theFirstStartLeavesAnAdminTokenOnlyItsOwnerCanReadAndNeverLogsIt() throws Exception {
        Path file = gantry.home().resolve("data/initial-admin.token");
        String token = gantry.adminToken();
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertTrue(token.startsWith("gnt_"));
        assertTrue(gantry.console(), gantry.console().contains(file.toString()));
        assertTrue(
                "the token is in no log",
                !gantry.console().contains(token) && !gantry.logFile().contains(token));
    }

    @Test
    public void whoDidWhatSurvivesAKillRightAfterTheAnswers() throws Exception {
        Http admin = gantry.http();
        assertEquals(201, admin.post("/api/pipelines", PIPELINE).statusCode());
        HttpResponse<String> run = admin.post("/api/pipelines/audited/executions?wait=true", "{}");
        assertEquals(run.body(), 200, run.statusCode());
        String executionId = JSON.readTree(run.body()).path("id").asText();
        String startedBy = JSON.readTree(run.body()).path("startedBy").asText();
        assertTrue(startedBy, startedBy.startsWith("admin/tok_"));
        String viewer = JSON.readTree(admin.post("/api/tokens", "{\"name\":\"audit-viewer\",\"role\":\"viewer\"}")
                        .body())
                .path("token")
                .asText();
        assertEquals(
                403,
                admin.withToken(viewer)
                        .send("DELETE", "/api/pipelines/audited", null)
                        .statusCode());

        gantry.kill();
        gantry.start(Map.of()).awaitHealthy(STARTED);

        JsonNode trail = JSON.readTree(
                gantry.http().get("/api/audit?who=admin&limit=1000").body());
        assertTrue(trail.toString(), contains(trail, "POST /api/pipelines", "ok", 201, ""));
        assertTrue(trail.toString(), contains(trail, "POST /api/pipelines/{id}/executions", "ok", 200, ""));
        assertTrue(
                trail.toString(),
                contains(trail, "DELETE /api/pipelines/{id}", "denied", 403, "needs the role engineer"));
        JsonNode stored = JSON.readTree(
                gantry.http().get("/api/executions/" + executionId).body());
        assertEquals(startedBy, stored.path("startedBy").asText());
        for (JsonNode entry : trail) {
            assertEquals("127.0.0.1", entry.path("source").asText());
        }
    }

    @Test
    public void theHmiIsServedWithAPolicyThatAllowsOnlyItsOwnScripts() {
        HttpResponse<String> page = Http.anonymous(gantry.port()).get("/");
        assertEquals(200, page.statusCode());
        String policy = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(policy, policy.contains("script-src 'self';") && policy.contains("frame-ancestors 'none'"));
        assertTrue(
                "one policy, without unsafe-inline: " + page.headers().allValues("Content-Security-Policy"),
                page.headers().allValues("Content-Security-Policy").size() == 1 && !policy.contains("unsafe"));
        assertEquals(
                "nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""));
    }

    private static boolean contains(JsonNode trail, String action, String outcome, int status, String detail) {
        for (JsonNode entry : trail) {
            if (entry.path("action").asText().equals(action)
                    && entry.path("outcome").asText().equals(outcome)
                    && entry.path("status").asInt() == status
                    && entry.path("detail").asText().contains(detail)) {
                return true;
            }
        }
        return false;
    }
}
