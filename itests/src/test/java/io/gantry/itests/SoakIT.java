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
import io.gantry.engine.api.service.ExecutionService;
import io.gantry.engine.api.service.PluginCatalog;
import io.gantry.itests.support.Await;
import io.gantry.itests.support.BreakerConfig;
import io.gantry.itests.support.GantryContainer;
import io.gantry.itests.support.Servos;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * 10,000 short executions with injected faults, retries and breakers on: the heap after GC stays
 * flat and no thread is leaked. Not in the default run (minutes, not seconds): {@code mvn verify
 * -Dgantry.soak=true -Dit.test=SoakIT -pl ...,itests}. Prints its figures.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SoakIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int RUNS = 10_000;
    private static final int BATCH = 40;

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

    @Configuration
    public Option[] config() {
        return GantryContainer.options(GantryContainer.withShippedPlugins(Path.of("target/itest-soak/deploy")));
    }

    @Test
    public void tenThousandFaultyExecutionsLeaveHeapAndThreadsFlat() {
        Await.until(
                "the shipped plugins",
                WAIT,
                () -> catalog.function("servo.move_to").isPresent()
                        && catalog.function("core.add").isPresent());
        BreakerConfig.apply(context, configurations, Map.of("failureThreshold", 4, "delayMs", 50));
        List<PipelineDefinition> pipelines = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            pipelines.add(pipeline(servo("soak-" + i)));
        }
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<Long> heapMiB = new ArrayList<>();
        int threadsBefore = 0;
        long succeeded = 0;
        long start = System.nanoTime();
        for (int done = 0; done < RUNS; done += BATCH) {
            succeeded += runBatch(pipelines);
            if ((done + BATCH) % 1_000 == 0) {
                heapMiB.add(heapAfterGc(memory));
                if (done + BATCH == 1_000) {
                    threadsBefore = threads.getThreadCount(); // after warm-up: pools have their threads
                }
            }
        }
        long elapsedS = (System.nanoTime() - start) / 1_000_000_000;
        int threadsAfter = threads.getThreadCount();

        System.out.printf(
                "soak: %d executions in %d s, %d succeeded; heap after GC per 1,000 runs (MiB) %s; "
                        + "threads %d after warm-up, %d at the end%n",
                RUNS, elapsedS, succeeded, heapMiB, threadsBefore, threadsAfter);
        long warm = heapMiB.get(1);
        long last = heapMiB.get(heapMiB.size() - 1);
        assertTrue("heap grew from " + warm + " to " + last + " MiB: " + heapMiB, last <= warm + 16);
        assertTrue("threads grew from " + threadsBefore + " to " + threadsAfter, threadsAfter <= threadsBefore + 3);
    }

    private long runBatch(List<PipelineDefinition> pipelines) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            ids.add(executions
                    .startInline(pipelines.get(i % pipelines.size()), Map.of())
                    .id());
        }
        long succeeded = 0;
        for (String id : ids) {
            ExecutionRecord record = executions.await(id, WAIT);
            assertTrue("still running: " + record, record.status().isFinal());
            if (record.status() == ExecutionStatus.SUCCEEDED) {
                succeeded++;
            } else {
                assertEquals(ExecutionStatus.FAILED, record.status());
            }
        }
        return succeeded;
    }

    private String servo(String name) {
        return Servos.connected(devices, name, Map.of("failureRate", 0.2));
    }

    private static PipelineDefinition pipeline(String axis) {
        RetrySpec retry = new RetrySpec(3, 0, 1, 0, 0);
        return new PipelineDefinition(
                null,
                "soak",
                null,
                List.of(
                        new NodeDefinition("home", "servo.home", axis, Map.of(), retry, 1_000L),
                        new NodeDefinition("move", "servo.move_to", axis, Map.of("position", 50), retry, 1_000L),
                        NodeDefinition.of("sum", "core.add", Map.of("b", 1))),
                List.of(new EdgeDefinition("move.position", "sum.a")));
    }

    private static long heapAfterGc(MemoryMXBean memory) {
        System.gc();
        System.gc();
        return memory.getHeapMemoryUsage().getUsed() / (1024 * 1024);
    }
}
