package io.gantry.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.gantry.itests.support.Await;
import io.gantry.itests.support.EventStreamClient;
import io.gantry.itests.support.GantryContainer;
import io.gantry.itests.support.Http;
import io.gantry.itests.support.Json;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import javax.inject.Inject;
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
 * Device signals in the real controller, over real HTTP and a real WebSocket, on the shipped mock
 * plugins: a simulated input's value polled, written and announced; writes that are wrong refused
 * with nothing changed; a device's signals BAD while it is disconnected and GOOD again after; an axis
 * pushing its position while it moves. Each test makes its own devices.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SignalsIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    private BundleContext context;

    private Http http;

    @Configuration
    public Option[] config() {
        return GantryContainer.options(GantryContainer.withShippedPlugins(Path.of("target/itest-signals/deploy")));
    }

    @Before
    public void waitForThePlugins() {
        http = new Http(port());
        Await.until(
                "the mock plugins' device types",
                WAIT,
                () -> http.get("/api/device-types").body().contains("mock-digital-input"));
    }

    @Test
    public void aTypeDeclaresItsSignalsInTheCatalog() {
        JsonNode types = Json.of(http.get("/api/device-types"));
        JsonNode servo = find(types, t -> t.path("id").asText().equals("mock-servo"));
        assertEquals("position", servo.at("/signals/0/name").asText());
        assertEquals("number", servo.at("/signals/0/type").asText());
        assertEquals("mm", servo.at("/signals/0/unit").asText());
        assertEquals("read", servo.at("/signals/0/access").asText());
        JsonNode input = find(types, t -> t.path("id").asText().equals("mock-digital-input"));
        assertEquals("read-write", input.at("/signals/0/access").asText());
        assertEquals(100, input.at("/signals/0/pollMs").asInt());
    }

    @Test
    public void anInputIsPolledWrittenAndAnnouncedOnlyToTheClientsOfItsDevice() {
        String sensor = connectedInput("mock-digital-input", "{\"value\": false}");
        String other = connectedInput("mock-digital-input", "{\"value\": false}");
        try (EventStreamClient client =
                EventStreamClient.connect(port(), "deviceId=" + sensor + "&topics=gantry/signal/*")) {
            Await.until(
                    "the sensor read GOOD",
                    WAIT,
                    () -> signal(sensor, "value").path("quality").asText().equals("GOOD"));
            JsonNode read = signal(sensor, "value");
            assertEquals(false, read.path("value").asBoolean(true));
            assertEquals("boolean", read.path("type").asText());
            assertTrue(
                    read.path("timestamp").asText(),
                    read.path("timestamp").asText().startsWith("20"));

            HttpResponse<String> written = http.send("PUT", signalPath(other, "value"), "{\"value\": true}");
            assertEquals(written.body(), 200, written.statusCode());
            written = http.send("PUT", signalPath(sensor, "value"), "{\"value\": true}");
            assertEquals(written.body(), 200, written.statusCode());

            Await.until(
                    "the sensor's change announced",
                    WAIT,
                    () -> Json.signalEvents(client).stream()
                            .anyMatch(e -> e.path("value").asBoolean(false)
                                    && e.path("quality").asText().equals("GOOD")));
            assertEquals(true, signal(sensor, "value").path("value").asBoolean());
            for (JsonNode event : Json.signalEvents(client)) {
                assertEquals(
                        event.toString(),
                        "gantry/signal/CHANGED",
                        event.path("topic").asText());
                assertEquals(event.toString(), sensor, event.path("deviceId").asText());
                assertEquals(event.toString(), "value", event.path("signal").asText());
            }
            // the input's own function reads what the write set: one value, whoever sets it
            assertEquals(
                    1, Json.of(http.get("/api/devices/" + sensor + "/signals")).size());
        }
    }

    @Test
    public void wrongWritesAreRefusedAndChangeNothing() {
        String scale = connectedInput("mock-analog-input", "{\"value\": 5, \"unit\": \"g\"}");
        Await.until(
                "the scale read",
                WAIT,
                () -> signal(scale, "value").path("value").asDouble() == 5.0);
        assertEquals("g", signal(scale, "value").path("unit").asText());

        assertProblem(http.send("PUT", signalPath(scale, "value"), "{\"value\": \"heavy\"}"), 422, "value");
        assertProblem(http.send("PUT", signalPath(scale, "value"), "{}"), 422, "value");
        assertProblem(http.send("PUT", signalPath(scale, "weight"), "{\"value\": 1}"), 404, null);
        assertProblem(http.send("PUT", signalPath("no-such-device", "value"), "{\"value\": 1}"), 404, null);
        String axis = created("mock-servo", "{\"minPosition\": 0, \"maxPosition\": 100, \"maxSpeed\": 1000}");
        connect(axis);
        assertProblem(http.send("PUT", signalPath(axis, "position"), "{\"value\": 3}"), 422, "value");

        http.post("/api/devices/" + scale + "/disconnect", "");
        assertProblem(http.send("PUT", signalPath(scale, "value"), "{\"value\": 7}"), 409, null);
        assertEquals(5.0, signal(scale, "value").path("value").asDouble(), 0);
    }

    @Test
    public void aDisconnectedDevicesSignalsAreBadWithTheReasonAndGoodAgainAfterAReconnect() {
        String sensor = connectedInput("mock-digital-input", "{\"value\": true}");
        Await.until(
                "GOOD",
                WAIT,
                () -> signal(sensor, "value").path("quality").asText().equals("GOOD"));

        http.post("/api/devices/" + sensor + "/disconnect", "");

        Await.until(
                "BAD",
                WAIT,
                () -> signal(sensor, "value").path("quality").asText().equals("BAD"));
        JsonNode bad = signal(sensor, "value");
        assertTrue(bad.toString(), bad.path("error").asText().contains("DISCONNECTED"));
        assertEquals("the last value is kept", true, bad.path("value").asBoolean(false));
        connect(sensor);
        Await.until(
                "GOOD again",
                WAIT,
                () -> signal(sensor, "value").path("quality").asText().equals("GOOD"));
    }

    @Test
    public void aMovingAxisPushesItsPositionOnTheWay() {
        String axis = created("mock-servo", "{\"minPosition\": 0, \"maxPosition\": 100, \"maxSpeed\": 1000}");
        connect(axis);
        Await.until(
                "the axis's position read",
                WAIT,
                () -> signal(axis, "position").path("quality").asText().equals("GOOD"));
        try (EventStreamClient client =
                EventStreamClient.connect(port(), "deviceId=" + axis + "&topics=gantry/signal/CHANGED")) {
            String pipeline =
                    "{\"name\":\"move\",\"nodes\":[{\"id\":\"go\",\"function\":\"servo.move_to\",\"device\":\"" + axis
                            + "\",\"params\":{\"position\":80,\"speed\":200}}],\"edges\":[]}";
            String id =
                    Json.of(http.post("/api/pipelines", pipeline)).path("id").asText();
            HttpResponse<String> run = http.post("/api/pipelines/" + id + "/executions?wait=true", "{}");
            assertEquals(run.body(), "SUCCEEDED", Json.of(run).path("status").asText());

            Await.until(
                    "the move's end announced",
                    WAIT,
                    () -> Json.signalEvents(client).stream()
                            .anyMatch(e -> e.path("signal").asText().equals("moving")
                                    && !e.path("value").asBoolean(true)));
            List<Double> positions = new ArrayList<>();
            for (JsonNode event : Json.signalEvents(client)) {
                if (event.path("signal").asText().equals("position")) {
                    positions.add(event.path("value").asDouble());
                }
            }
            // a 0.4 s move pushed every 50 ms: positions on the way, rising, ending at the target
            assertTrue(positions.toString(), positions.size() >= 3);
            assertTrue(positions.toString(), positions.stream().anyMatch(p -> p > 0 && p < 80));
            for (int i = 1; i < positions.size(); i++) {
                assertTrue(positions.toString(), positions.get(i) >= positions.get(i - 1));
            }
            assertEquals(80.0, positions.get(positions.size() - 1), 1e-9);
            assertEquals(80.0, signal(axis, "position").path("value").asDouble(), 1e-9);
        }
    }

    @Test
    public void aPipelineWaitsOnASignalReadsItAndWritesAnother() {
        String sensor = connectedInput("mock-digital-input", "{\"value\": false}");
        String scale = connectedInput("mock-analog-input", "{\"value\": 0}");
        Await.until(
                "the sensor read",
                WAIT,
                () -> signal(sensor, "value").path("quality").asText().equals("GOOD"));
        String pipeline = "{\"name\":\"wait for a part\",\"nodes\":["
                + "{\"id\":\"part\",\"function\":\"core.wait_signal\",\"params\":{\"device\":\"" + sensor
                + "\",\"signal\":\"value\",\"value\":true,\"timeoutMs\":20000}},"
                + "{\"id\":\"tare\",\"function\":\"core.write_signal\",\"params\":{\"device\":\"" + scale
                + "\",\"signal\":\"value\",\"value\":2.5}},"
                + "{\"id\":\"check\",\"function\":\"core.read_signal\",\"params\":{\"device\":\"" + sensor
                + "\",\"signal\":\"value\"}}],"
                + "\"edges\":[{\"from\":\"part\",\"to\":\"tare\"},{\"from\":\"part\",\"to\":\"check\"}]}";
        String id = Json.of(http.post("/api/pipelines", pipeline)).path("id").asText();
        String run = Json.of(http.post("/api/pipelines/" + id + "/executions", "{}"))
                .path("id")
                .asText();
        Await.until(
                "the wait running",
                WAIT,
                () -> Json.of(http.get("/api/executions/" + run))
                        .at("/nodes/part/status")
                        .asText()
                        .equals("RUNNING"));

        http.send("PUT", signalPath(sensor, "value"), "{\"value\": true}");

        Await.until(
                "the run ended",
                WAIT,
                () -> !Json.of(http.get("/api/executions/" + run))
                        .path("status")
                        .asText()
                        .equals("RUNNING"));
        JsonNode ended = Json.of(http.get("/api/executions/" + run));
        assertEquals(ended.toString(), "SUCCEEDED", ended.path("status").asText());
        assertEquals(true, ended.at("/nodes/part/outputs/value").asBoolean(false));
        assertEquals(true, ended.at("/nodes/check/outputs/value").asBoolean(false));
        assertEquals("GOOD", ended.at("/nodes/check/outputs/quality").asText());
        Await.until(
                "the scale tared",
                WAIT,
                () -> signal(scale, "value").path("value").asDouble() == 2.5);
    }

    @Test
    public void aWaitThatTimesOutFailsNamingTheLastValueAndAnUnknownDeviceIsRefusedAtSave() {
        String sensor = connectedInput("mock-digital-input", "{\"value\": false}");
        String pipeline = "{\"name\":\"never\",\"nodes\":[{\"id\":\"part\",\"function\":\"core.wait_signal\","
                + "\"params\":{\"device\":\"" + sensor + "\",\"signal\":\"value\",\"value\":true,\"timeoutMs\":300}}]}";
        String id = Json.of(http.post("/api/pipelines", pipeline)).path("id").asText();
        JsonNode ended = Json.of(http.post("/api/pipelines/" + id + "/executions?wait=true", "{}"));
        assertEquals(ended.toString(), "FAILED", ended.path("status").asText());
        assertEquals("wait-timeout", ended.at("/nodes/part/error/code").asText());
        assertTrue(
                ended.toString(), ended.at("/nodes/part/error/message").asText().contains("it is false (GOOD)"));

        HttpResponse<String> refused = http.post(
                "/api/pipelines", pipeline.replace(sensor, "no-such-sensor").replace("\"never\"", "\"ghost\""));
        assertProblem(refused, 422, "nodes[0].params.device");
    }

    private String connectedInput(String type, String config) {
        String id = created(type, config);
        connect(id);
        return id;
    }

    private String created(String type, String config) {
        String id = "sig-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = http.post(
                "/api/devices",
                "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"name\":\"" + id + "\",\"config\":" + config + "}");
        assertEquals(created.body(), 201, created.statusCode());
        return id;
    }

    private void connect(String id) {
        HttpResponse<String> connected = http.post("/api/devices/" + id + "/connect", "");
        assertEquals(
                connected.body(), "CONNECTED", Json.of(connected).path("status").asText());
    }

    private JsonNode signal(String device, String name) {
        return Json.of(http.get(signalPath(device, name)));
    }

    private static String signalPath(String device, String name) {
        return "/api/devices/" + device + "/signals/" + name;
    }

    private static void assertProblem(HttpResponse<String> response, int status, String path) {
        assertEquals(response.body(), status, response.statusCode());
        assertTrue(
                response.body(),
                response.headers().firstValue("Content-Type").orElse("").contains("problem+json"));
        if (path != null) {
            assertTrue(response.body(), response.body().contains("\"path\":\"" + path + "\""));
        }
    }

    private static JsonNode find(JsonNode array, Predicate<JsonNode> test) {
        for (JsonNode item : array) {
            if (test.test(item)) {
                return item;
            }
        }
        throw new AssertionError("not found in " + array);
    }

    private int port() {
        return Integer.parseInt(context.getProperty("gantry.http.port"));
    }
}
