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
import io.gantry.engine.api.service.RejectedFile;
import io.gantry.itests.fixture.FixtureJars;
import io.gantry.itests.fixture.VendorPlugin;
import io.gantry.itests.support.Await;
import io.gantry.itests.support.Drop;
import io.gantry.itests.support.EventRecorder;
import io.gantry.itests.support.GantryContainer;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
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
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.event.Event;

/**
 * Plugin jars dropped into, replaced in and deleted from a real watched folder of a running Felix:
 * the registry follows, devices move to the new version (restarted once per update) or become
 * UNAVAILABLE, a broken new version is rolled back, and nothing else restarts. The vendor's driver
 * is built outside Gantry's build and connects asynchronously, as real hardware does. The tests run
 * in order on one container.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class PluginHotDeployIT {
    private static final Path HOME = Path.of("target/itest-hotdeploy").toAbsolutePath();
    private static final Path DEPLOY = HOME.resolve("deploy");
    private static final Path FIXTURES = HOME.resolve("fixtures");
    private static final Duration DEPLOYED = Duration.ofSeconds(15);
    private static final String JAR = "fixture.jar";
    private static final String BELT_JAR = "acme-belt.jar";
    private static final int UPDATES = 50;
    private static final int DROPS = 20;

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
        for (int i = 1; i <= DROPS; i++) {
            FixtureJars.build(
                    FIXTURES,
                    "drop-" + i + ".jar",
                    "io.gantry.itests.drop" + i,
                    "1.0.0",
                    Map.of("Fixture-Type", "drop-device-" + i, "Fixture-Functions", "drop" + i + ".version"));
        }
        for (int cycle = 0; cycle <= UPDATES; cycle++) {
            VendorPlugin.build(FIXTURES, "1.0." + cycle, null);
        }
        return GantryContainer.options(GantryContainer.withShippedPlugins(DEPLOY));
    }

    @Test
    public void a_aDroppedJarIsUsableWithinSeconds() throws IOException {
        Await.until(
                "the shipped plugins",
                DEPLOYED,
                () -> catalog.function("core.delay").isPresent());
        long dropped = System.nanoTime();
        drop(fixture("1.0.0", false), JAR);
        Await.until(
                "fixture.version registered", DEPLOYED, () -> servedVersion().equals("1.0.0"));
        System.out.printf(
                "hot deploy: jar dropped -> function registered in %d ms%n", (System.nanoTime() - dropped) / 1_000_000);

        devices.create(new DeviceSpec("fixture-1", "fixture-device", "fixture", Map.of()));
        assertEquals(DeviceStatus.CONNECTED, devices.connect("fixture-1").status());
        assertEquals("1.0.0", runVersionFunction("fixture.version", "fixture-1", "version"));
    }

    /** Measured, not asserted: how long a dropped plugin takes to be listed with its functions. */
    @Test
    public void a_twentyDropsAreEachListedWithTheirFunctions() {
        List<Long> toListed = new ArrayList<>();
        for (int i = 1; i <= DROPS; i++) {
            String name = "io.gantry.itests.drop" + i;
            try (EventRecorder events = new EventRecorder(context)) {
                Instant dropped = Instant.now();
                drop(FIXTURES.resolve("drop-" + i + ".jar"), "drop-" + i + ".jar");
                events.await(
                        name + " installed",
                        DEPLOYED,
                        e -> e.getTopic().equals("gantry/plugin/INSTALLED") && name.equals(e.getProperty("plugin")));
                Event installed =
                        events.events(e -> name.equals(e.getProperty("plugin"))).get(0);
                toListed.add(Duration.between(dropped, Instant.parse((String) installed.getProperty("timestamp")))
                        .toMillis());
            }
            assertTrue(catalog.function("drop" + i + ".version").isPresent());
        }
        Collections.sort(toListed);
        System.out.printf(
                "hot deploy: %d drops; jar dropped -> plugin listed median %d ms, max %d ms%n",
                DROPS, toListed.get(DROPS / 2), toListed.get(DROPS - 1));
    }

    @Test
    public void b_aReplacedJarServesTheNewVersionReconnectsDevicesAndRestartsNothingElse() throws Exception {
        List<String> restarts = watchRestarts();
        ExecutionRecord longRun = executions.startInline(delay(1500), Map.of());

        try (EventRecorder events = new EventRecorder(context)) {
            drop(fixture("2.0.0", false), JAR);
            events.await(
                    "the update announced",
                    DEPLOYED,
                    e -> e.getTopic().equals("gantry/plugin/UPDATED")
                            && "2.0.0".equals(String.valueOf(e.getProperty("pluginVersion"))));
            awaitAfter(events, unavailable("fixture-1"), connected("fixture-1"), "fixture-1 reconnected on 2.0.0");
        }

        assertEquals("2.0.0", servedVersion());
        assertEquals("2.0.0", runVersionFunction("fixture.version", "fixture-1", "version"));
        assertEquals(
                ExecutionStatus.SUCCEEDED,
                executions.await(longRun.id(), DEPLOYED).status());
        assertEquals(
                "the plugin started once, nothing else restarted: " + restarts,
                List.of(FixtureJars.NAME + " STOPPED", FixtureJars.NAME + " STARTED"),
                restarts);
    }

    @Test
    public void c_aNewVersionThatFailsToStartIsRolledBackAndTheEventNamesBothVersions() throws Exception {
        Event rolledBack;
        try (EventRecorder events = new EventRecorder(context)) {
            drop(fixture("3.0.0", true), JAR);
            events.await("the rollback announced", DEPLOYED, e -> e.getTopic().equals("gantry/plugin/ROLLED_BACK"));
            rolledBack = events.events(e -> e.getTopic().equals("gantry/plugin/ROLLED_BACK"))
                    .get(0);
            // the device may reconnect to the restored version before the rollback is announced
            awaitAfter(
                    events,
                    unavailable("fixture-1"),
                    connected("fixture-1"),
                    "fixture-1 reconnected after the rollback");
        }
        assertEquals("3.0.0", rolledBack.getProperty("failedVersion"));
        assertEquals("2.0.0", rolledBack.getProperty("pluginVersion"));
        assertEquals("2.0.0", servedVersion());
        PluginInfo fixture = plugin(FixtureJars.NAME);
        assertNotNull("the failure shows in the plugin list", fixture.lastError());
        assertTrue(
                fixture.lastError(),
                fixture.lastError().contains("version 3.0.0 did not start: fixture told to fail on start"));
        assertTrue(fixture.lastError(), fixture.lastError().contains("version 2.0.0 is back in service"));
        assertEquals("ACTIVE", fixture.state());
        assertEquals("2.0.0", runVersionFunction("fixture.version", "fixture-1", "version"));
    }

    /**
     * 50 consecutive updates of the vendor's driver, whose connect takes 50-500 ms: every one ends
     * with the device CONNECTED on the new version and a run on it succeeding, and the old versions'
     * class loaders are collected.
     */
    @Test
    public void d_fiftyUpdatesOfADriverThatConnectsSlowlyReconnectEveryTime() throws Exception {
        drop(belt("1.0.0"), BELT_JAR);
        Await.until(
                "the vendor's driver",
                DEPLOYED,
                () -> catalog.deviceType("acme-belt").isPresent());
        devices.create(new DeviceSpec("belt-1", "acme-belt", "Infeed belt", Map.of()));
        assertEquals(DeviceStatus.CONNECTED, devices.connect("belt-1").status());

        List<Long> toConnected = new ArrayList<>();
        List<Long> toServing = new ArrayList<>();
        List<WeakReference<ClassLoader>> loaders = new ArrayList<>();
        int reconnected = 0;
        for (int cycle = 1; cycle <= UPDATES; cycle++) {
            String version = "1.0." + cycle;
            try (EventRecorder events = new EventRecorder(context)) {
                Instant replaced = Instant.now();
                drop(belt(version), BELT_JAR);
                // the device reconnects once the old driver has left; the deployer announces the update
                // once SCR has activated the new one: either may come first
                Event connected = awaitAfter(
                        events, unavailable("belt-1"), connected("belt-1"), "belt-1 CONNECTED again for " + version);
                events.await("the update to " + version + " announced", DEPLOYED, updated(version));
                Event serving = events.events(updated(version)).get(0);
                toServing.add(Duration.between(replaced, Instant.parse((String) serving.getProperty("timestamp")))
                        .toMillis());
                toConnected.add(Duration.between(replaced, Instant.parse((String) connected.getProperty("timestamp")))
                        .toMillis());
            }
            assertEquals(version, runVersionFunction("belt.run", "belt-1", "build"));
            reconnected++;
            loaders.add(new WeakReference<>(functionClassLoader("belt.run")));
        }
        Collections.sort(toConnected);
        Collections.sort(toServing);
        System.out.printf(
                "hot deploy: jar replaced -> new version serving median %d ms, max %d ms%n",
                toServing.get(toServing.size() / 2), toServing.get(toServing.size() - 1));
        System.out.printf(
                "hot deploy: %d/%d updates reconnected; jar replaced -> device CONNECTED median %d ms, max %d ms%n",
                reconnected, UPDATES, toConnected.get(toConnected.size() / 2), toConnected.get(toConnected.size() - 1));
        assertEquals(UPDATES, reconnected);
        Await.until("old class loaders collected", Duration.ofSeconds(30), () -> {
            System.gc();
            return loaders.stream().filter(ref -> ref.get() != null).count() <= 1;
        });
    }

    @Test
    public void e_aDeletedJarTakesItsFunctionsAndLeavesItsDevicesUnavailable() throws Exception {
        List<String> restarts = watchRestarts();

        Files.delete(DEPLOY.resolve(JAR));

        Await.until(
                "fixture.version gone",
                DEPLOYED,
                () -> catalog.function("fixture.version").isEmpty());
        Await.until(
                "the device unavailable",
                DEPLOYED,
                () -> devices.get("fixture-1").status() == DeviceStatus.UNAVAILABLE);
        assertTrue(catalog.deviceType("fixture-device").isEmpty());
        assertEquals("only the removed plugin stopped: " + restarts, List.of(FixtureJars.NAME + " STOPPED"), restarts);
        assertEquals(ExecutionStatus.SUCCEEDED, run(delay(1)).status());
        assertEquals(DeviceStatus.CONNECTED, devices.get("belt-1").status());
    }

    @Test
    public void f_aCorruptJarAPlainFileAndAPluginThatThrowsAreListedAndEverythingElseServes() throws Exception {
        Files.writeString(FIXTURES.resolve("corrupt.jar"), "not a jar");
        drop(FIXTURES.resolve("corrupt.jar"), "corrupt.jar");
        Files.writeString(FIXTURES.resolve("notes.txt"), "belt tension 40 N");
        drop(FIXTURES.resolve("notes.txt"), "notes.txt");
        drop(FIXTURES.resolve(FixtureJars.NAME + ".broken-1.0.0-failing.jar"), "broken.jar");

        Await.until("the throwing plugin reported", DEPLOYED, () -> {
            PluginInfo info = plugin(FixtureJars.NAME + ".broken");
            return info != null && info.lastError() != null;
        });
        PluginInfo broken = plugin(FixtureJars.NAME + ".broken");
        assertEquals("FAILED", broken.state());
        assertTrue(
                broken.lastError(),
                broken.lastError().contains("version 1.0.0 did not start: fixture told to fail on start"));
        Await.until(
                "both files listed as rejected",
                DEPLOYED,
                () -> catalog.rejectedFiles().size() == 2);
        Map<String, String> rejected = new HashMap<>();
        catalog.rejectedFiles().forEach(file -> rejected.put(file.file(), file.reason()));
        assertTrue(rejected.toString(), rejected.get("corrupt.jar").startsWith("it cannot be read as a jar"));
        assertTrue(rejected.toString(), rejected.get("notes.txt").contains("neither a plugin"));
        assertEquals(ExecutionStatus.SUCCEEDED, run(delay(1)).status());
        assertEquals("1.0." + UPDATES, runVersionFunction("belt.run", "belt-1", "build"));

        Files.delete(DEPLOY.resolve("notes.txt"));
        Await.until(
                "a removed file is no longer listed",
                DEPLOYED,
                () -> catalog.rejectedFiles().stream()
                        .map(RejectedFile::file)
                        .toList()
                        .equals(List.of("corrupt.jar")));
    }

    /**
     * The deployer component restarting on a running framework (a new configuration, its bundle
     * refreshed) keeps the plugins that did not change running, and catches up with what did.
     */
    @Test
    public void g_aRestartedDeployerKeepsUnchangedPluginsRunningAndCatchesUp() throws Exception {
        ServiceReference<ServiceComponentRuntime> reference =
                context.getServiceReference(ServiceComponentRuntime.class);
        ServiceComponentRuntime scr = context.getService(reference);
        ComponentDescriptionDTO deployer = scr.getComponentDescriptionDTO(
                bundleOf("io.gantry.engine.core"), "io.gantry.engine.core.internal.deploy.PluginDeployer");
        List<String> restarts = watchRestarts();

        scr.disableComponent(deployer).getValue();
        Files.delete(DEPLOY.resolve("drop-1.jar"));
        scr.enableComponent(deployer).getValue();

        Await.until(
                "drop-1's plugin removed",
                DEPLOYED,
                () -> catalog.function("drop1.version").isEmpty());
        // the plugin that never started (f_) is tried again; every serving one is left alone
        List<String> serving = restarts.stream()
                .filter(r -> !r.startsWith(FixtureJars.NAME + ".broken"))
                .toList();
        assertEquals(
                "only the removed plugin stopped: " + restarts, List.of("io.gantry.itests.drop1 STOPPED"), serving);
        assertEquals("1.0." + UPDATES, runVersionFunction("belt.run", "belt-1", "build"));
        assertTrue(catalog.function("drop2.version").isPresent());
    }

    private Bundle bundleOf(String symbolicName) {
        return Arrays.stream(context.getBundles())
                .filter(b -> symbolicName.equals(b.getSymbolicName()))
                .findFirst()
                .orElseThrow();
    }

    private static Path fixture(String version, boolean failing) {
        return FIXTURES.resolve(FixtureJars.NAME + "-" + version + (failing ? "-failing" : "") + ".jar");
    }

    private static Path belt(String version) {
        return FIXTURES.resolve(VendorPlugin.NAME + "-" + version + ".jar");
    }

    private static void drop(Path source, String name) {
        Drop.into(DEPLOY, source, name);
    }

    private static Predicate<Event> updated(String version) {
        return e -> e.getTopic().equals("gantry/plugin/UPDATED")
                && version.equals(e.getProperty("pluginVersion"))
                && e.getProperty("error") == null;
    }

    private static Predicate<Event> unavailable(String deviceId) {
        return e -> e.getTopic().equals("gantry/device/UNAVAILABLE") && deviceId.equals(e.getProperty("deviceId"));
    }

    private static Predicate<Event> connected(String deviceId) {
        return e -> e.getTopic().equals("gantry/device/CONNECTED") && deviceId.equals(e.getProperty("deviceId"));
    }

    /** Waits for an event matching {@code then} that came after one matching {@code first}; @return it */
    private static Event awaitAfter(EventRecorder events, Predicate<Event> first, Predicate<Event> then, String what) {
        Event[] found = new Event[1];
        Await.until(what, DEPLOYED, () -> {
            boolean seenFirst = false;
            for (Event event : events.events(e -> true)) {
                if (seenFirst && then.test(event)) {
                    found[0] = event;
                    return true;
                }
                seenFirst |= first.test(event);
            }
            return false;
        });
        return found[0];
    }

    private String servedVersion() {
        return catalog.function("fixture.version").map(f -> f.pluginVersion()).orElse("none");
    }

    private String runVersionFunction(String function, String deviceId, String output) {
        ExecutionRecord done = run(new PipelineDefinition(
                null,
                "version",
                null,
                List.of(new NodeDefinition("v", function, deviceId, Map.of(), null, null)),
                List.of()));
        assertEquals(String.valueOf(done.error()), ExecutionStatus.SUCCEEDED, done.status());
        return (String) done.nodes().get("v").outputs().get(output);
    }

    private ExecutionRecord run(PipelineDefinition pipeline) {
        ExecutionRecord started = executions.startInline(pipeline, Map.of());
        return executions.await(started.id(), DEPLOYED);
    }

    private static PipelineDefinition delay(int ms) {
        return new PipelineDefinition(
                null, "delay", null, List.of(NodeDefinition.of("wait", "core.delay", Map.of("ms", ms))), List.of());
    }

    private PluginInfo plugin(String symbolicName) {
        return catalog.plugins().stream()
                .filter(p -> p.symbolicName().equals(symbolicName))
                .findFirst()
                .orElse(null);
    }

    /** Records every start and stop of a bundle from now on, as it happens (a synchronous listener). */
    private List<String> watchRestarts() {
        List<String> restarts = new CopyOnWriteArrayList<>();
        SynchronousBundleListener listener = event -> {
            Bundle bundle = event.getBundle();
            if (event.getType() == BundleEvent.STOPPED || event.getType() == BundleEvent.STARTED) {
                restarts.add(
                        bundle.getSymbolicName() + (event.getType() == BundleEvent.STOPPED ? " STOPPED" : " STARTED"));
            }
        };
        context.addBundleListener(listener);
        return restarts;
    }

    private ClassLoader functionClassLoader(String functionId) throws Exception {
        for (ServiceReference<PipelineFunction> reference :
                context.getServiceReferences(PipelineFunction.class, null)) {
            PipelineFunction function = context.getService(reference);
            try {
                if (function.descriptor().id().equals(functionId)) {
                    return function.getClass().getClassLoader();
                }
            } finally {
                context.ungetService(reference);
            }
        }
        throw new AssertionError("no " + functionId + " service");
    }
}
