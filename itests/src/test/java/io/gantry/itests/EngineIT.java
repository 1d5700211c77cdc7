package io.gantry.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import io.gantry.engine.api.device.DeviceStatus;
import io.gantry.engine.api.execution.ExecutionRecord;
import io.gantry.engine.api.execution.ExecutionStatus;
import io.gantry.engine.api.execution.NodeRecord;
import io.gantry.engine.api.execution.NodeStatus;
import io.gantry.engine.api.health.HealthCheck;
import io.gantry.engine.api.pipeline.EdgeDefinition;
import io.gantry.engine.api.pipeline.NodeDefinition;
import io.gantry.engine.api.pipeline.PipelineDefinition;
import io.gantry.engine.api.pipeline.PipelineVersion;
import io.gantry.engine.api.service.DeviceInfo;
import io.gantry.engine.api.service.DeviceService;
import io.gantry.engine.api.service.DeviceSpec;
import io.gantry.engine.api.service.ExecutionService;
import io.gantry.engine.api.service.PipelineService;
import io.gantry.engine.api.service.PluginCatalog;
import io.gantry.engine.api.storage.ExecutionRepository;
import io.gantry.itests.support.Await;
import io.gantry.itests.support.EventRecorder;
import io.gantry.itests.support.GantryContainer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
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
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * Real pipelines on the shipped plugins in a real Felix: the use-case services run them, the
 * records are stored, and an EventAdmin handler receives exactly the documented event sequence.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class EngineIT {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    private BundleContext context;

    @Inject
    private PluginCatalog catalog;

    @Inject
    private PipelineService pipelines;

    @Inject
    private ExecutionService executions;

    @Inject
    private DeviceService devices;

    @Inject
    private ExecutionRepository stored;

    private EventRecorder recorder;

    @Configuration
    public Option[] config() {
        return GantryContainer.options(GantryContainer.withShippedPlugins(Path.of("target/itest-engine/deploy")));
    }

    @Before
    public void pluginsAreLive() {
        Await.until(
                "the shipped plugins' functions",
                WAIT,
                () -> catalog.function("servo.move_to").isPresent()
                        && catalog.function("core.add").isPresent());
        recorder = new EventRecorder(context);
    }

    @After
    public void stopRecording() {
        recorder.close();
    }

    @Test
    public void aChainRunsWithItsDataAndAnnouncesEveryStepInOrder() {
        PipelineVersion saved = pipelines.create(new PipelineDefinition(
                null,
                "chain",
                null,
                List.of(
                        NodeDefinition.of("two", "core.constant", Map.of("value", 2)),
                        NodeDefinition.of("plus3", "core.add", Map.of("b", 3)),
                        NodeDefinition.of("times4", "core.multiply", Map.of("b", 4))),
                List.of(new EdgeDefinition("two.value", "plus3.a"), new EdgeDefinition("plus3.result", "times4.a"))));

        ExecutionRecord done = run(saved.id());

        assertEquals(ExecutionStatus.SUCCEEDED, done.status());
        assertEquals(20.0, ((Number) done.nodes().get("times4").outputs().get("result")).doubleValue(), 0);
        NodeRecord add = done.nodes().get("plus3");
        assertEquals("io.gantry.core.functions", add.plugin());
        assertNotNull(add.pluginVersion());
        assertEquals(Map.of("a", 2, "b", 3), Map.copyOf(add.inputs()));
        recorder.await(
                "the pipeline's end event",
                WAIT,
                e -> done.id().equals(e.getProperty("executionId"))
                        && e.getTopic().equals("gantry/pipeline/COMPLETED"));
        assertEquals(
                List.of(
                        "pipeline/STARTED",
                        "node/EXECUTING two",
                        "node/COMPLETED two",
                        "node/EXECUTING plus3",
                        "node/COMPLETED plus3",
                        "node/EXECUTING times4",
                        "node/COMPLETED times4",
                        "pipeline/COMPLETED"),
                recorder.stepsOf(done.id()));
        assertEquals(
                ExecutionStatus.SUCCEEDED, stored.find(done.id()).orElseThrow().status());
    }

    @Test
    public void aServoMovesOnAConnectedDeviceAndAFailureSkipsWhatFollows() {
        DeviceInfo axis = devices.create(new DeviceSpec(
                null, "mock-servo", "axis", Map.of("minPosition", 0, "maxPosition", 100, "maxSpeed", 1000)));
        assertEquals(DeviceStatus.CONNECTED, devices.connect(axis.id()).status());

        PipelineVersion move = pipelines.create(new PipelineDefinition(
                null,
                "move",
                null,
                List.of(new NodeDefinition("move", "servo.move_to", axis.id(), Map.of("position", 40), null, null)),
                List.of()));
        ExecutionRecord moved = run(move.id());
        assertEquals(ExecutionStatus.SUCCEEDED, moved.status());
        assertEquals(40.0, ((Number) moved.nodes().get("move").outputs().get("position")).doubleValue(), 0);

        PipelineVersion tooFar = pipelines.create(new PipelineDefinition(
                null,
                "too far",
                null,
                List.of(
                        NodeDefinition.of("target", "core.constant", Map.of("value", 500)),
                        new NodeDefinition("move", "servo.move_to", axis.id(), Map.of(), null, null),
                        NodeDefinition.of("log", "core.log", Map.of())),
                List.of(
                        new EdgeDefinition("target.value", "move.position"),
                        new EdgeDefinition("move.position", "log.value"))));
        ExecutionRecord failed = run(tooFar.id());

        assertEquals(ExecutionStatus.FAILED, failed.status());
        assertEquals("move", failed.error().nodeId());
        assertEquals(NodeStatus.SKIPPED, failed.nodes().get("log").status());
        recorder.await(
                "the pipeline's failure event",
                WAIT,
                e -> failed.id().equals(e.getProperty("executionId"))
                        && e.getTopic().equals("gantry/pipeline/FAILED"));
        assertEquals(
                List.of(
                        "pipeline/STARTED",
                        "node/EXECUTING target",
                        "node/COMPLETED target",
                        "node/EXECUTING move",
                        "node/FAILED move",
                        "node/SKIPPED log",
                        "pipeline/FAILED"),
                recorder.stepsOf(failed.id()));
    }

    @Test
    public void aNodeOnADisconnectedDeviceFailsClearly() {
        DeviceInfo axis = devices.create(new DeviceSpec(
                null, "mock-servo", "idle axis", Map.of("minPosition", 0, "maxPosition", 10, "maxSpeed", 100)));
        PipelineVersion home = pipelines.create(new PipelineDefinition(
                null,
                "home",
                null,
                List.of(new NodeDefinition("home", "servo.home", axis.id(), Map.of(), null, null)),
                List.of()));

        ExecutionRecord failed = run(home.id());

        assertEquals(ExecutionStatus.FAILED, failed.status());
        assertEquals("device-not-connected", failed.error().code());
        assertTrue(failed.error().message(), failed.error().message().contains(axis.id()));
    }

    @Test
    public void independentBranchesOverlap() {
        PipelineVersion branches = pipelines.create(new PipelineDefinition(
                null,
                "four branches",
                null,
                List.of(
                        NodeDefinition.of("a", "core.delay", Map.of("ms", 300)),
                        NodeDefinition.of("b", "core.delay", Map.of("ms", 300)),
                        NodeDefinition.of("c", "core.delay", Map.of("ms", 300)),
                        NodeDefinition.of("d", "core.delay", Map.of("ms", 300))),
                List.of()));

        ExecutionRecord done = run(branches.id());

        assertEquals(ExecutionStatus.SUCCEEDED, done.status());
        // one after another they would take 1,200 ms; side by side about 300 (generous margin for a busy box)
        assertTrue("took " + done.durationMs() + " ms", done.durationMs() < 1_000);
    }

    @Test
    public void anEventHandlerThatBlocksDoesNotHoldUpRunsAndIsNamedInTheHealthReport() throws Exception {
        PipelineVersion saved = pipelines.create(new PipelineDefinition(
                null,
                "under a stuck handler",
                null,
                List.of(NodeDefinition.of("one", "core.constant", Map.of("value", 1))),
                List.of()));
        CountDownLatch release = new CountDownLatch(1);
        ServiceRegistration<EventHandler> stuck = context.registerService(
                EventHandler.class,
                new BlockingHandler(release),
                new Hashtable<>(Map.of(EventConstants.EVENT_TOPIC, "gantry/*")));
        try {
            // the first event reaches the handler and stays there; runs go on regardless
            for (int i = 0; i < 20; i++) {
                assertEquals(ExecutionStatus.SUCCEEDED, run(saved.id()).status());
            }
            HealthCheck eventBus = healthPart("eventbus");
            Await.until(
                    "the event bus reported stuck",
                    WAIT,
                    () -> !eventBus.check().up());
            assertTrue(
                    eventBus.check().details().toString(),
                    String.valueOf(eventBus.check().details().get("reason")).contains(BlockingHandler.class.getName()));
        } finally {
            release.countDown();
            stuck.unregister();
        }
        HealthCheck eventBus = healthPart("eventbus");
        Await.until("the event bus back up", WAIT, () -> eventBus.check().up());
        ExecutionRecord after = run(saved.id());
        recorder.await(
                "events flowing again",
                WAIT,
                e -> after.id().equals(e.getProperty("executionId"))
                        && e.getTopic().equals("gantry/pipeline/COMPLETED"));
    }

    private HealthCheck healthPart(String part) throws Exception {
        ServiceReference<HealthCheck> reference = context.getServiceReferences(
                        HealthCheck.class, "(" + HealthCheck.PART + "=" + part + ")")
                .iterator()
                .next();
        return context.getService(reference);
    }

    /** A handler that blocks on its first event until released, as a faulty plugin's might. */
    public static final class BlockingHandler implements EventHandler {
        private final CountDownLatch release;

        BlockingHandler(CountDownLatch release) {
            this.release = release;
        }

        @Override
        public void handleEvent(Event event) {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private ExecutionRecord run(String pipelineId) {
        // a run that fails at once may already have ended when start returns
        ExecutionRecord started = executions.start(pipelineId, null, Map.of());
        ExecutionRecord done = executions.await(started.id(), WAIT);
        assertTrue("still running: " + done, done.status().isFinal());
        return done;
    }
}
