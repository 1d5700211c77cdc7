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
import org.osgi.service.event.Event;

/**
 * Cell sequencing through real HTTP on the shipped plugins: order edges, a decision with its two
 * branches joined again, and a failure path that keeps the run SUCCEEDED; a pipeline with every
 * sequencing mistake is refused with each problem at its path.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SequencingIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    private BundleContext context;

    private Http http;
    private EventRecorder recorder;

    @Configuration
    public Option[] config() {
        return GantryContainer.options(GantryContainer.withShippedPlugins(Path.of("target/itest-sequencing/deploy")));
    }

    @Before
    public void pluginsAreLive() {
        http = new Http(Integer.parseInt(context.getProperty("gantry.http.port")));
        Await.until("the shipped plugins' functions", WAIT, () -> {
            String functions = http.get("/api/functions").body();
            return functions.contains("core.threshold") && functions.contains("servo.move_to");
        });
        recorder = new EventRecorder(context);
    }

    @After
    public void stopRecording() {
        recorder.close();
    }

    @Test
    public void aCellSequenceDecidesJoinsAndHandlesAFailedPick() throws Exception {
        String axis = connectedAxis();
        String pipeline = """
                {"id":"cell","name":"cell","nodes":[
                  {"id":"axis.home","function":"servo.home","device":"AXIS"},
                  {"id":"weigh","function":"core.threshold","params":{"value":12.5,"min":10,"max":15}},
                  {"id":"place","function":"servo.move_to","device":"AXIS","params":{"position":40},"when":"weigh.inRange"},
                  {"id":"reject","function":"servo.move_to","device":"AXIS","params":{"position":90},"when":"!weigh.inRange"},
                  {"id":"next","function":"core.log","join":"any"},
                  {"id":"pick","function":"servo.move_to","device":"AXIS","params":{"position":500}},
                  {"id":"alarm","function":"core.log","params":{"value":"pick failed"}},
                  {"id":"afterPick","function":"core.log","params":{"value":"picked"}}],
                 "edges":[
                  {"from":"axis.home","to":"weigh"},
                  {"from":"place.position","to":"next.value"},
                  {"from":"reject.position","to":"next.value"},
                  {"from":"next","to":"pick"},
                  {"from":"pick","to":"alarm","on":"failure"},
                  {"from":"pick","to":"afterPick"}]}""".replace("AXIS", axis);
        HttpResponse<String> saved = http.post("/api/pipelines", pipeline);
        assertEquals(saved.body(), 201, saved.statusCode());
        JsonNode stored = JSON.readTree(http.get("/api/pipelines/cell").body());
        assertEquals("!weigh.inRange", stored.at("/nodes/3/when").asText());
        assertEquals("any", stored.at("/nodes/4/join").asText());
        assertEquals("failure", stored.at("/edges/4/on").asText());
        assertFalse(stored.at("/edges/0").has("on"));

        HttpResponse<String> answer = http.post("/api/pipelines/cell/executions?wait=true", "{}");
        assertEquals(answer.body(), 200, answer.statusCode());
        JsonNode run = JSON.readTree(answer.body());

        assertEquals(answer.body(), "SUCCEEDED", run.path("status").asText());
        assertTrue(
                answer.body(),
                run.path("error").isMissingNode() || run.path("error").isNull());
        JsonNode nodes = run.path("nodes");
        assertEquals("SUCCEEDED", nodes.at("/place/status").asText());
        assertEquals("weigh.inRange", nodes.at("/place/branch").asText());
        assertEquals("SKIPPED", nodes.at("/reject/status").asText());
        assertEquals("condition-false", nodes.at("/reject/reason").asText());
        assertEquals("!weigh.inRange", nodes.at("/reject/branch").asText());
        assertEquals("SUCCEEDED", nodes.at("/next/status").asText());
        assertEquals(40.0, nodes.at("/next/inputs/value").asDouble(), 0);
        assertEquals("FAILED", nodes.at("/pick/status").asText());
        assertFalse(nodes.at("/pick/error/code").asText().isEmpty());
        assertEquals("SUCCEEDED", nodes.at("/alarm/status").asText());
        assertEquals("SKIPPED", nodes.at("/afterPick/status").asText());
        assertEquals("upstream-failed", nodes.at("/afterPick/reason").asText());

        String executionId = run.path("id").asText();
        recorder.await(
                "the run's end event",
                WAIT,
                e -> executionId.equals(e.getProperty("executionId"))
                        && e.getTopic().equals("gantry/pipeline/COMPLETED"));
        Event skipped = only(executionId, "gantry/node/SKIPPED", "reject");
        assertEquals("condition-false", skipped.getProperty("reason"));
        assertEquals("!weigh.inRange", skipped.getProperty("branch"));
        assertEquals(
                "weigh.inRange",
                only(executionId, "gantry/node/EXECUTING", "place").getProperty("branch"));
        assertEquals(
                "upstream-failed",
                only(executionId, "gantry/node/SKIPPED", "afterPick").getProperty("reason"));
        List<String> steps = recorder.stepsOf(executionId);
        assertTrue(steps.toString(), steps.indexOf("node/COMPLETED axis.home") < steps.indexOf("node/EXECUTING weigh"));
        assertTrue(steps.toString(), steps.indexOf("node/FAILED pick") < steps.indexOf("node/EXECUTING alarm"));
    }

    @Test
    public void everySequencingMistakeIsRefusedAtSaveWithItsPath() throws Exception {
        HttpResponse<String> answer = http.post("/api/pipelines", """
                {"id":"bad-cell","name":"bad cell","nodes":[
                  {"id":"home","function":"core.constant","params":{"value":1}},
                  {"id":"weigh","function":"core.threshold","params":{"value":12.5,"min":10}},
                  {"id":"good","function":"core.log","params":{"value":"good"},"when":"weigh.inRange"},
                  {"id":"bad","function":"core.log","params":{"value":"bad"},"when":"!weigh.inRange"},
                  {"id":"both","function":"core.add"},
                  {"id":"odd","function":"core.log","params":{"value":1},"when":"home.value"}],
                 "edges":[
                  {"from":"home","to":"mvoe"},
                  {"from":"home","to":"good.value"},
                  {"from":"good.value","to":"both.a"},
                  {"from":"bad.value","to":"both.b"},
                  {"from":"home","to":"weigh","on":"later"}]}""");

        assertEquals(answer.body(), 422, answer.statusCode());
        JsonNode errors = JSON.readTree(answer.body()).path("errors");
        List<String> found = new ArrayList<>();
        errors.forEach(
                e -> found.add(e.path("path").asText() + " " + e.path("code").asText()));
        assertTrue(found.toString(), found.contains("edges[0].to unknown-node"));
        assertTrue(found.toString(), found.contains("edges[1].to mixed-edge"));
        assertTrue(found.toString(), found.contains("edges[4].on invalid-on"));
        assertTrue(found.toString(), found.contains("nodes[5].when condition-not-boolean"));
        assertTrue(found.toString(), found.contains("nodes[4] exclusive-branches"));
        assertTrue(
                answer.body(), answer.body().contains("'good'") && answer.body().contains("'bad'"));
        assertEquals(404, http.get("/api/pipelines/bad-cell").statusCode());
    }

    @Test
    public void aRepeatedMoveAndAnExhaustedPollThatRaisesItsAlarm() throws Exception {
        String axis = connectedAxis();
        String pipeline = """
                {"id":"loops","name":"loops","nodes":[
                  {"id":"shake","function":"servo.move_to","device":"AXIS","params":{"position":40},
                   "repeat":{"times":3,"intervalMs":10}},
                  {"id":"check","function":"core.threshold","params":{"value":50,"min":0,"max":10},
                   "repeat":{"until":"inRange","maxIterations":3,"intervalMs":10}},
                  {"id":"alarm","function":"core.log","params":{"value":"never in range"}},
                  {"id":"afterCheck","function":"core.log","params":{"value":"in range"}}],
                 "edges":[
                  {"from":"shake","to":"check"},
                  {"from":"check","to":"alarm","on":"failure"},
                  {"from":"check","to":"afterCheck"}]}""".replace("AXIS", axis);
        HttpResponse<String> saved = http.post("/api/pipelines", pipeline);
        assertEquals(saved.body(), 201, saved.statusCode());
        JsonNode stored = JSON.readTree(http.get("/api/pipelines/loops").body());
        assertEquals(3, stored.at("/nodes/0/repeat/times").asInt());
        assertEquals("inRange", stored.at("/nodes/1/repeat/until").asText());
        assertEquals(3, stored.at("/nodes/1/repeat/maxIterations").asInt());

        HttpResponse<String> answer = http.post("/api/pipelines/loops/executions?wait=true", "{}");
        assertEquals(answer.body(), 200, answer.statusCode());
        JsonNode run = JSON.readTree(answer.body());

        assertEquals(answer.body(), "SUCCEEDED", run.path("status").asText());
        JsonNode nodes = run.path("nodes");
        assertEquals("SUCCEEDED", nodes.at("/shake/status").asText());
        assertEquals(3, nodes.at("/shake/iterations").asInt());
        assertEquals(40.0, nodes.at("/shake/outputs/position").asDouble(), 0);
        assertEquals("FAILED", nodes.at("/check/status").asText());
        assertEquals(3, nodes.at("/check/iterations").asInt());
        assertEquals("repeat-exhausted", nodes.at("/check/error/code").asText());
        assertEquals("SUCCEEDED", nodes.at("/alarm/status").asText());
        assertEquals("upstream-failed", nodes.at("/afterCheck/reason").asText());
        assertFalse(nodes.at("/alarm").has("iterations"));

        String executionId = run.path("id").asText();
        recorder.await(
                "the run's end event",
                WAIT,
                e -> executionId.equals(e.getProperty("executionId"))
                        && e.getTopic().equals("gantry/pipeline/COMPLETED"));
        List<Event> polls = recorder.events(e -> executionId.equals(e.getProperty("executionId"))
                && "gantry/node/ITERATION".equals(e.getTopic())
                && "check".equals(e.getProperty("nodeId")));
        assertEquals(polls.toString(), 3, polls.size());
        for (int i = 0; i < 3; i++) {
            assertEquals(i + 1, polls.get(i).getProperty("iteration"));
            assertEquals(Boolean.FALSE, polls.get(i).getProperty("conditionValue"));
        }
        assertEquals(
                1,
                recorder.events(e -> executionId.equals(e.getProperty("executionId"))
                                && "gantry/node/COMPLETED".equals(e.getTopic())
                                && "shake".equals(e.getProperty("nodeId")))
                        .size());
        List<String> steps = recorder.stepsOf(executionId);
        assertTrue(steps.toString(), steps.indexOf("node/COMPLETED shake") < steps.indexOf("node/EXECUTING check"));
        assertTrue(steps.toString(), steps.indexOf("node/FAILED check") < steps.indexOf("node/EXECUTING alarm"));
    }

    @Test
    public void unboundedAndMalformedLoopsAreRefusedAtSaveWithTheirPaths() throws Exception {
        HttpResponse<String> answer = http.post("/api/pipelines", """
                {"id":"bad-loops","name":"bad loops","nodes":[
                  {"id":"forever","function":"core.log","repeat":{}},
                  {"id":"poll","function":"core.threshold","params":{"value":1},"repeat":{"until":"inRange"}},
                  {"id":"many","function":"core.log","repeat":{"times":10001,"intervalMs":-1}},
                  {"id":"wrong","function":"core.threshold","params":{"value":1},
                   "repeat":{"until":"value","maxIterations":5}}]}""");

        assertEquals(answer.body(), 422, answer.statusCode());
        List<String> found = new ArrayList<>();
        JSON.readTree(answer.body())
                .path("errors")
                .forEach(e ->
                        found.add(e.path("path").asText() + " " + e.path("code").asText()));
        assertTrue(found.toString(), found.contains("nodes[0].repeat unbounded-repeat"));
        assertTrue(found.toString(), found.contains("nodes[1].repeat.maxIterations unbounded-repeat"));
        assertTrue(found.toString(), found.contains("nodes[2].repeat.times invalid-repeat"));
        assertTrue(found.toString(), found.contains("nodes[2].repeat.intervalMs invalid-repeat"));
        assertTrue(found.toString(), found.contains("nodes[3].repeat.until unknown-port"));
        assertEquals(404, http.get("/api/pipelines/bad-loops").statusCode());
    }

    @Test
    public void aCalledPipelineRunsAsItsOwnExecutionWithTypedInputsAndOutputs() throws Exception {
        String axis = connectedAxis();
        HttpResponse<String> child = http.post("/api/pipelines", """
                {"id":"go-to","name":"go to","nodes":[
                  {"id":"move","function":"servo.move_to","device":"AXIS"}],
                 "inputs":[{"name":"target","type":"number","to":["move.position"],"description":"mm"}],
                 "outputs":[{"name":"at","from":"move.position"}]}""".replace("AXIS", axis));
        assertEquals(child.body(), 201, child.statusCode());
        HttpResponse<String> parent = http.post("/api/pipelines", """
                {"id":"cell-calls","name":"cell calls","nodes":[
                  {"id":"cycle","function":"core.call","params":{"pipeline":"go-to"},"repeat":{"times":2}},
                  {"id":"report","function":"core.log"},
                  {"id":"alarm","function":"core.log","params":{"value":"move failed"}}],
                 "edges":[{"from":"cycle.at","to":"report.value"},{"from":"cycle","to":"alarm","on":"failure"}],
                 "inputs":[{"name":"where","type":"number","default":30,"to":["cycle.target"]}],
                 "outputs":[{"name":"final","from":"cycle.at"}],
                 "layout":{"cycle":{"x":40,"y":80},"report":{"x":260,"y":80}}}""");
        assertEquals(parent.body(), 201, parent.statusCode());
        JsonNode stored = JSON.readTree(http.get("/api/pipelines/cell-calls").body());
        assertEquals(30, stored.at("/inputs/0/default").asInt());
        assertEquals("cycle.at", stored.at("/outputs/0/from").asText());
        assertEquals(260.0, stored.at("/layout/report/x").asDouble(), 0);

        HttpResponse<String> answer =
                http.post("/api/pipelines/cell-calls/executions?wait=true", "{\"inputs\":{\"where\":42}}");
        assertEquals(answer.body(), 200, answer.statusCode());
        JsonNode run = JSON.readTree(answer.body());
        assertEquals(answer.body(), "SUCCEEDED", run.path("status").asText());
        assertEquals(42, run.at("/inputs/where").asInt());
        assertEquals(42.0, run.at("/outputs/final").asDouble(), 0);
        assertEquals(2, run.at("/nodes/cycle/iterations").asInt());
        assertEquals("built-in", run.at("/nodes/cycle/plugin").asText());
        assertEquals("SKIPPED", run.at("/nodes/alarm/status").asText());

        String runId = run.path("id").asText();
        JsonNode children = JSON.readTree(
                http.get("/api/executions?parentExecutionId=" + runId).body());
        assertEquals(children.toString(), 2, children.size());
        for (JsonNode called : children) {
            assertEquals("go-to", called.path("pipelineId").asText());
            assertEquals(1, called.path("pipelineVersion").asInt());
            assertEquals(runId, called.path("parentExecutionId").asText());
            assertEquals("cycle", called.path("parentNodeId").asText());
            assertEquals(42, called.at("/inputs/target").asInt());
            assertEquals(42.0, called.at("/outputs/at").asDouble(), 0);
            assertEquals(
                    run.path("startedBy").asText(), called.path("startedBy").asText());
        }

        recorder.await(
                "the second called run's start event",
                WAIT,
                e -> "gantry/pipeline/STARTED".equals(e.getTopic())
                        && runId.equals(e.getProperty("parentExecutionId"))
                        && children.get(0).path("id").asText().equals(e.getProperty("executionId")));
        assertEquals(
                2,
                recorder.events(e -> "gantry/pipeline/STARTED".equals(e.getTopic())
                                && runId.equals(e.getProperty("parentExecutionId"))
                                && "cycle".equals(e.getProperty("parentNodeId")))
                        .size());

        JsonNode byDefault = JSON.readTree(http.post("/api/pipelines/cell-calls/executions?wait=true", "{}")
                .body());
        assertEquals(30.0, byDefault.at("/outputs/final").asDouble(), 0);

        JsonNode failed = JSON.readTree(
                http.post("/api/pipelines/cell-calls/executions?wait=true", "{\"inputs\":{\"where\":500}}")
                        .body());
        assertEquals(failed.toString(), "SUCCEEDED", failed.path("status").asText());
        assertEquals("call-failed", failed.at("/nodes/cycle/error/code").asText());
        assertTrue(
                failed.toString(),
                failed.at("/nodes/cycle/error/message").asText().contains("go-to v1 failed"));
        assertEquals("SUCCEEDED", failed.at("/nodes/alarm/status").asText());
        assertFalse(failed.path("outputs").has("final"));
    }

    @Test
    public void runInputsAreCheckedAgainstTheDeclaredOnesAndNamed() throws Exception {
        HttpResponse<String> saved = http.post("/api/pipelines", """
                {"id":"typed","name":"typed","nodes":[{"id":"add","function":"core.add","params":{"b":1}}],
                 "inputs":[{"name":"x","type":"number","to":["add.a"]}],
                 "outputs":[{"name":"sum","from":"add.result"}]}""");
        assertEquals(saved.body(), 201, saved.statusCode());
        int before = JSON.readTree(http.get("/api/executions?pipelineId=typed").body())
                .size();

        for (String[] wrong : new String[][] {
            {"{\"inputs\":{\"x\":\"far\"}}", "inputs.x", "type-mismatch"},
            {"{\"inputs\":{}}", "inputs.x", "missing-input"},
            {"{\"inputs\":{\"x\":1,\"y\":2}}", "inputs.y", "unknown-input"}
        }) {
            HttpResponse<String> refused = http.post("/api/pipelines/typed/executions?wait=true", wrong[0]);
            assertEquals(refused.body(), 422, refused.statusCode());
            assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            JsonNode problem = JSON.readTree(refused.body()).path("errors").get(0);
            assertEquals(refused.body(), wrong[1], problem.path("path").asText());
            assertEquals(refused.body(), wrong[2], problem.path("code").asText());
        }
        assertEquals(
                "nothing ran",
                before,
                JSON.readTree(http.get("/api/executions?pipelineId=typed").body())
                        .size());
        JsonNode ok = JSON.readTree(http.post("/api/pipelines/typed/executions?wait=true", "{\"inputs\":{\"x\":41}}")
                .body());
        assertEquals(42.0, ok.at("/outputs/sum").asDouble(), 0);
    }

    @Test
    public void callCyclesAndMismatchesAcrossACallAreRefusedAtSave() throws Exception {
        assertEquals(201, http.post("/api/pipelines", """
                {"id":"pong","name":"pong","nodes":[{"id":"n","function":"core.log"}],
                 "inputs":[{"name":"count","type":"number","to":["n.value"]}]}""").statusCode());
        assertEquals(201, http.post("/api/pipelines", """
                {"id":"ping","name":"ping","nodes":[
                  {"id":"call-pong","function":"core.call","params":{"pipeline":"pong","count":1}}]}""").statusCode());

        HttpResponse<String> cycle = http.send("PUT", "/api/pipelines/pong", """
                {"name":"pong","nodes":[{"id":"back","function":"core.call","params":{"pipeline":"ping"}}]}""");
        assertEquals(cycle.body(), 422, cycle.statusCode());
        JsonNode problem = JSON.readTree(cycle.body()).path("errors").get(0);
        assertEquals("nodes[0].params.pipeline", problem.path("path").asText());
        assertEquals("call-cycle", problem.path("code").asText());
        assertTrue(cycle.body(), problem.path("message").asText().contains("pong -> ping -> pong"));
        assertEquals(
                1,
                JSON.readTree(http.get("/api/pipelines/pong").body())
                        .path("version")
                        .asInt());

        HttpResponse<String> mismatched = http.post("/api/pipelines", """
                {"id":"mismatch","name":"mismatch","nodes":[
                  {"id":"check","function":"core.threshold","params":{"value":1,"min":0}},
                  {"id":"call","function":"core.call","params":{"pipeline":"pong","cuont":2}},
                  {"id":"nowhere","function":"core.call","params":{"pipeline":"no-such","version":3}}],
                 "edges":[{"from":"check.inRange","to":"call.count"}],
                 "layout":{"ghost":{"x":1,"y":2}}}""");
        assertEquals(mismatched.body(), 422, mismatched.statusCode());
        List<String> found = new ArrayList<>();
        JSON.readTree(mismatched.body())
                .path("errors")
                .forEach(e ->
                        found.add(e.path("path").asText() + " " + e.path("code").asText()));
        assertTrue(found.toString(), found.contains("edges[0].to type-mismatch"));
        assertTrue(found.toString(), found.stream().anyMatch(f -> f.startsWith("nodes[1].params")));
        assertTrue(found.toString(), found.contains("nodes[2].params.pipeline unknown-pipeline"));
        assertTrue(found.toString(), found.contains("layout.ghost unknown-node"));
        assertEquals(404, http.get("/api/pipelines/mismatch").statusCode());
    }

    private String connectedAxis() throws Exception {
        HttpResponse<String> created = http.post("/api/devices", """
                {"type":"mock-servo","name":"sequencing axis","config":{"minPosition":0,"maxPosition":100,"maxSpeed":1000000}}""");
        assertEquals(created.body(), 201, created.statusCode());
        String id = JSON.readTree(created.body()).path("id").asText();
        HttpResponse<String> connected = http.post("/api/devices/" + id + "/connect", "{}");
        assertEquals(connected.body(), 200, connected.statusCode());
        Await.until(
                "the axis to connect",
                WAIT,
                () -> http.get("/api/devices/" + id).body().contains("\"status\":\"CONNECTED\""));
        return id;
    }

    private Event only(String executionId, String topic, String nodeId) {
        List<Event> found = recorder.events(e -> executionId.equals(e.getProperty("executionId"))
                && topic.equals(e.getTopic())
                && nodeId.equals(e.getProperty("nodeId")));
        assertEquals(topic + " " + nodeId, 1, found.size());
        return found.get(0);
    }
}
