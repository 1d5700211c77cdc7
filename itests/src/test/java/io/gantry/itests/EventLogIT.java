package io.gantry.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.gantry.itests.support.Await;
import io.gantry.itests.support.DistributionProcess;
import io.gantry.itests.support.EventStreamClient;
import io.gantry.itests.support.Http;
import io.gantry.itests.support.Json;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.After;
import org.junit.Test;

/**
 * The durable event log of the built distribution: a WebSocket client that was away while the
 * controller was killed with -9 and started again resumes with {@code since=<epoch>:<seq>} and gets,
 * in order and once each, every event it missed — those the dead process had written, then the new
 * start's, among them the end of the run the kill cut off.
 */
public class EventLogIT {
    private static final Duration START = Duration.ofSeconds(90);
    private static final Duration WAIT = Duration.ofSeconds(30);
    private DistributionProcess gantry;

    @After
    public void stop() {
        if (gantry != null) {
            gantry.close();
        }
    }

    @Test
    public void aClientResumesAcrossAKillMinus9WithEveryEventInOrderAndNoneTwice() {
        gantry = DistributionProcess.copyTo(Path.of("target/itest-eventlog/gantry"))
                .start(Map.of())
                .awaitHealthy(START);
        Http http = gantry.http();
        Await.until(
                "core functions deployed",
                WAIT,
                () -> http.get("/api/functions").body().contains("core.delay"));
        List<String> before;
        String cut;
        try (EventStreamClient live = EventStreamClient.connect(gantry.port(), "", gantry.adminToken())) {
            for (int run = 0; run < 20; run++) {
                HttpResponse<String> quick = http.post("/api/executions?wait=true", """
                        {"name":"quick","nodes":[{"id":"a","function":"core.constant","params":{"value":1}},
                        {"id":"b","function":"core.add","params":{"b":2}}],
                        "edges":[{"from":"a.value","to":"b.a"}]}""");
                assertEquals(quick.body(), 200, quick.statusCode());
            }
            HttpResponse<String> longRun = http.post("/api/executions", """
                    {"name":"long","nodes":[{"id":"wait","function":"core.delay","params":{"ms":600000}}],"edges":[]}""");
            assertEquals(longRun.body(), 202, longRun.statusCode());
            cut = Json.of(longRun).path("id").asText();
            Await.until(
                    "the long run's node executing",
                    WAIT,
                    () -> live.messages().stream()
                            .anyMatch(m -> m.contains("gantry/node/EXECUTING") && m.contains(cut)));
            before = live.messages();
            long last = EventStreamClient.seq(before.get(before.size() - 1));
            // kill only once the log has everything this client saw: what it holds is what must come back
            Await.until(
                    "the event log has written event " + last,
                    WAIT,
                    () -> eventLog(http).path("written").asLong() >= last);
        }
        String oldEpoch = Json.parse(before.get(0)).path("epoch").asText();
        assertTrue("events carry their epoch: " + before.get(0), oldEpoch.matches("[A-Za-z0-9]{8}"));
        int resumeAt = before.size() / 2;
        String since = oldEpoch + ":" + EventStreamClient.seq(before.get(resumeAt - 1));
        List<String> missed = before.subList(resumeAt, before.size());

        gantry.kill();
        gantry.start(Map.of()).awaitHealthy(START);
        String newEpoch = eventLog(http).path("epoch").asText();
        assertNotEquals("a start begins a new epoch", oldEpoch, newEpoch);

        try (EventStreamClient resumed =
                EventStreamClient.connect(gantry.port(), "since=" + since, gantry.adminToken())) {
            Await.until(
                    "the cut run's end replayed",
                    WAIT,
                    () -> resumed.messages().stream()
                            .anyMatch(m -> m.contains("gantry/pipeline/FAILED") && m.contains(cut)));
            List<String> got = resumed.messages();
            List<String> fromOldEpoch = new ArrayList<>();
            Set<String> names = new HashSet<>();
            String previous = null;
            for (String message : got) {
                JsonNode event = Json.parse(message);
                assertTrue("no gap in a log that kept everything: " + message, event.has("seq"));
                String name =
                        event.path("epoch").asText() + ":" + event.path("seq").asLong();
                assertTrue("sent twice: " + name, names.add(name));
                if (previous != null
                        && event.path("epoch")
                                .asText()
                                .equals(Json.parse(previous).path("epoch").asText())) {
                    assertEquals(
                            "in order after " + previous,
                            EventStreamClient.seq(previous) + 1,
                            event.path("seq").asLong());
                }
                if (event.path("epoch").asText().equals(oldEpoch)) {
                    assertTrue("the old epoch's events come first", fromOldEpoch.size() == names.size() - 1);
                    fromOldEpoch.add(message);
                }
                previous = message;
            }
            // the same text as live, for every event missed; then any the dead process wrote after it
            assertEquals(missed, fromOldEpoch.subList(0, missed.size()));
            JsonNode end = got.stream()
                    .map(Json::parse)
                    .filter(e -> e.path("topic").asText().equals("gantry/pipeline/FAILED"))
                    .filter(e -> e.path("executionId").asText().equals(cut))
                    .findFirst()
                    .orElseThrow();
            assertEquals(newEpoch, end.path("epoch").asText());
            assertEquals("controller-restarted", end.path("errorCode").asText());
            System.out.printf(
                    "event log: resumed across kill -9 from %s: %d events of the old epoch (%d missed live), %d of the new%n",
                    since, fromOldEpoch.size(), missed.size(), got.size() - fromOldEpoch.size());
        }
    }

    private static JsonNode eventLog(Http http) {
        return Json.of(http.get("/api/health")).path("checks").path("eventlog");
    }
}
