package io.gantry.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import io.gantry.engine.api.device.DeviceStatus;
import io.gantry.engine.api.execution.ExecutionRecord;
import io.gantry.engine.api.execution.ExecutionStatus;
import io.gantry.engine.api.function.PipelineFunction;
import io.gantry.engine.api.pipeline.NodeDefinition;
import io.gantry.engine.api.pipeline.PipelineDefinition;
import io.gantry.engine.api.service.DeviceService;
import io.gantry.engine.api.service.DeviceSpec;
import io.gantry.engine.api.service.ExecutionService;
import io.gantry.engine.api.service.PluginCatalog;
import io.gantry.engine.api.service.PluginInfo;
import io.gantry.itests.fixture.FixtureJars;
import io.gantry.itests.support.Await;
import io.gantry.itests.support.EventRecorder;
import io.gantry.itests.support.GantryContainer;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.inject.Inject;
import org.apache.felix.fileinstall.ArtifactInstaller;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.ServiceReference;

/**
 * Plugin jars dropped into, replaced in and deleted from a real watched folder of a running Felix:
 * the registry follows, devices move to the new version or become UNAVAILABLE, a broken new version
 * is rolled back, and nothing else restarts. The tests run in order on one container.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class PluginHotDeployIT {
    private static final Path HOME = Path.of("target/itest-hotdeploy").toAbsolutePath();
    private static final Path DEPLOY = HOME.resolve("deploy");
    private static final Path FIXTURES = HOME.resolve("fixtures");
    private static final Duration DEPLOYED = Duration.ofSeconds(10);
    private static final String JAR = "fixture.jar";

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
        FixtureJars.build(FIXTURES, FixtureJars.NAME, "3.0.0", true);
        FixtureJars.build(FIXTURES, FixtureJars.NAME + ".broken", "1.0.0", true);
        return GantryContainer.options(GantryContainer.withShippedPlugins(DEPLOY));
    }

    @Test
    public void a_aDroppedJarIsUsableWithinSeconds() throws IOException {
        Await.until("the shipped plugins", DEPLOYED, () -> catalog.function("core.delay").isPresent());
        long dropped = System.nanoTime();
        drop("1.0.0", false);
        Await.until("fixture.version registered", DEPLOYED, () -> servedVersion().equals("1.0.0"));
        System.out.printf("hot deploy: jar dropped -> function registered in %d ms%n",
                (System.nanoTime() - dropped) / 1_000_000);

        devices.create(new DeviceSpec("fixture-1", "fixture-device", "fixture", Map.of()));
        assertEquals(DeviceStatus.CONNECTED, devices.connect("fixture-1").status());
        assertEquals("1.0.0", runVersionFunction());
    }

    @Test
    public void b_aReplacedJarServesTheNewVersionReconnectsDevicesAndRestartsNothingElse() throws Exception {
        List<String> othersTouched = watchOtherBundles();
        ExecutionRecord longRun = executions.startInline(delay(1500), Map.of());

        try (EventRecorder events = new EventRecorder(context)) {
            drop("2.0.0", false);
            // the update restarts the plugin twice (update, then refresh): wait for the deployer to be done
            events.await("the update announced", DEPLOYED, e -> e.getTopic().equals("gantry/plugin/UPDATED")
                    && "2.0.0".equals(String.valueOf(e.getProperty("pluginVersion"))));
        }

        Await.until("version 2.0.0 serving", DEPLOYED, () -> servedVersion().equals("2.0.0"));
        Await.until("the device reconnected on 2.0.0", DEPLOYED,
                () -> devices.get("fixture-1").status() == DeviceStatus.CONNECTED);
        assertEquals("2.0.0", runVersionFunction());
        assertEquals(ExecutionStatus.SUCCEEDED, executions.await(longRun.id(), DEPLOYED).status());
        assertTrue("other bundles restarted: " + othersTouched, othersTouched.isEmpty());
    }

    @Test
    public void c_aNewVersionThatFailsToStartIsRolledBack() throws Exception {
        try (EventRecorder events = new EventRecorder(context)) {
            drop("3.0.0", true);

            events.await("the failed update announced", DEPLOYED, e -> e.getTopic().equals("gantry/plugin/UPDATED")
                    && e.getProperty("error") != null);
        }
        Await.until("2.0.0 back in service", DEPLOYED, () -> servedVersion().equals("2.0.0"));
        PluginInfo fixture = plugin(FixtureJars.NAME);
        assertNotNull("the failure shows in the plugin list", fixture.lastError());
        assertTrue(fixture.lastError(), fixture.lastError().contains("3.0.0"));
        Await.until("the device reconnected after the rollback", DEPLOYED,
                () -> devices.get("fixture-1").status() == DeviceStatus.CONNECTED);
        assertEquals("2.0.0", runVersionFunction());
    }

    @Test
    public void d_fiftyUpdatesLeaveNoOldClassLoadersBehind() throws Exception {
        ArtifactInstaller deployer = deployer();
        // the deployer's own update path, without waiting for folder scans: a file of the same name
        // outside the watched folder is the same plugin to it
        Path file = Files.createDirectories(HOME.resolve("cycles")).resolve(JAR);
        List<WeakReference<ClassLoader>> loaders = new ArrayList<>();
        for (int cycle = 0; cycle < 50; cycle++) {
            String version = cycle % 2 == 0 ? "1.0.0" : "2.0.0";
            Files.copy(FIXTURES.resolve(FixtureJars.NAME + "-" + version + ".jar"), file,
                    StandardCopyOption.REPLACE_EXISTING);
            deployer.update(file.toFile());
            loaders.add(new WeakReference<>(functionClassLoader()));
        }
        Await.until("old class loaders collected", Duration.ofSeconds(30), () -> {
            System.gc();
            return loaders.stream().filter(ref -> ref.get() != null).count() <= 1;
        });
    }

    @Test
    public void e_aDeletedJarTakesItsFunctionsAndLeavesItsDevicesUnavailable() throws Exception {
        List<String> othersTouched = watchOtherBundles();

        Files.delete(DEPLOY.resolve(JAR));

        Await.until("fixture.version gone", DEPLOYED, () -> catalog.function("fixture.version").isEmpty());
        Await.until("the device unavailable", DEPLOYED,
                () -> devices.get("fixture-1").status() == DeviceStatus.UNAVAILABLE);
        assertTrue(catalog.deviceType("fixture-device").isEmpty());
        assertTrue("other bundles restarted: " + othersTouched, othersTouched.isEmpty());
        assertEquals(ExecutionStatus.SUCCEEDED, run(delay(1)).status());
    }

    @Test
    public void f_aCorruptJarAndAPluginThatThrowsLeaveEverythingElseServing() throws Exception {
        Files.writeString(DEPLOY.resolve("corrupt.jar.tmp"), "not a jar");
        Files.move(DEPLOY.resolve("corrupt.jar.tmp"), DEPLOY.resolve("corrupt.jar"), StandardCopyOption.ATOMIC_MOVE);
        Path broken = FIXTURES.resolve(FixtureJars.NAME + ".broken-1.0.0-failing.jar");
        Files.copy(broken, DEPLOY.resolve("broken.jar.tmp"));
        Files.move(DEPLOY.resolve("broken.jar.tmp"), DEPLOY.resolve("broken.jar"), StandardCopyOption.ATOMIC_MOVE);

        Await.until("the throwing plugin reported", DEPLOYED, () -> {
            PluginInfo info = plugin(FixtureJars.NAME + ".broken");
            return info != null && info.lastError() != null;
        });
        assertTrue(plugin(FixtureJars.NAME + ".broken").lastError(),
                plugin(FixtureJars.NAME + ".broken").lastError().contains("fixture told to fail"));
        assertEquals(ExecutionStatus.SUCCEEDED, run(delay(1)).status());
    }

    private void drop(String version, boolean failing) throws IOException {
        Path source = FIXTURES.resolve(FixtureJars.NAME + "-" + version + (failing ? "-failing" : "") + ".jar");
        Path temporary = DEPLOY.resolve(JAR + ".tmp");
        Files.copy(source, temporary, StandardCopyOption.REPLACE_EXISTING);
        Files.move(temporary, DEPLOY.resolve(JAR), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private String servedVersion() {
        return catalog.function("fixture.version").map(f -> f.pluginVersion()).orElse("none");
    }

    private String runVersionFunction() {
        ExecutionRecord done = run(new PipelineDefinition(null, "version", null,
                List.of(new NodeDefinition("v", "fixture.version", "fixture-1", Map.of(), null, null)), List.of()));
        assertEquals(String.valueOf(done.error()), ExecutionStatus.SUCCEEDED, done.status());
        return (String) done.nodes().get("v").outputs().get("version");
    }

    private ExecutionRecord run(PipelineDefinition pipeline) {
        ExecutionRecord started = executions.startInline(pipeline, Map.of());
        return executions.await(started.id(), DEPLOYED);
    }

    private static PipelineDefinition delay(int ms) {
        return new PipelineDefinition(null, "delay", null, List.of(NodeDefinition.of("wait", "core.delay",
                Map.of("ms", ms))), List.of());
    }

    private PluginInfo plugin(String symbolicName) {
        return catalog.plugins().stream().filter(p -> p.symbolicName().equals(symbolicName)).findFirst().orElse(null);
    }

    /** Records every start or stop of a bundle that is not the fixture. */
    private List<String> watchOtherBundles() {
        List<String> touched = new CopyOnWriteArrayList<>();
        BundleListener listener = event -> {
            Bundle bundle = event.getBundle();
            boolean restart = event.getType() == BundleEvent.STOPPED || event.getType() == BundleEvent.STARTED;
            if (restart && !bundle.getSymbolicName().startsWith(FixtureJars.NAME)) {
                touched.add(bundle.getSymbolicName() + " " + event.getType());
            }
        };
        context.addBundleListener(listener);
        return touched;
    }

    private ArtifactInstaller deployer() throws Exception {
        for (ServiceReference<ArtifactInstaller> reference : context.getServiceReferences(ArtifactInstaller.class, null)) {
            ArtifactInstaller installer = context.getService(reference);
            if (installer.getClass().getName().endsWith("PluginDeployer")) {
                return installer;
            }
        }
        throw new AssertionError("no PluginDeployer service");
    }

    private ClassLoader functionClassLoader() throws Exception {
        ServiceReference<PipelineFunction> reference = context.getServiceReferences(PipelineFunction.class, "(fixture=true)")
                .iterator().next();
        try {
            return context.getService(reference).getClass().getClassLoader();
        } finally {
            context.ungetService(reference);
        }
    }
}
