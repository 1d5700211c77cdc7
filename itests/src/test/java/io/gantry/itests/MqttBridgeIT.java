package io.gantry.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gantry.itests.support.Await;
import io.gantry.itests.support.DistributionProcess;
import io.gantry.itests.support.EventStreamClient;
import io.gantry.itests.support.Http;
import io.gantry.itests.support.Json;
import io.gantry.itests.support.MosquittoProcess;
import io.gantry.itests.support.SparkplugSubscriber;
import io.gantry.itests.support.SparkplugSubscriber.Received;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.tahu.message.model.Metric;
import org.eclipse.tahu.message.model.MetricDataType;
import org.eclipse.tahu.message.model.SparkplugBPayload;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;

/**
 * The MQTT bridge of the built distribution against Debian's Mosquitto, seen by a Sparkplug host made
 * of Paho and Tahu: births, data, the will after kill -9, execution events in order and once each
 * across a broker outage, rebirth, commands with and without the right role, and a fleet of three
 * controllers on one broker. One controller ({@code cell-1}) serves the whole class; the fleet test
 * adds two. The tests run in name order: later ones build on the devices of earlier ones.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class MqttBridgeIT {
    private static final Duration START = Duration.ofSeconds(90);
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String GROUP = "cells";
    private static final String QUICK = """
            {"name":"quick","nodes":[{"id":"a","function":"core.constant","params":{"value":1}},
            {"id":"b","function":"core.add","params":{"b":2}}],
            "edges":[{"from":"a.value","to":"b.a"}]}""";

    private static MosquittoProcess broker;
    private static SparkplugSubscriber host;
    private static DistributionProcess cell;
    private static Http http;

    @BeforeClass
    public static void startBrokerAndCell() {
        broker = MosquittoProcess.start(Path.of("target/itest-mqtt/broker"));
        host = SparkplugSubscriber.connect(broker.url(), GROUP);
        cell = DistributionProcess.copyTo(Path.of("target/itest-mqtt/cell-1"));
        configure(cell, "cell-1", Map.of("commandsEnabled", "true", "commandUser", "line-host"));
        cell.start(Map.of()).awaitHealthy(START);
        http = cell.http();
        Await.until(
                "plugins deployed",
                WAIT,
                () -> http.get("/api/device-types").body().contains("mock-servo")
                        && http.get("/api/functions").body().contains("core.add"));
    }

    @AfterClass
    public static void stopAll() {
        if (cell != null) {
            cell.close();
        }
        if (host != null) {
            host.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    public void a_birthsTheNodeWithBdSeqAndAServosSignalsWithTypesThenDataAsItMoves() {
        Received nbirth = host.await("NBIRTH of cell-1", WAIT, m -> m.topic().equals(sp("NBIRTH", "cell-1")));
        SparkplugBPayload birth = nbirth.sparkplug();
        assertEquals("NBIRTH's seq", 0L, (long) birth.getSeq());
        assertTrue("bdSeq is an Int64 metric", SparkplugSubscriber.is(nbirth.metric("bdSeq"), MetricDataType.Int64));
        assertTrue(SparkplugSubscriber.is(nbirth.metric("Node Control/Rebirth"), MetricDataType.Boolean));
        assertEquals(false, nbirth.metric("Node Control/Rebirth").getValue());

        created("{\"id\":\"axis-1\",\"type\":\"mock-servo\",\"name\":\"Axis 1\","
                + "\"config\":{\"minPosition\":0,\"maxPosition\":200,\"maxSpeed\":1000}}");
        connect("axis-1");
        Received dbirth = host.await("DBIRTH of axis-1", WAIT, m -> m.topic().equals(sp("DBIRTH", "cell-1/axis-1")));
        Metric position = dbirth.metric("position");
        assertTrue("position is a Double: " + position, SparkplugSubscriber.is(position, MetricDataType.Double));
        assertEquals("mm", position.getProperties().getPropertyValue("unit").getValue());
        assertNotNull("a Quality property", position.getProperties().getPropertyValue("Quality"));
        assertTrue(SparkplugSubscriber.is(dbirth.metric("moving"), MetricDataType.Boolean));
        assertTrue(SparkplugSubscriber.is(dbirth.metric("fault"), MetricDataType.Boolean));

        HttpResponse<String> move = http.post("/api/executions?wait=true", """
                {"name":"move","nodes":[{"id":"m","function":"servo.move_to","device":"axis-1","params":{"position":150}}]}""");
        assertEquals(move.body(), 200, move.statusCode());
        Received arrived = host.await(
                "DDATA of axis-1 at 150 mm",
                WAIT,
                m -> m.topic().equals(sp("DDATA", "cell-1/axis-1"))
                        && m.metric("position") != null
                        && ((Number) m.metric("position").getValue()).doubleValue() == 150.0);
        assertFalse(
                "live data is not historical",
                Boolean.TRUE.equals(arrived.metric("position").isHistorical()));
        assertSeqFollowsOnFromTheLastBirth("cell-1");
        long ddata = host.count(m -> m.topic().equals(sp("DDATA", "cell-1/axis-1")));
        System.out.printf(
                "mqtt: NBIRTH bdSeq %d, DBIRTH of axis-1 with %d metrics, %d DDATA for one move%n",
                SparkplugSubscriber.longValue(nbirth.metric("bdSeq")),
                dbirth.sparkplug().getMetrics().size(),
                ddata);
    }

    @Test
    public void b_executionEventsArriveAsJsonInOrderAndOnceAcrossABrokerOutage() {
        // live: latency from the event's timestamp to the subscriber, and the rate of a burst
        int liveRuns = 100;
        long burstStart = System.nanoTime();
        String lastLive = null;
        for (int i = 0; i < liveRuns; i++) {
            HttpResponse<String> run = http.post("/api/executions?wait=true", QUICK);
            assertEquals(run.body(), 200, run.statusCode());
            lastLive = Json.of(run).path("id").asText();
        }
        String lastLiveId = lastLive;
        host.await(
                "the live runs' last event",
                WAIT,
                m -> isEvent(m, "pipeline/COMPLETED") && m.text().contains(lastLiveId));
        long burstNanos = System.nanoTime() - burstStart;
        List<Long> latencies = new ArrayList<>();
        int liveEvents = 0;
        for (Received m : host.received()) {
            if (m.topic().startsWith(events("cell-1")) && m.receivedNanos() >= burstStart) {
                JsonNode event = Json.parse(m.text());
                latencies.add(m.receivedMillis()
                        - Instant.parse(event.path("timestamp").asText()).toEpochMilli());
                liveEvents++;
            }
        }
        Collections.sort(latencies);

        // the outage: runs go on, the bridge's cursor stays where the broker last acknowledged
        broker.stop();
        Await.until(
                "the bridge sees the broker gone",
                WAIT,
                () -> !mqttHealth(cell).path("connected").asBoolean());
        int outageRuns = 200;
        Set<String> outageIds = new HashSet<>();
        for (int i = 0; i < outageRuns; i++) {
            HttpResponse<String> run = http.post("/api/executions?wait=true", QUICK);
            assertEquals(run.body(), 200, run.statusCode());
            outageIds.add(Json.of(run).path("id").asText());
        }
        Await.until(
                "the backlog counted",
                WAIT,
                () -> mqttHealth(cell).path("backlog").asLong() >= outageRuns * 6L);
        long backlog = mqttHealth(cell).path("backlog").asLong();
        long restartedAt = System.nanoTime();
        broker.start();
        // the bridge's own pace: from its reconnect to an empty backlog, as its health says (polled)
        Await.until(
                "the bridge reconnected",
                WAIT,
                () -> mqttHealth(cell).path("connected").asBoolean());
        long reconnectedAt = System.nanoTime();
        Await.until(
                "the backlog published",
                WAIT,
                () -> mqttHealth(cell).path("backlog").asLong() == 0);
        long publishedAt = System.nanoTime();
        Await.until(
                "every outage run's end delivered",
                Duration.ofSeconds(60),
                () -> outageIds.stream()
                        .allMatch(id -> host.count(m -> isEvent(m, "pipeline/COMPLETED")
                                        && m.text().contains(id))
                                > 0));
        long drainNanos = System.nanoTime() - restartedAt;
        Await.until(
                "backlog drained", WAIT, () -> mqttHealth(cell).path("backlog").asLong() == 0);

        // every execution event of this epoch, as the controller's own log replays it
        String epoch = mqttHealth(cell).path("cursor").asText().split(":")[0];
        List<String> expected;
        try (EventStreamClient log = EventStreamClient.connect(
                cell.port(), "since=" + epoch + ":0&topics=gantry/pipeline/*,gantry/node/*", cell.adminToken())) {
            Await.until(
                    "the log replayed up to the last outage run",
                    WAIT,
                    () -> log.messages().stream()
                                    .filter(m -> m.contains("gantry/pipeline/COMPLETED"))
                                    .count()
                            >= liveRuns + outageRuns);
            expected = log.messages().stream()
                    .map(Json::parse)
                    .filter(e -> e.has("seq"))
                    .map(e -> e.path("epoch").asText() + ":" + e.path("seq").asLong())
                    .collect(Collectors.toList());
        }
        List<String> got = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int redelivered = 0;
        int repeatedByBroker = 0; // neither marked by the bridge nor flagged DUP: the broker's restart
        Map<String, String> firstText = new HashMap<>();
        long previous = 0;
        for (Received m : host.received()) {
            if (!m.topic().startsWith(events("cell-1")) || m.topic().endsWith("stream/DROPPED")) {
                continue;
            }
            JsonNode event = Json.parse(m.text());
            if (!event.path("epoch").asText().equals(epoch)) {
                continue;
            }
            String name = epoch + ":" + event.path("seq").asLong();
            String text = withoutMark(event);
            firstText.putIfAbsent(name, text);
            if (!seen.add(name)) {
                // only what MQTT itself may repeat: a QoS 1 redelivery, or a send the link cut before its ack
                // QoS 1 is at least once: the bridge marks what it sends again, and a broker restarted
                // from its persistence may itself deliver again what the host had not yet acknowledged.
                // Either way it is the same message, and epoch:seq tells the host it has it already.
                assertEquals("a repeat is the same event: " + name, firstText.get(name), text);
                redelivered++;
                if (!m.duplicate() && !event.path("redelivered").asBoolean()) {
                    repeatedByBroker++;
                }
                continue;
            }
            assertTrue(
                    "in order: " + name + " after seq " + previous,
                    event.path("seq").asLong() > previous);
            previous = event.path("seq").asLong();
            got.add(name);
        }
        assertEquals("every execution event of the epoch, once, in order", expected, got);
        System.out.printf(
                "mqtt: the bridge published its backlog of %d events within %.0f ms of reconnecting (>= %.0f events/s; health polled, so an upper bound on the time)%n",
                backlog,
                (publishedAt - reconnectedAt) / 1e6,
                backlog / Math.max(1e-9, (publishedAt - reconnectedAt) / 1e9));
        long drained = backlog;
        System.out.printf(
                "mqtt: live %d runs, %d events in %.2f s (%.0f events/s); latency engine -> broker -> subscriber p50 %d ms, p99 %d ms, max %d ms%n",
                liveRuns,
                liveEvents,
                burstNanos / 1e9,
                liveEvents / (burstNanos / 1e9),
                percentile(latencies, 50),
                percentile(latencies, 99),
                latencies.get(latencies.size() - 1));
        System.out.printf(
                "mqtt: broker down for %d runs: backlog %d events; drained in %.2f s after the broker came back (%.0f events/s, reconnect included); %d delivered again (%d of them by the restarted broker)%n",
                outageRuns, backlog, drainNanos / 1e9, drained / (drainNanos / 1e9), redelivered, repeatedByBroker);
    }

    @Test
    public void bb_dataChangedWhileTheBridgeCannotReachItsBrokerComesLaterAsHistorical() {
        // the broker stays up for the host (Sparkplug data is QoS 0, not queued for a host away); the
        // bridge is pointed, live, at a port where nothing listens, then back
        long bdSeq = mqttHealth(cell).path("bdSeq").asLong();
        int deadPort = io.gantry.itests.support.GantryContainer.freePort();
        configure(cell, "cell-1", Map.of("brokerUrl", "tcp://127.0.0.1:" + deadPort));
        Await.until("the bridge pointed nowhere", WAIT, () -> {
            JsonNode health = mqttHealth(cell);
            return !health.path("connected").asBoolean()
                    && health.path("broker").asText().endsWith(":" + deadPort);
        });
        HttpResponse<String> away = http.post("/api/executions?wait=true", """
                {"name":"move","nodes":[{"id":"m","function":"servo.move_to","device":"axis-1","params":{"position":20}}]}""");
        assertEquals(away.body(), 200, away.statusCode());
        int index = host.received().size();
        configure(cell, "cell-1", Map.of("commandsEnabled", "true", "commandUser", "line-host"));
        Received nbirth = host.await(
                "NBIRTH back", WAIT, m -> after(m, index) && m.topic().equals(sp("NBIRTH", "cell-1")));
        assertTrue("a new connection, a new bdSeq", SparkplugSubscriber.longValue(nbirth.metric("bdSeq")) > bdSeq);
        Received replayed = host.await(
                "the move's DDATA replayed",
                WAIT,
                m -> after(m, index)
                        && m.topic().equals(sp("DDATA", "cell-1/axis-1"))
                        && m.metric("position") != null
                        && ((Number) m.metric("position").getValue()).doubleValue() == 20.0);
        assertEquals(
                "replayed data older than the birth",
                Boolean.TRUE,
                replayed.metric("position").isHistorical());
        assertTrue(
                "after the births",
                host.received().indexOf(replayed) > host.received().indexOf(nbirth));
        assertSeqFollowsOnFromTheLastBirth("cell-1");
    }

    @Test
    public void bc_aBacklogBeyondMaxBacklogDropsTheOldestAndSaysSo() {
        int maxBacklog = 60;
        int deadPort = io.gantry.itests.support.GantryContainer.freePort();
        configure(cell, "cell-1", Map.of("brokerUrl", "tcp://127.0.0.1:" + deadPort, "maxBacklog", "" + maxBacklog));
        Await.until(
                "the bridge pointed nowhere",
                WAIT,
                () -> mqttHealth(cell).path("broker").asText().endsWith(":" + deadPort));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) { // 6 events a run: 180, three times what may wait
            HttpResponse<String> run = http.post("/api/executions?wait=true", QUICK);
            assertEquals(run.body(), 200, run.statusCode());
            ids.add(Json.of(run).path("id").asText());
        }
        int index = host.received().size();
        configure(
                cell,
                "cell-1",
                Map.of("commandsEnabled", "true", "commandUser", "line-host", "maxBacklog", "" + maxBacklog));
        Received dropped = host.await(
                "the drop announced",
                WAIT,
                m -> after(m, index) && m.topic().equals(events("cell-1") + "stream/DROPPED"));
        JsonNode notice = Json.parse(dropped.text());
        assertEquals(dropped.text(), "backlog", notice.path("reason").asText());
        assertTrue(dropped.text(), notice.path("dropped").asLong() >= 180 - maxBacklog);
        String lastRun = ids.get(ids.size() - 1);
        host.await(
                "the newest run delivered",
                WAIT,
                m -> after(m, index)
                        && isEvent(m, "pipeline/COMPLETED")
                        && m.text().contains(lastRun));
        assertEquals(
                "the oldest run of the outage was dropped, not sent",
                0,
                host.count(m -> after(m, index) && m.text().contains(ids.get(0))));
        long delivered = host.count(m -> after(m, index)
                && m.topic().startsWith(events("cell-1"))
                && !m.topic().endsWith("stream/DROPPED"));
        assertTrue("at most maxBacklog events after the drop: " + delivered, delivered <= maxBacklog);
        System.out.printf(
                "mqtt: backlog of 180 events over maxBacklog %d: %d dropped and announced, %d delivered%n",
                maxBacklog, notice.path("dropped").asLong(), delivered);
    }

    @Test
    public void c_aRebirthRequestBringsNbirthAndDbirthsWithSeqReset() {
        // the NBIRTH after the outage went out (QoS 0) before the host was back: ask the bridge for its bdSeq
        long bdSeq = mqttHealth(cell).path("bdSeq").asLong();
        int index = host.received().size();
        host.command(sp("NCMD", "cell-1"), "Node Control/Rebirth", MetricDataType.Boolean, true);
        Received nbirth = host.await(
                "a new NBIRTH", WAIT, m -> after(m, index) && m.topic().equals(sp("NBIRTH", "cell-1")));
        assertEquals(0L, (long) nbirth.sparkplug().getSeq());
        assertEquals(
                "a rebirth keeps the connection's bdSeq", bdSeq, SparkplugSubscriber.longValue(nbirth.metric("bdSeq")));
        int birthIndex = host.received().indexOf(nbirth);
        Received dbirth = host.await(
                "axis-1 born again",
                WAIT,
                m -> host.received().indexOf(m) > birthIndex && m.topic().equals(sp("DBIRTH", "cell-1/axis-1")));
        assertNotNull(dbirth.metric("position"));
        assertSeqFollowsOnFromTheLastBirth("cell-1");
    }

    @Test
    public void cc_aDeviceThatDisconnectsDiesAndIsBornAgainWhenItConnects() {
        int index = host.received().size();
        HttpResponse<String> off = http.post("/api/devices/axis-1/disconnect", "");
        assertEquals(off.body(), 200, off.statusCode());
        Received death = host.await(
                "DDEATH of axis-1", WAIT, m -> after(m, index) && m.topic().equals(sp("DDEATH", "cell-1/axis-1")));
        connect("axis-1");
        int deathIndex = host.received().indexOf(death);
        Received birth = host.await(
                "DBIRTH of axis-1 again",
                WAIT,
                m -> host.received().indexOf(m) > deathIndex && m.topic().equals(sp("DBIRTH", "cell-1/axis-1")));
        assertNotNull(birth.metric("position"));
        assertSeqFollowsOnFromTheLastBirth("cell-1");
    }

    @Test
    public void d_commandsActAsTheConfiguredUserOnlyWithTheRightRoleAndAreAudited() {
        assertEquals(
                201,
                http.post("/api/users", "{\"name\":\"line-host\",\"role\":\"operator\"}")
                        .statusCode());
        assertEquals(
                201,
                http.post("/api/users", "{\"name\":\"watcher\",\"role\":\"viewer\"}")
                        .statusCode());
        created("{\"id\":\"part-sensor\",\"type\":\"mock-digital-input\",\"name\":\"Part\",\"config\":{}}");
        connect("part-sensor");
        host.await("DBIRTH of part-sensor", WAIT, m -> m.topic().equals(sp("DBIRTH", "cell-1/part-sensor")));

        host.command(sp("DCMD", "cell-1/part-sensor"), "value", MetricDataType.Boolean, true);
        Await.until(
                "the sensor set from MQTT",
                WAIT,
                () -> Json.of(http.get("/api/devices/part-sensor/signals/value"))
                        .path("value")
                        .asBoolean());
        JsonNode write = audit("mqtt DCMD", "ok");
        assertEquals("line-host", write.path("who").asText());
        assertEquals("devices/part-sensor/signals/value", write.path("target").asText());
        assertEquals("mqtt " + broker.url(), write.path("source").asText());

        assertEquals(201, http.post("/api/pipelines", """
                {"id":"mqtt-run","name":"mqtt run","nodes":[{"id":"c","function":"core.constant","params":{"value":7}}],"edges":[]}""").statusCode());
        host.command(sp("NCMD", "cell-1"), "Gantry/Run", MetricDataType.String, "{\"pipelineId\":\"mqtt-run\"}");
        JsonNode run = audit("mqtt NCMD Gantry/Run", "ok");
        String executionId = run.path("detail").asText().replace("execution ", "");
        assertEquals(
                "line-host",
                Json.of(http.get("/api/executions/" + executionId))
                        .path("startedBy")
                        .asText());

        // a viewer, changed live: the bridge says NDEATH, connects again, and refuses
        long bdSeq = mqttHealth(cell).path("bdSeq").asLong();
        configure(cell, "cell-1", Map.of("commandsEnabled", "true", "commandUser", "watcher"));
        host.await(
                "NDEATH of the old connection",
                WAIT,
                m -> m.topic().equals(sp("NDEATH", "cell-1"))
                        && SparkplugSubscriber.longValue(m.metric("bdSeq")) == bdSeq);
        awaitBirthAfter(bdSeq);
        host.command(sp("DCMD", "cell-1/part-sensor"), "value", MetricDataType.Boolean, false);
        JsonNode denied = audit("mqtt DCMD", "denied");
        assertTrue(
                denied.path("detail").asText(), denied.path("detail").asText().contains("needs operator"));
        assertTrue(Json.of(http.get("/api/devices/part-sensor/signals/value"))
                .path("value")
                .asBoolean());

        // commands off
        long viewerBdSeq = mqttHealth(cell).path("bdSeq").asLong();
        configure(cell, "cell-1", Map.of());
        awaitBirthAfter(viewerBdSeq);
        host.command(sp("NCMD", "cell-1"), "Gantry/Run", MetricDataType.String, "{\"pipelineId\":\"mqtt-run\"}");
        Await.until(
                "the run refused",
                WAIT,
                () -> entries("mqtt NCMD Gantry/Run").stream()
                        .anyMatch(e -> e.path("outcome").asText().equals("denied")
                                && e.path("detail").asText().contains("commands are off")));
        System.out.printf(
                "mqtt: commands audited: %s%n",
                entries("mqtt").stream()
                        .map(e -> e.path("action").asText() + " "
                                + e.path("outcome").asText())
                        .collect(Collectors.toList()));
    }

    @Test
    public void dd_overTlsTheBridgeTrustsTheBrokersCertificateAndLogsInOnlyWithTheRightPassword() {
        Map<String, String> tls = new LinkedHashMap<>(Map.of(
                "brokerUrl",
                broker.tlsUrl(),
                "username",
                MosquittoProcess.USER,
                "password",
                "wrong",
                "trustStore",
                broker.trustStore().toAbsolutePath().toString(),
                "trustStorePassword",
                MosquittoProcess.TRUST_STORE_PASSWORD));
        // without the trust store the JDK's own trust anchors know nothing of the broker's certificate
        Map<String, String> untrusted = new LinkedHashMap<>(tls);
        untrusted.remove("trustStore");
        untrusted.remove("trustStorePassword");
        untrusted.put("password", MosquittoProcess.PASSWORD);
        configure(cell, "cell-1", untrusted);
        Await.until("the certificate refused", WAIT, () -> {
            JsonNode health = mqttHealth(cell);
            return health.path("broker").asText().equals(broker.tlsUrl())
                    && !health.path("connected").asBoolean()
                    && !health.path("lastError").asText().isEmpty();
        });
        assertTrue(
                mqttHealth(cell).toString(),
                !mqttHealth(cell).path("lastError").asText().contains("Not authorized"));

        configure(cell, "cell-1", tls);
        Await.until("the broker's refusal", WAIT, () -> {
            JsonNode health = mqttHealth(cell);
            return health.path("broker").asText().equals(broker.tlsUrl())
                    && !health.path("connected").asBoolean()
                    && health.path("lastError").asText().contains("Not authorized");
        });
        String refusal = mqttHealth(cell).path("lastError").asText();
        assertTrue(
                refusal,
                refusal.toLowerCase(java.util.Locale.ROOT).contains("not authori")
                        || refusal.toLowerCase(java.util.Locale.ROOT).contains("password"));

        int index = host.received().size();
        tls.put("password", MosquittoProcess.PASSWORD);
        tls.putAll(Map.of("commandsEnabled", "true", "commandUser", "line-host"));
        configure(cell, "cell-1", tls);
        host.await("NBIRTH over TLS", WAIT, m -> after(m, index) && m.topic().equals(sp("NBIRTH", "cell-1")));
        assertTrue(mqttHealth(cell).path("connected").asBoolean());
        System.out.printf("mqtt: over TLS a wrong password is refused (%s), the right one births the node%n", refusal);

        configure(cell, "cell-1", Map.of("commandsEnabled", "true", "commandUser", "line-host"));
        Await.until("back on the plain listener", WAIT, () -> {
            JsonNode health = mqttHealth(cell);
            return health.path("broker").asText().equals(broker.url())
                    && health.path("connected").asBoolean();
        });
    }

    @Test
    public void e_theWillSaysNdeathWithTheBirthsBdSeqAfterKillMinus9AndTheNextStartTakesTheNext() {
        Received nbirth = last(sp("NBIRTH", "cell-1"));
        long bdSeq = SparkplugSubscriber.longValue(nbirth.metric("bdSeq"));
        assertEquals(
                "the last NBIRTH is the connection's",
                mqttHealth(cell).path("bdSeq").asLong(),
                bdSeq);
        int index = host.received().size();
        cell.kill();
        Received ndeath = host.await(
                "NDEATH from the will", WAIT, m -> after(m, index) && m.topic().equals(sp("NDEATH", "cell-1")));
        assertEquals("the will's bdSeq is the birth's", bdSeq, SparkplugSubscriber.longValue(ndeath.metric("bdSeq")));

        cell.start(Map.of()).awaitHealthy(START);
        Received reborn = host.await(
                "NBIRTH after the restart",
                WAIT,
                m -> after(m, index) && m.topic().equals(sp("NBIRTH", "cell-1")));
        assertEquals(
                "the bdSeq goes on across the restart",
                (bdSeq + 1) % 256,
                SparkplugSubscriber.longValue(reborn.metric("bdSeq")));
        // the restarted bridge goes on from its cursor: a run of the new start arrives, and nothing
        // from before the crash comes again unless marked as possibly repeated
        HttpResponse<String> run = http.post("/api/executions?wait=true", QUICK);
        assertEquals(run.body(), 200, run.statusCode());
        String id = Json.of(run).path("id").asText();
        host.await(
                "a run of the new start",
                WAIT,
                m -> after(m, index)
                        && isEvent(m, "pipeline/COMPLETED")
                        && m.text().contains(id));
        Set<String> names = new HashSet<>();
        Map<String, String> firstText = new HashMap<>();
        int again = 0;
        for (Received m : host.received()) {
            if (m.topic().startsWith(events("cell-1")) && !m.topic().endsWith("stream/DROPPED")) {
                JsonNode event = Json.parse(m.text());
                String name =
                        event.path("epoch").asText() + ":" + event.path("seq").asLong();
                String text = withoutMark(event);
                firstText.putIfAbsent(name, text);
                if (!names.add(name)) {
                    // at least once (see b_): the same event again, known by its epoch:seq
                    assertEquals("a repeat is the same event: " + name, firstText.get(name), text);
                    again++;
                }
            }
        }
        System.out.printf(
                "mqtt: kill -9 -> NDEATH bdSeq %d from the will; restart -> NBIRTH bdSeq %d, then the new start's"
                        + " events; %d events seen in all, %d seen again%n",
                bdSeq, SparkplugSubscriber.longValue(reborn.metric("bdSeq")), names.size(), again);
    }

    @Test
    public void f_aFleetOfThreeControllersOnOneBrokerIsSeenByOneHost() {
        List<DistributionProcess> others = new ArrayList<>();
        try {
            for (String node : List.of("cell-2", "cell-3")) {
                DistributionProcess other = DistributionProcess.copyTo(Path.of("target/itest-mqtt/" + node));
                configure(other, node, Map.of());
                other.start(Map.of());
                others.add(other);
            }
            others.forEach(other -> other.awaitHealthy(START));
            Map<String, Http> fleet = new LinkedHashMap<>();
            fleet.put("cell-1", http);
            fleet.put("cell-2", others.get(0).http());
            fleet.put("cell-3", others.get(1).http());
            Map<String, String> runs = new HashMap<>();
            for (Map.Entry<String, Http> member : fleet.entrySet()) {
                host.await("NBIRTH of " + member.getKey(), START, m -> m.topic().equals(sp("NBIRTH", member.getKey())));
                Await.until(
                        member.getKey() + " has its functions",
                        WAIT,
                        () -> member.getValue().get("/api/functions").body().contains("core.add"));
                HttpResponse<String> run = member.getValue().post("/api/executions?wait=true", QUICK);
                assertEquals(run.body(), 200, run.statusCode());
                runs.put(member.getKey(), Json.of(run).path("id").asText());
            }
            for (Map.Entry<String, String> run : runs.entrySet()) {
                host.await(
                        "the run of " + run.getKey(),
                        WAIT,
                        m -> m.topic().equals(events(run.getKey()) + "pipeline/COMPLETED")
                                && m.text().contains(run.getValue()));
            }
            int index = host.received().size();
            for (DistributionProcess other : others) {
                assertEquals(0, other.stop(WAIT));
            }
            for (String node : List.of("cell-2", "cell-3")) {
                host.await(
                        "NDEATH of " + node + " on its clean stop",
                        WAIT,
                        m -> after(m, index) && m.topic().equals(sp("NDEATH", node)));
            }
            Set<String> nodes = host.received().stream()
                    .filter(m -> "NBIRTH".equals(SparkplugSubscriber.type(m.topic())))
                    .map(m -> m.topic().substring(m.topic().lastIndexOf('/') + 1))
                    .collect(Collectors.toCollection(java.util.TreeSet::new));
            System.out.printf("mqtt: one host saw the edge nodes %s of group %s%n", nodes, GROUP);
            assertEquals(Set.of("cell-1", "cell-2", "cell-3"), nodes);
        } finally {
            others.forEach(DistributionProcess::close);
        }
    }

    // ---- helpers

    @Test
    public void z_removingTheConfigurationStopsTheBridgeWithAnNdeath() throws IOException {
        int index = host.received().size();
        Files.delete(cell.home().resolve("deploy").resolve("io.gantry.mqtt.cfg"));
        host.await(
                "NDEATH on the bridge's stop",
                WAIT,
                m -> after(m, index) && m.topic().equals(sp("NDEATH", "cell-1")));
        Await.until(
                "no mqtt part in the health",
                WAIT,
                () -> !Json.of(http.get("/api/health")).path("checks").has("mqtt"));
        HttpResponse<String> run = http.post("/api/executions?wait=true", QUICK);
        assertEquals("the controller runs on without it", 200, run.statusCode());
    }

    /** @return an event message's text without the bridge's {@code redelivered} mark */
    private static String withoutMark(JsonNode event) {
        return ((ObjectNode) event.deepCopy()).without("redelivered").toString();
    }

    private static void configure(DistributionProcess gantry, String node, Map<String, String> extra) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("brokerUrl", broker.url());
        config.put("groupId", GROUP);
        config.put("edgeNodeId", node);
        config.put("reconnectMaxDelayMs", "1000");
        config.putAll(extra);
        StringBuilder text = new StringBuilder();
        config.forEach(
                (key, value) -> text.append(key).append('=').append(value).append('\n'));
        try {
            Path deploy = gantry.home().resolve("deploy");
            Path aside = deploy.resolve("io.gantry.mqtt.cfg.tmp");
            Files.writeString(aside, text.toString());
            Files.move(
                    aside,
                    deploy.resolve("io.gantry.mqtt.cfg"),
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sp(String type, String nodeAndDevice) {
        String[] parts = nodeAndDevice.split("/", 2);
        return "spBv1.0/" + GROUP + "/" + type + "/" + parts[0] + (parts.length > 1 ? "/" + parts[1] : "");
    }

    private static String events(String node) {
        return "gantry/" + GROUP + "/" + node + "/events/";
    }

    private static boolean isEvent(Received m, String topicAfterGantry) {
        return m.topic().equals(events("cell-1") + topicAfterGantry);
    }

    private static boolean after(Received m, int index) {
        return host.received().indexOf(m) >= index;
    }

    private static Received last(String topic) {
        List<Received> all = host.received();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).topic().equals(topic)) {
                return all.get(i);
            }
        }
        throw new AssertionError("nothing on " + topic);
    }

    private static void awaitBirthAfter(long bdSeq) {
        host.await(
                "NBIRTH after bdSeq " + bdSeq,
                WAIT,
                m -> m.topic().equals(sp("NBIRTH", "cell-1"))
                        && SparkplugSubscriber.longValue(m.metric("bdSeq")) == (bdSeq + 1) % 256);
    }

    /** Every Sparkplug message of the node since its last NBIRTH takes the next seq. */
    private static void assertSeqFollowsOnFromTheLastBirth(String node) {
        List<Received> all = host.received();
        int start = -1;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).topic().equals(sp("NBIRTH", node))) {
                start = i;
            }
        }
        long expected = 0;
        for (int i = start; i < all.size(); i++) {
            Received m = all.get(i);
            String type = SparkplugSubscriber.type(m.topic());
            boolean ofNode = m.topic().startsWith("spBv1.0/" + GROUP + "/" + type + "/" + node);
            if (type != null && ofNode && !type.equals("NDEATH") && !type.endsWith("CMD")) {
                assertEquals(type + " " + m.topic() + " seq", expected, (long)
                        m.sparkplug().getSeq());
                expected = (expected + 1) % 256;
            }
        }
    }

    private static void created(String device) {
        HttpResponse<String> answer = http.post("/api/devices", device);
        assertEquals(answer.body(), 201, answer.statusCode());
    }

    private static void connect(String id) {
        HttpResponse<String> answer = http.post("/api/devices/" + id + "/connect", "");
        assertEquals(answer.body(), 200, answer.statusCode());
        assertEquals("CONNECTED", Json.of(answer).path("status").asText());
    }

    private static JsonNode mqttHealth(DistributionProcess gantry) {
        return Json.of(gantry.http().get("/api/health")).path("checks").path("mqtt");
    }

    private static List<JsonNode> entries(String action) {
        List<JsonNode> found = new ArrayList<>();
        Json.of(http.get("/api/audit?action=" + action.replace(" ", "%20").replace("/", "%2F") + "&limit=100"))
                .forEach(found::add);
        return found;
    }

    private static JsonNode audit(String action, String outcome) {
        JsonNode[] found = new JsonNode[1];
        Await.until(action + " " + outcome + " in the audit trail", WAIT, () -> {
            for (JsonNode entry : entries(action)) {
                if (entry.path("action").asText().equals(action)
                        && entry.path("outcome").asText().equals(outcome)) {
                    found[0] = entry;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    private static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return -1;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
