package io.gantry.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.gantry.engine.api.device.DeviceStatus;
import io.gantry.engine.api.execution.ExecutionRecord;
import io.gantry.engine.api.execution.ExecutionStatus;
import io.gantry.engine.api.pipeline.NodeDefinition;
import io.gantry.engine.api.pipeline.PipelineDefinition;
import io.gantry.engine.api.pipeline.RetrySpec;
import io.gantry.engine.api.service.DeviceService;
import io.gantry.engine.api.service.ExecutionService;
import io.gantry.engine.api.service.PluginCatalog;
import io.gantry.engine.api.signal.SignalQuality;
import io.gantry.itests.support.Await;
import io.gantry.itests.support.BreakerConfig;
import io.gantry.itests.support.EventRecorder;
import io.gantry.itests.support.GantryContainer;
import io.gantry.itests.support.Servos;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.event.Event;

/**
 * Device trouble injected by the mock servo, on the real engine in a real Felix: retries ride through
 * random faults at the rate the policy predicts, hung devices time out without leaking threads,
 * breakers fail fast and recover, and a plugin removed under load leaves no execution hanging.
 * Each test prints its figures.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ResilienceIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Path DEPLOY = Path.of("target/itest-resilience/deploy").toAbsolutePath();

    @Inject
    private BundleContext context;

    @Inject
    private PluginCatalog catalog;

    @Inject
    private ExecutionService executions;

    @Inject
    private DeviceService devices;

    @Inject
    private ConfigurationAdmin configurations;

    private EventRecorder recorder;

    @Configuration
    public Option[] config() {
        return GantryContainer.options(GantryContainer.withShippedPlugins(DEPLOY));
    }

    @Before
    public void pluginsAreLive() {
        Await.until(
                "the shipped plugins",
                WAIT,
                () -> catalog.function("servo.move_to").isPresent()
                        && catalog.function("core.delay").isPresent());
        recorder = new EventRecorder(context);
    }

    @After
    public void stopRecording() {
        recorder.close();
    }

    @Test
    public void retriesRideThroughThirtyPercentFailuresAtThePredictedRate() {
        BreakerConfig.apply(context, configurations, Map.of("enabled", false));
        String axis = servo("flaky", Map.of("failureRate", 0.3, "seed", 20261126));
        RetrySpec threeTries = new RetrySpec(3, 1, 1, 0, 0);
        List<NodeDefinition> moves = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            moves.add(new NodeDefinition(
                    "move" + i, "servo.move_to", axis, Map.of("position", 10 * i), threeTries, null));
        }
        PipelineDefinition fiveMoves = new PipelineDefinition(null, "five moves", null, moves, List.of());

        int runs = 200;
        List<ExecutionRecord> done = new ArrayList<>();
        long start = System.nanoTime();
        for (int batch = 0; batch < runs / 10; batch++) {
            done.addAll(runAll(fiveMoves, 10)); // 10 at a time: 50 nodes queue on the one device, under its bound
        }
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;

        long succeeded = done.stream()
                .filter(r -> r.status() == ExecutionStatus.SUCCEEDED)
                .count();
        double expected = Math.pow(1 - Math.pow(0.3, 3), 5);
        double sigma = Math.sqrt(expected * (1 - expected) / runs);
        double rate = succeeded / (double) runs;
        System.out.printf(
                "retry: %d/%d runs succeeded (%.3f), expected %.3f +- %.3f (4 sigma), %d ms%n",
                succeeded, runs, rate, expected, 4 * sigma, elapsedMs);
        assertTrue("success rate " + rate + " vs expected " + expected, Math.abs(rate - expected) <= 4 * sigma);
        for (ExecutionRecord failed : done.stream()
                .filter(r -> r.status() != ExecutionStatus.SUCCEEDED)
                .toList()) {
            assertEquals(ExecutionStatus.FAILED, failed.status());
            assertEquals("device-fault", failed.error().code());
            assertEquals(axis, failed.error().deviceId());
            assertTrue(
                    failed.error().message(),
                    failed.error().message().contains("injected failure")
                            && failed.error().message().contains(axis));
            assertEquals(3, failed.nodes().get(failed.error().nodeId()).attempts());
        }
        recorder.await(
                "a retry event",
                WAIT,
                e -> e.getTopic().equals("gantry/node/RETRYING")
                        && e.getProperty("attempt") != null
                        && e.getProperty("delayMs") != null
                        && String.valueOf(e.getProperty("error")).contains("injected failure"));
    }

    @Test
    public void hungDevicesTimeOutOnScheduleAndLeakNoThreads() {
        BreakerConfig.apply(context, configurations, Map.of("enabled", false));
        List<String> hung = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            hung.add(servo("hung-" + i, Map.of("hang", true)));
        }
        String healthy = servo("healthy", Map.of());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();

        ExecutionRecord first = run(move(hung.get(0), 200L));
        assertEquals(ExecutionStatus.FAILED, first.status());
        assertEquals("device-timeout", first.error().code());
        assertEquals(hung.get(0), first.error().deviceId());
        assertTrue(
                "timed out after " + first.durationMs() + " ms",
                first.durationMs() >= 200 && first.durationMs() < 1_000);
        int before = quiescentThreadCount(threads);

        List<String> started = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            started.add(executions
                    .startInline(move(hung.get(i % hung.size()), 200L), Map.of())
                    .id());
        }
        long healthyStart = System.nanoTime();
        ExecutionRecord meanwhile = run(move(healthy, 5_000L));
        long healthyMs = (System.nanoTime() - healthyStart) / 1_000_000;
        for (String id : started) {
            ExecutionRecord done = executions.await(id, WAIT);
            assertEquals(ExecutionStatus.FAILED, done.status());
            assertEquals("device-timeout", done.error().code());
        }
        int after = quiescentThreadCount(threads);

        System.out.printf(
                "hang: first timeout %d ms; healthy device meanwhile %d ms; threads %d before, %d after 100 hung runs%n",
                first.durationMs(), healthyMs, before, after);
        assertEquals(ExecutionStatus.SUCCEEDED, meanwhile.status());
        assertTrue("the healthy device waited " + healthyMs + " ms", healthyMs < 1_000);
        assertTrue("threads grew from " + before + " to " + after, after <= before + 3);
    }

    @Test
    public void anOpenBreakerFailsFastThenHalfOpensAndClosesOnASuccess() {
        BreakerConfig.apply(context, configurations, Map.of("failureThreshold", 3, "delayMs", 1_000));
        String axis = servo("slow", Map.of("extraLatencyMs", 300));
        // On connect the controller reads the axis's signals once, in the device's turn. That read
        // succeeds, and a success between two timeouts rightly starts the count of consecutive failures
        // again: on a busy machine it could land after the first move (seen on CI). The axis pushes its
        // signals only while it moves, so GOOD values before any move are that read's.
        Await.until(
                "the signals' first read",
                WAIT,
                () -> !devices.signals(axis).isEmpty()
                        && devices.signals(axis).stream().allMatch(signal -> signal.quality() == SignalQuality.GOOD));

        List<Long> slow = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ExecutionRecord failed = run(move(axis, 200L)); // 300 ms latency, 200 ms timeout: device-timeout
            assertEquals("device-timeout", failed.error().code());
            slow.add(failed.durationMs());
        }
        // the engine's state first, then the event: a failure says which of the two went wrong
        assertEquals(
                "the breaker after three device timeouts",
                "OPEN",
                devices.get(axis).breaker());
        recorder.await("the breaker's OPENED event", WAIT, e -> breakerEvent(e, axis, "OPENED"));

        long fastStart = System.nanoTime();
        ExecutionRecord fast = run(move(axis, 200L));
        long fastMs = (System.nanoTime() - fastStart) / 1_000_000;
        assertEquals("device-fault", fast.error().code());
        assertEquals(axis, fast.error().deviceId());
        assertTrue(
                fast.error().message(),
                fast.error().message().contains("circuit breaker open")
                        && fast.error().message().contains("did not answer within 200 ms"));
        assertEquals(1, fast.nodes().get("move").attempts());

        recorder.await("the breaker half-open", Duration.ofSeconds(5), e -> breakerEvent(e, axis, "HALF_OPEN"));
        assertEquals("HALF_OPEN", devices.get(axis).breaker());
        ExecutionRecord trial = run(move(axis, 5_000L));
        assertEquals(ExecutionStatus.SUCCEEDED, trial.status());
        recorder.await("the breaker closed", WAIT, e -> breakerEvent(e, axis, "CLOSED"));
        assertEquals("CLOSED", devices.get(axis).breaker());

        List<String> transitions = recorder
                .events(e ->
                        axis.equals(e.getProperty("deviceId")) && e.getTopic().startsWith("gantry/breaker/"))
                .stream()
                .map(e -> e.getTopic().substring(15))
                .toList();
        System.out.printf(
                "breaker: failures paid %s ms; fail-fast run %d ms (record %d ms); transitions %s%n",
                slow, fastMs, fast.durationMs(), transitions);
        assertEquals(List.of("OPENED", "HALF_OPEN", "CLOSED"), transitions);
        assertTrue("fail fast took " + fastMs + " ms", fast.durationMs() < 100 && fastMs < 150);
    }

    @Test
    public void anOpeningBreakerFaultsItsDeviceWhenConfiguredTo() {
        BreakerConfig.apply(
                context, configurations, Map.of("failureThreshold", 1, "delayMs", 60_000, "faultDeviceOnOpen", true));
        String axis = servo("faulty", Map.of("failureRate", 1.0));

        ExecutionRecord failed = run(move(axis, 1_000L));

        assertEquals("device-fault", failed.error().code());
        recorder.await(
                "the device fault announced",
                WAIT,
                e -> e.getTopic().equals("gantry/device/FAULT") && axis.equals(e.getProperty("deviceId")));
        assertEquals(DeviceStatus.FAULT, devices.get(axis).status());
        assertTrue(devices.get(axis).lastError(), devices.get(axis).lastError().contains("circuit breaker opened"));
        assertEquals("OPEN", devices.get(axis).breaker());
    }

    @Test
    public void executionsRunningWhenThePluginJarGoesAllEndAndNewOnesRunWhenItReturns() throws Exception {
        BreakerConfig.apply(context, configurations, Map.of("enabled", false));
        List<String> axes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            axes.add(servo("hot-" + i, Map.of("extraLatencyMs", 300)));
        }
        List<String> running = new ArrayList<>();
        for (String axis : axes) {
            // 20 moves of 300 ms: longer than the deployer's 5 s drain, so calls are cut off mid-flight
            running.add(executions.startInline(moves(axis, 20), Map.of()).id());
        }
        Path jar = shippedJar("mock-servo");
        Path aside = DEPLOY.resolveSibling("mock-servo.jar.aside");
        Files.move(jar, aside, StandardCopyOption.REPLACE_EXISTING);
        try {
            assertEveryEndedWell(running);
            Await.until(
                    "servo functions gone",
                    WAIT,
                    () -> catalog.function("servo.move_to").isEmpty());
            assertEquals(
                    "the controller keeps serving",
                    ExecutionStatus.SUCCEEDED,
                    run(new PipelineDefinition(
                                    null,
                                    "delay",
                                    null,
                                    List.of(NodeDefinition.of("wait", "core.delay", Map.of("ms", 1))),
                                    List.of()))
                            .status());
        } finally {
            // put back even when the test failed: the other tests of this container need the servo
            Files.move(aside, DEPLOY.resolve("mock-servo.jar.tmp"));
            Files.move(DEPLOY.resolve("mock-servo.jar.tmp"), jar, StandardCopyOption.ATOMIC_MOVE);
        }
        Await.until(
                "the servo functions back",
                WAIT,
                () -> catalog.function("servo.move_to").isPresent());
        Await.until(
                "the devices reconnected",
                WAIT,
                () -> axes.stream().allMatch(axis -> devices.get(axis).status() == DeviceStatus.CONNECTED));
        for (String axis : axes.subList(0, 3)) {
            assertEquals(ExecutionStatus.SUCCEEDED, run(moves(axis, 2)).status());
        }
    }

    /** Every execution ends, SUCCEEDED or FAILED because its plugin left; prints how many of each. */
    private void assertEveryEndedWell(List<String> running) {
        Map<String, Integer> outcomes = new HashMap<>();
        for (String id : running) {
            ExecutionRecord done = executions.await(id, WAIT);
            assertTrue("still running: " + done, done.status().isFinal());
            String outcome = done.status() == ExecutionStatus.SUCCEEDED
                    ? "SUCCEEDED"
                    : done.status() + " " + done.error().code();
            outcomes.merge(outcome, 1, Integer::sum);
            if (done.error() != null) {
                System.out.printf("  %s%n", done.error());
            }
        }
        System.out.printf("plugin removed under 20 running executions: %s%n", outcomes);
        assertTrue(
                "outcomes: " + outcomes,
                Set.of("SUCCEEDED", "FAILED plugin-unavailable").containsAll(outcomes.keySet()));
    }

    private static boolean breakerEvent(Event event, String deviceId, String state) {
        return event.getTopic().equals("gantry/breaker/" + state) && deviceId.equals(event.getProperty("deviceId"));
    }

    private String servo(String name, Map<String, Object> faults) {
        return Servos.connected(devices, name, faults);
    }

    private static PipelineDefinition move(String axis, Long timeoutMs) {
        return new PipelineDefinition(
                null,
                "move",
                null,
                List.of(new NodeDefinition("move", "servo.move_to", axis, Map.of("position", 5), null, timeoutMs)),
                List.of());
    }

    private static PipelineDefinition moves(String axis, int count) {
        List<NodeDefinition> nodes = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            nodes.add(new NodeDefinition("move" + i, "servo.move_to", axis, Map.of("position", i), null, null));
        }
        return new PipelineDefinition(null, "moves", null, nodes, List.of());
    }

    private ExecutionRecord run(PipelineDefinition pipeline) {
        ExecutionRecord done =
                executions.await(executions.startInline(pipeline, Map.of()).id(), WAIT);
        assertTrue("still running: " + done, done.status().isFinal());
        return done;
    }

    private List<ExecutionRecord> runAll(PipelineDefinition pipeline, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(executions.startInline(pipeline, Map.of()).id());
        }
        List<ExecutionRecord> done = new ArrayList<>();
        for (String id : ids) {
            ExecutionRecord record = executions.await(id, WAIT);
            assertTrue("still running: " + record, record.status().isFinal());
            done.add(record);
        }
        return done;
    }

    private static Path shippedJar(String prefix) throws Exception {
        try (var files = Files.list(DEPLOY)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix))
                    .findFirst()
                    .orElseThrow();
        }
    }

    /** The live thread count once the engine has settled: the lowest of a few looks over half a second. */
    private static int quiescentThreadCount(ThreadMXBean threads) {
        int[] lowest = {Integer.MAX_VALUE};
        long[] looks = {0};
        Await.until("half a second of looks", Duration.ofSeconds(5), () -> {
            lowest[0] = Math.min(lowest[0], threads.getThreadCount());
            return ++looks[0] >= 10;
        });
        return lowest[0];
    }
}
