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
import io.gantry.itests.support.PickAndPlaceExample;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
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

    @Inject
    private BundleContext context;

    private Http http;
    private EventRecorder recorder;
    private PickAndPlaceExample example;

    @Configuration
    public Option[] config() {
        return GantryContainer.options(
                GantryContainer.withShippedPlugins(Path.of("target/itest-pick-and-place/deploy")));
    }

    @Before
    public void loadTheExample() {
        http = new Http(Integer.parseInt(context.getProperty("gantry.http.port")));
        recorder = new EventRecorder(context);
        Await.until(
                "the simulated inputs' functions",
                WAIT,
                () -> http.get("/api/functions").body().contains("analog.read"));
        example = new PickAndPlaceExample(http).load();
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

        List<JsonNode> cycles = example.cyclesOf(run);
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

        List<JsonNode> cycles = example.cyclesOf(run);
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
    private void feed(String run, int n, double weight) {
        example.partArrives(weight);
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

    private JsonNode ended(String run) throws Exception {
        recorder.await(
                "the end of " + run,
                WAIT,
                e -> run.equals(e.getProperty("executionId"))
                        && e.getTopic().startsWith("gantry/pipeline/")
                        && !e.getTopic().endsWith("STARTED"));
        return JSON.readTree(http.get("/api/executions/" + run).body());
    }
}
