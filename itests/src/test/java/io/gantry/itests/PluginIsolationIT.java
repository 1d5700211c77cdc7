package io.gantry.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import io.gantry.engine.api.device.DeviceStatus;
import io.gantry.engine.api.execution.ExecutionRecord;
import io.gantry.engine.api.execution.ExecutionStatus;
import io.gantry.engine.api.pipeline.NodeDefinition;
import io.gantry.engine.api.pipeline.PipelineDefinition;
import io.gantry.engine.api.service.DeviceInfo;
import io.gantry.engine.api.service.DeviceService;
import io.gantry.engine.api.service.DeviceSpec;
import io.gantry.engine.api.service.ExecutionService;
import io.gantry.engine.api.service.PluginCatalog;
import io.gantry.engine.api.service.PluginInfo;
import io.gantry.itests.fixture.FixtureJars;
import io.gantry.itests.fixture.VendorPlugin;
import io.gantry.itests.support.Await;
import io.gantry.itests.support.Drop;
import io.gantry.itests.support.EventRecorder;
import io.gantry.itests.support.GantryContainer;
import io.gantry.itests.support.Http;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import javax.inject.Inject;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.service.event.Event;

/**
 * A misbehaving plugin never degrades another's devices: a connect that hangs, a plugin that
 * registers another's function, a plugin whose schema is malformed, a driver whose constructor
 * throws — each next to a healthy plugin whose 20 devices keep connecting, running and following
 * its updates. The tests run in order on one container.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class PluginIsolationIT {
    private static final Path HOME = Path.of("target/itest-isolation").toAbsolutePath();
    private static final Path DEPLOY = HOME.resolve("deploy");
    private static final Path FIXTURES = HOME.resolve("fixtures");
    private static final Duration DEPLOYED = Duration.ofSeconds(20);
    private static final int HEALTHY = 20;
    private static final String CORE = "io.gantry.core.functions";

    @Inject
    private BundleContext context;

    @Inject
    private PluginCatalog catalog;

    @Inject
    private DeviceService devices;

    @Inject
    private ExecutionService executions;

    @Configuration
    public Option[] config() {
        FixtureJars.build(FIXTURES, FixtureJars.NAME, "1.0.0", false);
        FixtureJars.build(FIXTURES, FixtureJars.NAME, "2.0.0", false);
        FixtureJars.build(
                FIXTURES,
                "hijack.jar",
                "com.evil.hijack",
                "1.0.0",
                Map.of("Fixture-Type", "hijack-device", "Fixture-Functions", "hijack.version,core.add"));
        FixtureJars.build(
                FIXTURES,
                "bad-json.jar",
                "com.sloppy.json",
                "1.0.0",
                Map.of(
                        "Fixture-Type",
                        "sloppy-json",
                        "Fixture-Functions",
                        "sloppy.json",
                        "Fixture-Params-Schema",
                        "{\"type\":"));
        FixtureJars.build(
                FIXTURES,
                "bad-array.jar",
                "com.sloppy.array",
                "1.0.0",
                Map.of(
                        "Fixture-Type",
                        "sloppy-array",
                        "Fixture-Functions",
                        "sloppy.array",
                        "Fixture-Params-Schema",
                        "{\"type\":\"array\"}"));
        VendorPlugin.build(FIXTURES, "1.0.0", null);
        VendorPlugin.build(FIXTURES, "1.0.1", null);
        VendorPlugin.build(FIXTURES, "2.0.0", "cannot open the belt controller port");
        return GantryContainer.options(GantryContainer.withShippedPlugins(DEPLOY));
    }

    @Test
    public void a_aConnectThatHangsFaultsOnlyItsDeviceWhileTwentyOthersConnectRunAndFollowAnUpdate() throws Exception {
        drop(FIXTURES.resolve(VendorPlugin.NAME + "-1.0.0.jar"), "acme-belt.jar");
        drop(FIXTURES.resolve(FixtureJars.NAME + "-1.0.0.jar"), "fixture.jar");
        Await.until(
                "both plugins",
                DEPLOYED,
                () -> catalog.deviceType("acme-belt").isPresent()
                        && catalog.function("fixture.version").isPresent());
        devices.create(new DeviceSpec("belt-hung", "acme-belt", "Belt that never answers", Map.of("hang", true)));
        for (int i = 1; i <= HEALTHY; i++) {
            devices.create(new DeviceSpec("fx-" + i, "fixture-device", "Healthy " + i, Map.of()));
        }

        CompletableFuture<DeviceInfo> hung = CompletableFuture.supplyAsync(() -> devices.connect("belt-hung"));
        Await.until(
                "belt-hung connecting", DEPLOYED, () -> devices.get("belt-hung").status() == DeviceStatus.CONNECTING);
        connectAllHealthy();
        runOnAllHealthy("1.0.0");

        // the hung device is re-attached to the vendor's new version and hangs again, still pending ...
        drop(FIXTURES.resolve(VendorPlugin.NAME + "-1.0.1.jar"), "acme-belt.jar");
        Await.until("the vendor's 1.0.1", DEPLOYED, () -> "1.0.1".equals(servedBy("belt.run")));
        // ... while the healthy plugin's update re-attaches and reconnects all of its devices
        try (EventRecorder events = new EventRecorder(context)) {
            drop(FIXTURES.resolve(FixtureJars.NAME + "-2.0.0.jar"), "fixture.jar");
            Await.until(
                    "all " + HEALTHY + " reconnected on 2.0.0",
                    DEPLOYED,
                    () -> events.events(e -> e.getTopic().equals("gantry/device/CONNECTED")).stream()
                                    .map(e -> e.getProperty("deviceId"))
                                    .distinct()
                                    .count()
                            == HEALTHY);
        }
        assertEquals(
                "the hung connect is still pending while the others followed",
                DeviceStatus.CONNECTING,
                devices.get("belt-hung").status());
        runOnAllHealthy("2.0.0");

        Await.until(
                "belt-hung FAULT",
                Duration.ofSeconds(30),
                () -> devices.get("belt-hung").status() == DeviceStatus.FAULT);
        assertTrue(
                devices.get("belt-hung").lastError(),
                devices.get("belt-hung").lastError().contains("did not complete within"));
        assertNotEquals(DeviceStatus.CONNECTED, hung.get().status());
        IntStream.rangeClosed(1, HEALTHY)
                .forEach(i -> assertEquals(
                        DeviceStatus.CONNECTED, devices.get("fx-" + i).status()));
    }

    @Test
    public void b_aPluginRegisteringAnotherPluginsFunctionIsRefusedAsAWholeAndOwnershipNeverMoves() throws Exception {
        try (EventRecorder events = new EventRecorder(context)) {
            drop(FIXTURES.resolve("hijack.jar"), "hijack.jar");
            events.await(
                    "the refusal announced",
                    DEPLOYED,
                    e -> e.getTopic().equals("gantry/plugin/REFUSED")
                            && "com.evil.hijack".equals(e.getProperty("plugin")));
        }
        PluginInfo hijack = plugin("com.evil.hijack");
        assertEquals("REFUSED", hijack.state());
        assertTrue(hijack.lastError(), hijack.lastError().contains("function 'core.add' belongs to plugin " + CORE));
        assertTrue(catalog.function("hijack.version").isEmpty());
        assertTrue(catalog.deviceType("hijack-device").isEmpty());

        // the owner is updated (the same jar dropped again): it is briefly away, and keeps its id
        Path core = Files.list(DEPLOY)
                .filter(f -> f.getFileName().toString().startsWith("core-functions"))
                .findFirst()
                .orElseThrow();
        try (EventRecorder events = new EventRecorder(context)) {
            Path copy =
                    Files.copy(core, FIXTURES.resolve("core-functions-again.jar"), StandardCopyOption.REPLACE_EXISTING);
            Files.setLastModifiedTime(copy, FileTime.fromMillis(System.currentTimeMillis() + 5_000));
            drop(copy, core.getFileName().toString());
            events.await(
                    "core functions updated",
                    DEPLOYED,
                    e -> e.getTopic().equals("gantry/plugin/UPDATED") && CORE.equals(e.getProperty("plugin")));
        }
        assertEquals(CORE, catalog.function("core.add").orElseThrow().plugin());
        assertEquals("REFUSED", plugin("com.evil.hijack").state());
        ExecutionRecord sum = run(new PipelineDefinition(
                null, "sum", null, List.of(NodeDefinition.of("sum", "core.add", Map.of("a", 5, "b", 3))), List.of()));
        assertEquals(8.0, ((Number) sum.nodes().get("sum").outputs().get("result")).doubleValue(), 0.0);
        runOnAllHealthy("2.0.0");
    }

    @Test
    public void c_aPluginWithAMalformedSchemaIsRefusedAtInstallAndNoRequestAnswers500() throws Exception {
        drop(FIXTURES.resolve("bad-json.jar"), "bad-json.jar");
        drop(FIXTURES.resolve("bad-array.jar"), "bad-array.jar");
        Await.until(
                "both refused",
                DEPLOYED,
                () -> plugin("com.sloppy.json") != null
                        && plugin("com.sloppy.array") != null
                        && "REFUSED".equals(plugin("com.sloppy.json").state())
                        && "REFUSED".equals(plugin("com.sloppy.array").state()));
        assertTrue(
                plugin("com.sloppy.json").lastError(),
                plugin("com.sloppy.json")
                        .lastError()
                        .contains("function 'sloppy.json': the params schema is not JSON"));
        assertTrue(
                plugin("com.sloppy.array").lastError(),
                plugin("com.sloppy.array")
                        .lastError()
                        .contains(
                                "function 'sloppy.array': the params schema must be a schema of \"type\": \"object\""));

        Http http = new Http(Integer.parseInt(context.getProperty("gantry.http.port")));
        for (String function : List.of("sloppy.json", "sloppy.array")) {
            String pipeline = "{\"name\":\"p\",\"nodes\":[{\"id\":\"n\",\"function\":\"" + function
                    + "\",\"params\":{}}],\"edges\":[]}";
            for (String path : List.of("/api/pipelines/validate", "/api/pipelines", "/api/executions")) {
                HttpResponse<String> answer = http.post(path, pipeline);
                assertEquals(path + " " + answer.body(), 422, answer.statusCode());
                assertTrue(answer.body(), answer.body().contains(function));
            }
        }
        runOnAllHealthy("2.0.0");
    }

    @Test
    public void d_aDriverWhoseConstructorThrowsIsRolledBackWithTheCauseInItsOwnWords() throws Exception {
        devices.create(new DeviceSpec("belt-ok", "acme-belt", "Outfeed belt", Map.of("connectMs", 200)));
        assertEquals(DeviceStatus.CONNECTED, devices.connect("belt-ok").status());
        Event rolledBack;
        try (EventRecorder events = new EventRecorder(context)) {
            drop(FIXTURES.resolve(VendorPlugin.NAME + "-2.0.0-failing.jar"), "acme-belt.jar");
            events.await("the rollback", DEPLOYED, e -> e.getTopic().equals("gantry/plugin/ROLLED_BACK"));
            rolledBack = events.events(e -> e.getTopic().equals("gantry/plugin/ROLLED_BACK"))
                    .get(0);
        }
        assertEquals("2.0.0", rolledBack.getProperty("failedVersion"));
        assertEquals("1.0.1", rolledBack.getProperty("pluginVersion"));
        String error = plugin(VendorPlugin.NAME).lastError();
        assertTrue(
                error,
                error.contains(
                        "version 2.0.0 component com.acme.belt.BeltDriver failed: cannot open the belt controller port"));
        assertFalse(error, error.contains("InvocationTargetException"));
        Await.until(
                "belt-ok reconnected on 1.0.1",
                DEPLOYED,
                () -> devices.get("belt-ok").status() == DeviceStatus.CONNECTED
                        && "1.0.1".equals(servedBy("belt.run")));
        assertEquals("1.0.1", runOn("belt.run", "belt-ok", "build"));
        runOnAllHealthy("2.0.0");
    }

    private void connectAllHealthy() {
        List<CompletableFuture<DeviceInfo>> connects = IntStream.rangeClosed(1, HEALTHY)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> devices.connect("fx-" + i)))
                .toList();
        connects.forEach(
                connect -> assertEquals(DeviceStatus.CONNECTED, connect.join().status()));
    }

    private void runOnAllHealthy(String version) {
        for (int i = 1; i <= HEALTHY; i++) {
            assertEquals(version, runOn("fixture.version", "fx-" + i, "version"));
        }
    }

    private String runOn(String function, String deviceId, String output) {
        ExecutionRecord done = run(new PipelineDefinition(
                null,
                "on " + deviceId,
                null,
                List.of(new NodeDefinition("n", function, deviceId, Map.of(), null, null)),
                List.of()));
        assertEquals(String.valueOf(done.error()), ExecutionStatus.SUCCEEDED, done.status());
        return (String) done.nodes().get("n").outputs().get(output);
    }

    private ExecutionRecord run(PipelineDefinition pipeline) {
        ExecutionRecord started = executions.startInline(pipeline, Map.of());
        return executions.await(started.id(), DEPLOYED);
    }

    private String servedBy(String functionId) {
        return catalog.function(functionId).map(f -> f.pluginVersion()).orElse(null);
    }

    private PluginInfo plugin(String symbolicName) {
        return catalog.plugins().stream()
                .filter(p -> p.symbolicName().equals(symbolicName))
                .findFirst()
                .orElse(null);
    }

    private static void drop(Path source, String name) {
        Drop.into(DEPLOY, source, name);
    }
}
