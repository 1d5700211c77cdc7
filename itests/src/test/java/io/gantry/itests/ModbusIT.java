package io.gantry.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.gantry.itests.support.Await;
import io.gantry.itests.support.EventStreamClient;
import io.gantry.itests.support.GantryContainer;
import io.gantry.itests.support.Http;
import io.gantry.itests.support.Json;
import io.gantry.itests.support.ModbusServerProcess;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.inject.Inject;
import org.junit.AfterClass;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

/**
 * The shipped modbus-tcp plugin in the real controller against a Modbus server we did not write
 * (Debian's pymodbus, one per class), checked with another client we did not write (mbpoll): signals
 * of each type read exactly and polled, a change made by mbpoll announced on the WebSocket, a REST
 * write seen by mbpoll, an illegal address BAD beside GOOD neighbours, a slow server timing out, the
 * server killed while a run waits on one of its signals and restarted (the device reconnects by itself,
 * the values are GOOD again, the run ends well), and 50 signals polled every 100 ms beside a pipeline
 * that reads the same device 100 times. Figures are printed, not asserted.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ModbusIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static ModbusServerProcess server;

    @Inject
    private BundleContext context;

    private Http http;

    @Configuration
    public Option[] config() {
        return GantryContainer.options(GantryContainer.withShippedPlugins(Path.of("target/itest-modbus/deploy")));
    }

    @BeforeClass
    public static void startTheServer() {
        server = ModbusServerProcess.start();
    }

    @AfterClass
    public static void stopTheServer() {
        if (server != null) {
            server.close();
        }
    }

    @Before
    public void waitForThePlugin() {
        http = new Http(Integer.parseInt(context.getProperty("gantry.http.port")));
        Await.until(
                "the modbus-tcp device type",
                WAIT,
                () -> http.get("/api/device-types").body().contains("\"modbus-tcp\""));
    }

    @Test
    public void eachTypeIsReadExactlyAndAChangeMadeByAnotherClientIsAnnounced() {
        String plc = connected(
                1,
                "["
                        + signal("temp", "holding", 0, "int16", "")
                        + "," + signal("count", "holding", 1, "uint16", "")
                        + "," + signal("level", "holding", 10, "float32", ",\"unit\":\"m\"")
                        + "," + signal("speed", "holding", 14, "uint16", ",\"scale\":0.5,\"offset\":-20")
                        + "," + signal("lamp", "coil", 0, "bool", "")
                        + "," + signal("ghost", "holding", 200, "uint16", "")
                        + "]");
        Await.until(
                "every signal read",
                WAIT,
                () -> List.of("temp", "count", "level", "speed", "lamp").stream()
                                .allMatch(name -> quality(plc, name).equals("GOOD"))
                        && error(plc, "ghost").contains("illegal data address"));

        assertEquals(-1234, signal(plc, "temp").path("value").asInt());
        assertEquals(54321, signal(plc, "count").path("value").asInt());
        assertEquals(12.375, signal(plc, "level").path("value").asDouble(), 0);
        assertEquals("m", signal(plc, "level").path("unit").asText());
        assertEquals(597.0, signal(plc, "speed").path("value").asDouble(), 0);
        assertEquals(true, signal(plc, "lamp").path("value").asBoolean(false));
        assertEquals("the neighbours of a bad register are GOOD", "GOOD", quality(plc, "count"));
        assertEquals("BAD", quality(plc, "ghost"));
        assertTrue(error(plc, "ghost"), error(plc, "ghost").contains("holding register 200"));

        try (EventStreamClient client =
                EventStreamClient.connect(port(), "deviceId=" + plc + "&topics=gantry/signal/CHANGED")) {
            server.mbpoll(List.of("-t", "4", "-r", "1"), "777");
            Await.until(
                    "mbpoll's write announced",
                    WAIT,
                    () -> Json.signalEvents(client).stream()
                            .anyMatch(e -> e.path("signal").asText().equals("count")
                                    && e.path("value").asInt() == 777));
        }
        server.mbpoll(List.of("-t", "4", "-r", "1"), "54321");
    }

    @Test
    public void aSignalWrittenOverRestIsWhatMbpollReadsAndAWrongValueIsRefused() {
        String plc = connected(1, "[" + signal("setpoint", "holding", 90, "int16", "") + "]");

        HttpResponse<String> written =
                http.send("PUT", "/api/devices/" + plc + "/signals/setpoint", "{\"value\": -42}");

        assertEquals(written.body(), 200, written.statusCode());
        String seen = server.mbpoll(List.of("-t", "4", "-r", "90"));
        assertTrue(seen, seen.contains("(-42)"));
        Await.until(
                "read back", WAIT, () -> signal(plc, "setpoint").path("value").asInt() == -42);
        HttpResponse<String> tooBig =
                http.send("PUT", "/api/devices/" + plc + "/signals/setpoint", "{\"value\": 40000}");
        assertTrue(tooBig.body(), tooBig.statusCode() >= 400 && tooBig.statusCode() < 500);
        assertTrue(tooBig.body(), tooBig.body().contains("int16"));
        assertTrue(server.mbpoll(List.of("-t", "4", "-r", "90")).contains("(-42)"));
    }

    @Test
    public void aConfigTheSchemaAllowsButTheDriverRefusesIs422NamingTheFieldAndNothingIsStored() {
        String config = "{\"host\":\"127.0.0.1\",\"port\":" + server.port() + ",\"signals\":["
                + signal("lamp", "holding", 3, "bool", "") + "]}";
        HttpResponse<String> refused = http.post(
                "/api/devices",
                "{\"id\":\"plc-bad\",\"type\":\"modbus-tcp\",\"name\":\"bad\",\"config\":" + config + "}");

        assertEquals(refused.body(), 422, refused.statusCode());
        assertTrue(refused.body(), refused.body().contains("signals[0].type"));
        assertEquals(404, http.get("/api/devices/plc-bad").statusCode());
    }

    @Test
    public void aServerThatAnswersTooLateTimesOutItsSignalsGoBadAndItsBreakerOpens() {
        String slow = created(2, "[" + signal("temp", "holding", 0, "int16", "") + "]", ",\"responseTimeoutMs\":300");
        connect(slow);

        Await.until("the read timed out", WAIT, () -> error(slow, "temp").contains("within"));
        assertEquals("BAD", quality(slow, "temp"));
        HttpResponse<String> read = http.post(
                "/api/executions?wait=true",
                "{\"name\":\"slow read\",\"nodes\":[{"
                        + "\"id\":\"r\",\"function\":\"modbus.read\",\"device\":\"" + slow
                        + "\",\"params\":{\"table\":\"holding\",\"address\":0}}]}");
        assertEquals(
                read.body(),
                "device-timeout",
                Json.of(read).at("/nodes/r/error/code").asText());
        // every poll times out too, and counts: the breaker opens and turns the polls away
        Await.until(
                "the breaker open",
                WAIT,
                () -> device(slow).path("breaker").asText().equals("OPEN"));
        Await.until("polls turned away", WAIT, () -> error(slow, "temp").contains("circuit breaker open"));
        assertEquals("BAD", quality(slow, "temp"));
    }

    @Test
    public void theServerKilledWhileARunWaitsOnItThenRestartedTheDeviceComesBackAndTheRunEndsWell() {
        String plc = connected(1, "[" + signal("ready", "coil", 41, "bool", "") + "]");
        Await.until("GOOD", WAIT, () -> quality(plc, "ready").equals("GOOD"));
        assertEquals(
                "coil 41 is preset off",
                false,
                signal(plc, "ready").path("value").asBoolean(true));
        String pipeline = "{\"name\":\"wait for ready\",\"nodes\":[{\"id\":\"ready\",\"function\":\"core.wait_signal\","
                + "\"params\":{\"device\":\"" + plc + "\",\"signal\":\"ready\",\"value\":true,\"timeoutMs\":60000}}]}";
        String id = Json.of(http.post("/api/pipelines", pipeline)).path("id").asText();
        String run = Json.of(http.post("/api/pipelines/" + id + "/executions", "{}"))
                .path("id")
                .asText();

        long killed = System.nanoTime();
        server.kill();
        Await.until(
                "the device dropped",
                WAIT,
                () -> device(plc).path("status").asText().equals("DISCONNECTED"));
        long detected = System.nanoTime();
        assertEquals("BAD", quality(plc, "ready"));
        assertTrue(error(plc, "ready"), error(plc, "ready").contains("DISCONNECTED"));
        // a node that reads the device now, with a retry: it rides through the reconnect
        String reader = Json.of(http.post(
                        "/api/executions",
                        "{\"name\":\"read through\",\"nodes\":[{\"id\":\"r\","
                                + "\"function\":\"modbus.read\",\"device\":\"" + plc
                                + "\",\"params\":{\"table\":\"coil\","
                                + "\"address\":41},\"retry\":{\"maxAttempts\":20,\"backoffMs\":250}}]}"))
                .path("id")
                .asText();
        server.restart();
        long restarted = System.nanoTime();
        Await.until(
                "connected again",
                WAIT,
                () -> device(plc).path("status").asText().equals("CONNECTED"));
        Await.until("GOOD again", WAIT, () -> quality(plc, "ready").equals("GOOD"));
        long recovered = System.nanoTime();
        assertEquals(
                "the run rode through", "RUNNING", execution(run).path("status").asText());
        Await.until(
                "the read ended",
                WAIT,
                () -> !execution(reader).path("status").asText().equals("RUNNING"));
        JsonNode read = execution(reader);
        assertEquals(read.toString(), "SUCCEEDED", read.path("status").asText());
        assertTrue(read.toString(), read.at("/nodes/r/attempts").asInt() > 1);

        server.mbpoll(List.of("-t", "0", "-r", "41"), "1");

        Await.until(
                "the run ended",
                WAIT,
                () -> !execution(run).path("status").asText().equals("RUNNING"));
        assertEquals(
                execution(run).toString(),
                "SUCCEEDED",
                execution(run).path("status").asText());
        System.out.printf(
                "ModbusIT: server killed -> device DISCONNECTED in %d ms; restarted -> CONNECTED and GOOD in %d ms%n",
                (detected - killed) / 1_000_000, (recovered - restarted) / 1_000_000);
    }

    @Test
    public void fiftySignalsPolledEvery100MsLeaveRoomForAPipelineOnTheSameDevice() {
        List<String> signals = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            signals.add(signal("r" + i, "holding", 20 + i, "uint16", ""));
        }
        String plc = connected(1, "[" + String.join(",", signals) + "]");
        Await.until(
                "the last of 50 read",
                WAIT,
                () -> signal(plc, "r49").path("value").asInt() == 1049);
        long requestsBefore = server.requests();
        long before = System.nanoTime();

        HttpResponse<String> run = http.post(
                "/api/executions?wait=true",
                "{\"name\":\"reads\",\"nodes\":[{"
                        + "\"id\":\"r\",\"function\":\"modbus.read\",\"device\":\"" + plc
                        + "\",\"params\":{\"table\":\"holding\",\"address\":20,\"count\":50},\"repeat\":{\"times\":100}}]}");

        long elapsedMs = (System.nanoTime() - before) / 1_000_000;
        long requests = server.requests() - requestsBefore;
        JsonNode ended = Json.of(run);
        assertEquals(run.body(), "SUCCEEDED", ended.path("status").asText());
        assertEquals(1049, ended.at("/nodes/r/outputs/values/49").asInt());
        assertEquals(100, ended.at("/nodes/r/iterations").asInt());
        Await.until("polls go on", WAIT, () -> server.requests() > requestsBefore + 100 + 2);
        assertEquals("GOOD", quality(plc, "r0"));
        System.out.printf(
                "ModbusIT: 100 reads of 50 registers by a pipeline in %d ms beside 50 signals polled every 100 ms"
                        + " (%d requests in all, %.0f per second)%n",
                elapsedMs, requests, requests * 1000.0 / Math.max(1, elapsedMs));
    }

    private static String signal(String name, String table, int address, String type, String more) {
        return "{\"name\":\"" + name + "\",\"table\":\"" + table + "\",\"address\":" + address + ",\"type\":\"" + type
                + "\",\"pollMs\":100" + more + "}";
    }

    private String connected(int unit, String signals) {
        String id = created(unit, signals, "");
        connect(id);
        return id;
    }

    private String created(int unit, String signals, String more) {
        String id = "plc-" + UUID.randomUUID().toString().substring(0, 8);
        String config = "{\"host\":\"127.0.0.1\",\"port\":" + server.port() + ",\"unitId\":" + unit + ",\"signals\":"
                + signals + more + "}";
        HttpResponse<String> created = http.post(
                "/api/devices",
                "{\"id\":\"" + id + "\",\"type\":\"modbus-tcp\",\"name\":\"" + id + "\",\"config\":" + config + "}");
        assertEquals(created.body(), 201, created.statusCode());
        return id;
    }

    private void connect(String id) {
        HttpResponse<String> connected = http.post("/api/devices/" + id + "/connect", "");
        assertEquals(
                connected.body(), "CONNECTED", Json.of(connected).path("status").asText());
    }

    private JsonNode device(String id) {
        return Json.of(http.get("/api/devices/" + id));
    }

    private JsonNode execution(String id) {
        return Json.of(http.get("/api/executions/" + id));
    }

    private JsonNode signal(String device, String name) {
        return Json.of(http.get("/api/devices/" + device + "/signals/" + name));
    }

    private String quality(String device, String name) {
        return signal(device, name).path("quality").asText();
    }

    private String error(String device, String name) {
        return signal(device, name).path("error").asText();
    }

    private int port() {
        return Integer.parseInt(context.getProperty("gantry.http.port"));
    }
}
