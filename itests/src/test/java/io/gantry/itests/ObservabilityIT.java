package io.gantry.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.gantry.engine.api.execution.ExecutionRecord;
import io.gantry.engine.api.execution.ExecutionStatus;
import io.gantry.engine.api.pipeline.EdgeDefinition;
import io.gantry.engine.api.pipeline.NodeDefinition;
import io.gantry.engine.api.pipeline.PipelineDefinition;
import io.gantry.engine.api.pipeline.RetrySpec;
import io.gantry.engine.api.service.DeviceService;
import io.gantry.engine.api.service.DeviceSpec;
import io.gantry.engine.api.service.ExecutionQuery;
import io.gantry.engine.api.service.ExecutionService;
import io.gantry.engine.api.service.PipelineService;
import io.gantry.engine.api.service.PluginCatalog;
import io.gantry.itests.fixture.FixtureJars;
import io.gantry.itests.support.Await;
import io.gantry.itests.support.GantryContainer;
import io.gantry.itests.support.Http;
import io.gantry.itests.support.PrometheusText;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

/**
 * Observability on a real Felix: the Prometheus scrape after runs that succeed, fail and retry; the
 * plan cache reused on a version's second run and dropped when the plugin it calls is hot-updated;
 * the gantry: console commands printing what the services report.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ObservabilityIT {
    private static final Path HOME = Path.of("target/itest-observability").toAbsolutePath();
    private static final Path DEPLOY = HOME.resolve("deploy");
    private static final Path FIXTURES = HOME.resolve("fixtures");
    private static final Duration WAIT = Duration.ofSeconds(15);

    @Inject
    private BundleContext context;

    @Inject
    private PluginCatalog catalog;

    @Inject
    private DeviceService devices;

    @Inject
    private PipelineService pipelines;

    @Inject
    private ExecutionService executions;

    @Inject
    private CommandProcessor commands;

    @Configuration
    public Option[] config() {
        FixtureJars.build(FIXTURES, FixtureJars.NAME, "1.0.0", false);
        FixtureJars.build(FIXTURES, FixtureJars.NAME, "2.0.0", false);
        return GantryContainer.options(GantryContainer.withShippedPlugins(DEPLOY));
    }

    @Test
    public void theScrapeCountsSucceededFailedAndRetriedRunsAndParsesAsPrometheusText() {
        awaitShippedPlugins();
        pipelines.create(sum("obs-ok"));
        pipelines.create(new PipelineDefinition(
                "obs-slow",
                "times out",
                null,
                List.of(new NodeDefinition(
                        "wait", "core.delay", null, Map.of("ms", 2_000), new RetrySpec(2, 1, 1, 0, 0), 50L)),
                List.of()));
        Http http = new Http(Integer.parseInt(context.getProperty("gantry.http.port")));
        // the first container of the test JVM starts cold: give the REST application time
        Await.until(
                "/api/health 200",
                Duration.ofSeconds(60),
                () -> http.get("/api/health").statusCode() == 200);

        assertEquals(ExecutionStatus.SUCCEEDED, run("obs-ok").status());
        assertEquals(ExecutionStatus.SUCCEEDED, run("obs-ok").status());
        assertEquals(ExecutionStatus.FAILED, run("obs-slow").status());

        Await.until(
                "the runs counted",
                WAIT,
                () -> scrape(http)
                                .valueOrZero(
                                        "gantry_executions_finished_total{pipeline=\"obs-slow\",status=\"failed\"}")
                        == 1);
        HttpResponse<String> response = http.get("/api/metrics");
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        assertTrue(contentType, contentType.startsWith("text/plain") && contentType.contains("version=0.0.4"));
        PrometheusText metrics = PrometheusText.parse(response.body());
        assertEquals(2, metrics.valueOrZero("gantry_executions_started_total{pipeline=\"obs-ok\"}"), 0);
        assertEquals(
                2,
                metrics.valueOrZero("gantry_executions_finished_total{pipeline=\"obs-ok\",status=\"succeeded\"}"),
                0);
        assertEquals(
                2,
                metrics.valueOrZero(
                        "gantry_execution_duration_seconds_count{pipeline=\"obs-ok\",status=\"succeeded\"}"),
                0);
        assertTrue(metrics.valueOrZero("gantry_node_duration_seconds_count{function=\"core.add\",status=\"succeeded\"}")
                >= 2);
        assertEquals(1, metrics.valueOrZero("gantry_node_retries_total{function=\"core.delay\"}"), 0);
        assertEquals(1, metrics.valueOrZero("gantry_plan_cache_hits_total"), 0);
        assertEquals(
                1,
                metrics.valueOrZero(
                        "gantry_http_server_requests_seconds_count{method=\"GET\",route=\"/api/health\",status=\"200\"}"),
                0);
        assertTrue(metrics.valueOrZero("gantry_plugins") >= 2);
        for (String name : List.of(
                "jvm_memory_used_bytes",
                "jvm_threads_live_threads",
                "jvm_gc_memory_allocated_bytes_total",
                "gantry_devices",
                "gantry_plan_cache_misses_total",
                "gantry_websocket_clients",
                "gantry_plugin_deploy_events_total")) {
            assertTrue(name + " missing", metrics.has(name));
        }
    }

    @Test
    public void thePlanIsReusedOnTheSecondRunAndDroppedWhenItsPluginIsUpdated() throws IOException {
        awaitShippedPlugins();
        drop("1.0.0");
        Await.until("fixture 1.0.0 serving", WAIT, () -> servedVersion().equals("1.0.0"));
        devices.create(new DeviceSpec("obs-fixture", "fixture-device", "fixture", Map.of()));
        devices.connect("obs-fixture");
        pipelines.create(new PipelineDefinition(
                "obs-version",
                "version",
                null,
                List.of(new NodeDefinition("v", "fixture.version", "obs-fixture", Map.of(), null, null)),
                List.of()));
        Http http = new Http(Integer.parseInt(context.getProperty("gantry.http.port")));
        PrometheusText before = scrape(http);

        assertEquals("1.0.0", version(run("obs-version")));
        assertEquals("1.0.0", version(run("obs-version")));
        PrometheusText twice = scrape(http);
        assertEquals("first run compiles", 1, delta(before, twice, "gantry_plan_cache_misses_total"), 0);
        assertEquals("second run reuses", 1, delta(before, twice, "gantry_plan_cache_hits_total"), 0);

        drop("2.0.0");
        Await.until("fixture 2.0.0 serving", WAIT, () -> servedVersion().equals("2.0.0"));
        Await.until(
                "the device back on 2.0.0",
                WAIT,
                () -> devices.get("obs-fixture").status().name().equals("CONNECTED"));
        assertTrue(
                "the update dropped the plan",
                delta(twice, scrape(http), "gantry_plan_cache_invalidations_total") >= 1);
        assertEquals("2.0.0", version(run("obs-version")));
        PrometheusText after = scrape(http);
        assertEquals(
                "the run after the update compiles again", 1, delta(twice, after, "gantry_plan_cache_misses_total"), 0);
        assertEquals(0, delta(twice, after, "gantry_plan_cache_hits_total"), 0);
    }

    @Test
    public void consoleCommandsPrintWhatTheServicesReport() throws Exception {
        awaitShippedPlugins();
        devices.create(new DeviceSpec(
                "obs-axis",
                "mock-servo",
                "console axis",
                Map.of("minPosition", 0, "maxPosition", 100, "maxSpeed", 1000)));
        pipelines.create(sum("obs-console"));

        assertTrue(shell("gantry:plugins").contains("io.gantry.core.functions"));
        assertTrue(shell("gantry:connect obs-axis").contains("obs-axis CONNECTED"));
        String listed = shell("gantry:devices");
        assertTrue(listed, listed.lines().anyMatch(l -> l.startsWith("obs-axis") && l.contains("CONNECTED")));
        assertTrue(shell("gantry:pipelines").contains("obs-console"));
        String followed = shell("gantry:run --follow obs-console");
        assertTrue(followed, followed.contains("node two COMPLETED"));
        assertTrue(followed, followed.contains("node plus3 COMPLETED"));
        assertTrue(followed, followed.contains("status=SUCCEEDED"));
        String id = executions
                .list(new ExecutionQuery("obs-console", null, 1))
                .get(0)
                .id();
        assertTrue(shell("gantry:executions --pipeline obs-console").contains(id));
        assertTrue(shell("help gantry:run").contains("--follow"));
    }

    private String shell(String command) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        CommandSession session = commands.createSession(new ByteArrayInputStream(new byte[0]), print, print);
        try {
            Object result = session.execute(command);
            print.flush();
            return out.toString(StandardCharsets.UTF_8) + (result == null ? "" : String.valueOf(result));
        } finally {
            session.close();
        }
    }

    private static PipelineDefinition sum(String id) {
        return new PipelineDefinition(
                id,
                "sum",
                null,
                List.of(
                        NodeDefinition.of("two", "core.constant", Map.of("value", 2)),
                        NodeDefinition.of("plus3", "core.add", Map.of("b", 3))),
                List.of(new EdgeDefinition("two.value", "plus3.a")));
    }

    private ExecutionRecord run(String pipelineId) {
        return executions.await(executions.start(pipelineId, null, Map.of()).id(), WAIT);
    }

    private static String version(ExecutionRecord run) {
        assertEquals(String.valueOf(run.error()), ExecutionStatus.SUCCEEDED, run.status());
        return (String) run.nodes().get("v").outputs().get("version");
    }

    private static PrometheusText scrape(Http http) {
        HttpResponse<String> response = http.get("/api/metrics");
        assertEquals(200, response.statusCode());
        return PrometheusText.parse(response.body());
    }

    private static double delta(PrometheusText from, PrometheusText to, String series) {
        return to.valueOrZero(series) - from.valueOrZero(series);
    }

    private void awaitShippedPlugins() {
        Await.until(
                "the shipped plugins",
                WAIT,
                () -> catalog.function("core.add").isPresent()
                        && catalog.function("core.delay").isPresent()
                        && catalog.deviceType("mock-servo").isPresent());
    }

    private String servedVersion() {
        return catalog.function("fixture.version").map(f -> f.pluginVersion()).orElse("none");
    }

    private void drop(String version) throws IOException {
        Path temporary = DEPLOY.resolve("fixture.jar.tmp");
        Files.copy(
                FIXTURES.resolve(FixtureJars.NAME + "-" + version + ".jar"),
                temporary,
                StandardCopyOption.REPLACE_EXISTING);
        Files.move(
                temporary,
                DEPLOY.resolve("fixture.jar"),
                StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }
}
