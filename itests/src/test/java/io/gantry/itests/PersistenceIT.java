package io.gantry.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.gantry.itests.support.Await;
import io.gantry.itests.support.DistributionProcess;
import io.gantry.itests.support.Http;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.After;
import org.junit.Test;

/**
 * The built distribution stopped and started again — cleanly, and by pulling the plug: what it
 * acknowledged is all there and intact, connected devices reconnect, interrupted runs say so.
 */
public class PersistenceIT {
    private static final Duration START = Duration.ofSeconds(90);
    private static final Duration RUN = Duration.ofSeconds(30);
    private DistributionProcess gantry;

    @After
    public void stop() {
        if (gantry != null) {
            gantry.close();
        }
    }

    @Test
    public void everythingIsBackAfterARestartAndConnectedDevicesReconnect() {
        gantry = DistributionProcess.copyTo(Path.of("target/itest-persistence/restart"))
                .start(Map.of())
                .awaitHealthy(START);
        Http http = gantry.http();
        Await.until(
                "mock-servo deployed",
                RUN,
                () -> http.get("/api/device-types").body().contains("mock-servo"));
        created(http.post("/api/devices", """
                {"id":"axis-1","type":"mock-servo","name":"Axis 1","config":{"minPosition":0,"maxPosition":100,"maxSpeed":500}}"""));
        assertEquals(200, http.post("/api/devices/axis-1/connect", "").statusCode());
        created(http.post("/api/devices", """
                {"id":"axis-2","type":"mock-servo","name":"Axis 2","config":{"minPosition":0,"maxPosition":10,"maxSpeed":5}}"""));
        created(http.post("/api/pipelines", movePipeline("move", 10)));
        assertEquals(
                200,
                http.send("PUT", "/api/pipelines/move", movePipeline("move", 20))
                        .statusCode());
        HttpResponse<String> run = http.post("/api/pipelines/move/executions?wait=true", "{}");
        assertEquals(run.body(), 200, run.statusCode());
        String executionId = field(run.body(), "id");

        assertEquals(0, gantry.stop(RUN));
        // the first start recorded its classes at exit; the restart uses them (bin/gantry, AppCDS)
        assertEquals(List.of(".jsa.new"), cdsArchives());
        gantry.start(Map.of()).awaitHealthy(START);
        assertEquals(List.of(".jsa"), cdsArchives());

        Await.until(
                "axis-1 reconnected",
                RUN,
                () -> http.get("/api/devices/axis-1").body().contains("\"CONNECTED\""));
        assertTrue(http.get("/api/devices/axis-2").body().contains("\"DISCONNECTED\""));
        assertTrue(http.get("/api/pipelines/move/versions/1").body().contains("\"position\":10"));
        assertTrue(http.get("/api/pipelines/move").body().contains("\"version\":2"));
        assertTrue(http.get("/api/executions/" + executionId).body().contains("\"status\":\"SUCCEEDED\""));
        HttpResponse<String> again = http.post("/api/pipelines/move/executions?wait=true", "{}");
        assertTrue(again.body(), again.body().contains("\"status\":\"SUCCEEDED\""));
    }

    @Test
    public void everyAcknowledgedSaveSurvivesAKillMinus9AndRunsSayTheyWereInterrupted() throws Exception {
        gantry = DistributionProcess.copyTo(Path.of("target/itest-persistence/crash"))
                .start(Map.of())
                .awaitHealthy(START);
        Http http = gantry.http();
        Await.until(
                "core functions deployed",
                RUN,
                () -> http.get("/api/functions").body().contains("core.delay"));
        Random random = new Random(7);
        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        int rounds = 3;
        for (int round = 1; round <= rounds; round++) {
            HttpResponse<String> longRun = http.post("/api/executions", """
                    {"name":"long","nodes":[{"id":"wait","function":"core.delay","params":{"ms":600000}}],"edges":[]}""");
            assertEquals(longRun.body(), 202, longRun.statusCode());
            String interrupted = field(longRun.body(), "id");
            int before = acknowledged.size();
            long saved = saveUntilKilled(http, acknowledged, round, 300 + random.nextInt(1200));
            System.out.printf(
                    "crash round %d: %d saves acknowledged before kill -9 (%d in all)%n",
                    round, acknowledged.size() - before, saved);

            gantry.start(Map.of()).awaitHealthy(START);
            for (String id : acknowledged) {
                HttpResponse<String> pipeline = http.get("/api/pipelines/" + id);
                assertEquals("acknowledged pipeline " + id + " lost", 200, pipeline.statusCode());
                assertTrue(pipeline.body(), pipeline.body().contains("\"name\":\"crash " + id + "\""));
            }
            HttpResponse<String> run = http.get("/api/executions/" + interrupted);
            assertTrue(
                    run.body(),
                    run.body().contains("\"status\":\"FAILED\"") && run.body().contains("controller-restarted"));
        }
        assertTrue("saves happened", acknowledged.size() > rounds);
    }

    /** Saves pipelines from four threads until the process is killed; @return attempts made */
    private long saveUntilKilled(Http http, ConcurrentLinkedQueue<String> acknowledged, int round, int killAfterMs)
            throws InterruptedException {
        AtomicBoolean killed = new AtomicBoolean();
        AtomicInteger attempts = new AtomicInteger();
        ExecutorService savers = Executors.newFixedThreadPool(4);
        for (int thread = 0; thread < 4; thread++) {
            int t = thread;
            savers.execute(() -> {
                for (int n = 0; !killed.get(); n++) {
                    String id = "r" + round + "-t" + t + "-" + n;
                    attempts.incrementAndGet();
                    try {
                        if (http.post("/api/pipelines", crashPipeline(id)).statusCode() == 201) {
                            acknowledged.add(id);
                        }
                    } catch (RuntimeException e) {
                        return; // the connection broke: the controller is gone
                    }
                }
            });
        }
        Thread.sleep(killAfterMs); // a random moment to pull the plug, not a synchronisation
        gantry.kill();
        killed.set(true);
        savers.shutdown();
        assertTrue(savers.awaitTermination(60, TimeUnit.SECONDS));
        return attempts.get();
    }

    private static String crashPipeline(String id) {
        return "{\"id\":\"" + id + "\",\"name\":\"crash " + id
                + "\",\"nodes\":[{\"id\":\"c\",\"function\":\"core.constant\","
                + "\"params\":{\"value\":{\"list\":[1,2,3],\"nested\":{\"ok\":true}}}}],\"edges\":[]}";
    }

    private static String movePipeline(String id, int position) {
        return "{\"id\":\"" + id + "\",\"name\":\"move\",\"nodes\":[{\"id\":\"m\",\"function\":\"servo.move_to\","
                + "\"device\":\"axis-1\",\"params\":{\"position\":" + position + "}}],\"edges\":[]}";
    }

    private static void created(HttpResponse<String> response) {
        assertEquals(response.body(), 201, response.statusCode());
    }

    private static String field(String json, String name) {
        int start = json.indexOf("\"" + name + "\":\"") + name.length() + 4;
        return json.substring(start, json.indexOf('"', start));
    }

    /** @return the endings of the class-data sharing archives in the data folder */
    private List<String> cdsArchives() {
        try (Stream<Path> files = Files.list(gantry.home().resolve("data/cds"))) {
            // the class archives only (bin/gantry also keeps there what it found out about the JDK)
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.startsWith("gantry-"))
                    .map(name -> name.replaceFirst("^gantry-[0-9]+", ""))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
