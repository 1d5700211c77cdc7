package io.gantry.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gantry.itests.support.Await;
import io.gantry.itests.support.EventRecorder;
import io.gantry.itests.support.GantryContainer;
import io.gantry.itests.support.Http;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

/**
 * The shipped example ({@code examples/pick-and-place}) exactly as a user loads it: its devices and
 * pipelines are the files in the repository. The test plays the field — it puts parts on the scale
 * and the part-present sensor over REST, one after the cycle that took the last one ended — and
 * follows the cell through good parts, a rejected part and a part that never comes (the alarm branch).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PickAndPlaceIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EXAMPLE = Path.of("../examples/pick-and-place");

    @Inject
    private BundleContext context;

    private Http http;
    private EventRecorder recorder;

    @Configuration
    public Option[] config() {
        return GantryContainer.options(
                GantryContainer.withShippedPlugins(Path.of("target/itest-pick-and-place/deploy")));
    }

    @Before
    public void loadTheExample() throws Exception {
        http = new Http(Integer.parseInt(context.getProperty("gantry.http.port")));
        recorder = new EventRecorder(context);
        Await.until(
                "the simulated inputs' functions",
                WAIT,
                () -> http.get("/api/functions").body().contains("analog.read"));
        for (JsonNode device : JSON.readTree(EXAMPLE.resolve("devices.json").toFile())) {
            String id = device.path("id").asText();
            if (http.get("/api/devices/" + id).statusCode() == 404) {
                HttpResponse<String> created = http.post("/api/devices", device.toString());
                assertEquals(created.body(), 201, created.statusCode());
                http.post("/api/devices/" + id + "/connect", "");
            }
            Await.until(
                    id + " connected",
                    WAIT,
                    () -> http.get("/api/devices/" + id).body().contains("\"CONNECTED\""));
        }
        for (String pipeline : List.of("pick-one", "pick-and-place")) {
            if (http.get("/api/pipelines/" + pipeline).statusCode() == 404) {
                HttpResponse<String> saved =
                        http.post("/api/pipelines", Files.readString(EXAMPLE.resolve(pipeline + ".json")));
                assertEquals(saved.body(), 201, saved.statusCode());
            }
        }
    }

    @After
    public void stopRecording() {
        recorder.close();
    }

    @Test
    public void threePartsOneRejectedThenTheCellRestsHomed() throws Exception {
        String run = start();
        feed(run, 1, 12.0);
        feed(run, 2, 18.5);
        feed(run, 3, 11.0);
        JsonNode ended = ended(run);

        assertEquals(ended.toString(), "SUCCEEDED", ended.path("status").asText());
        assertEquals(3, ended.at("/nodes/cycle/iterations").asInt());
        assertEquals(11.0, ended.at("/outputs/lastWeight").asDouble(), 0);
        assertTrue(ended.at("/outputs/lastGood").asBoolean());
        assertEquals("SUCCEEDED", ended.at("/nodes/done/status").asText());
        assertEquals("no-failure", ended.at("/nodes/alarm/reason").asText());

        List<JsonNode> cycles = cyclesOf(run);
        assertEquals(3, cycles.size());
        for (int part = 0; part < 3; part++) {
            JsonNode cycle = cycles.get(part);
            boolean rejected = part == 1;
            assertEquals("SUCCEEDED", cycle.path("status").asText());
            assertEquals(
                    rejected ? 18.5 : part == 0 ? 12.0 : 11.0,
                    cycle.at("/outputs/weight").asDouble(),
                    0);
            assertEquals(
                    rejected ? "SKIPPED" : "SUCCEEDED",
                    cycle.at("/nodes/place/status").asText());
            assertEquals(
                    rejected ? "SUCCEEDED" : "SKIPPED",
                    cycle.at("/nodes/reject/status").asText());
            String skipped = rejected ? "place" : "reject";
            assertEquals(
                    "condition-false", cycle.at("/nodes/" + skipped + "/reason").asText());
            assertEquals("SUCCEEDED", cycle.at("/nodes/release/status").asText());
            assertTrue(cycle.toString(), cycle.at("/nodes/wait-part/iterations").asInt() >= 1);
        }
        assertEquals(190.0, cycles.get(1).at("/nodes/reject/outputs/position").asDouble(), 0);
    }

    @Test
    public void aPartThatNeverComesRaisesTheAlarmAndHomesTheAxes() throws Exception {
        String run = start();
        feed(run, 1, 13.0);
        // no second part: the cycle's wait exhausts its 20 polls
        JsonNode ended = ended(run);

        assertEquals(
                "a handled failure keeps the run SUCCEEDED",
                "SUCCEEDED",
                ended.path("status").asText());
        assertEquals("FAILED", ended.at("/nodes/cycle/status").asText());
        assertEquals("call-failed", ended.at("/nodes/cycle/error/code").asText());
        assertEquals(2, ended.at("/nodes/cycle/iterations").asInt());
        assertEquals("SUCCEEDED", ended.at("/nodes/alarm/status").asText());
        assertEquals("SUCCEEDED", ended.at("/nodes/safe-z/status").asText());
        assertEquals(0.0, ended.at("/nodes/safe-x/outputs/position").asDouble(), 0);
        assertEquals("upstream-failed", ended.at("/nodes/done/reason").asText());
        assertFalse("the failed cycle gives no output", ended.path("outputs").has("lastWeight"));

        List<JsonNode> cycles = cyclesOf(run);
        assertEquals(2, cycles.size());
        JsonNode empty = cycles.get(1);
        assertEquals("FAILED", empty.path("status").asText());
        assertEquals("repeat-exhausted", empty.at("/nodes/wait-part/error/code").asText());
        assertEquals(20, empty.at("/nodes/wait-part/iterations").asInt());
        assertEquals("run-failed", empty.at("/nodes/pick/reason").asText());
        assertTrue(
                ended.at("/nodes/cycle/error/message").asText(),
                ended.at("/nodes/cycle/error/message")
                        .asText()
                        .contains(empty.path("id").asText()));
    }

    private String start() throws Exception {
        HttpResponse<String> started =
                http.post("/api/pipelines/pick-and-place/executions", "{\"inputs\":{\"maxWeight\":15}}");
        assertEquals(started.body(), 202, started.statusCode());
        return JSON.readTree(started.body()).path("id").asText();
    }

    /** Puts part {@code n} on the scale and the sensor, then waits until its cycle ended. */
    private void feed(String run, int n, double weight) throws Exception {
        set("analog.set", "scale", weight);
        set("input.set", "part-sensor", true);
        recorder.await("cycle " + n + " of " + run + " ended", WAIT, e -> endedCycles(run) >= n);
    }

    private int endedCycles(String run) {
        List<String> cycles = recorder
                .events(e -> "gantry/pipeline/STARTED".equals(e.getTopic())
                        && run.equals(e.getProperty("parentExecutionId")))
                .stream()
                .map(e -> (String) e.getProperty("executionId"))
                .toList();
        return recorder.events(e -> e.getTopic().startsWith("gantry/pipeline/")
                        && !"gantry/pipeline/STARTED".equals(e.getTopic())
                        && cycles.contains(e.getProperty("executionId")))
                .size();
    }

    /** Plays the field: an inline one-node run of a simulated input's set function. */
    private void set(String function, String device, Object value) throws Exception {
        HttpResponse<String> done = http.post("/api/executions?wait=true", """
                {"name":"field","nodes":[{"id":"set","function":"%s","device":"%s","params":{"value":%s}}]}""".formatted(function, device, value));
        assertEquals(done.body(), 200, done.statusCode());
        assertEquals(
                done.body(),
                "SUCCEEDED",
                JSON.readTree(done.body()).path("status").asText());
    }

    private JsonNode ended(String run) throws Exception {
        recorder.await(
                "the end of " + run,
                WAIT,
                e -> run.equals(e.getProperty("executionId"))
                        && e.getTopic().startsWith("gantry/pipeline/")
                        && !e.getTopic().endsWith("STARTED"));
        return JSON.readTree(http.get("/api/executions/" + run).body());
    }

    /** @return the cycles the run called, in the order they ran */
    private List<JsonNode> cyclesOf(String run) throws Exception {
        List<JsonNode> cycles = new ArrayList<>();
        JSON.readTree(http.get("/api/executions?parentExecutionId=" + run).body())
                .forEach(cycles::add);
        java.util.Collections.reverse(cycles); // newest first
        return cycles;
    }
}
