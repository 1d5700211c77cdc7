package io.gantry.opcua.internal;

import static io.gantry.opcua.internal.Stages.config;
import static io.gantry.opcua.internal.Stages.signal;
import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.engine.api.device.Device;
import io.gantry.engine.api.device.DeviceDriver;
import io.gantry.engine.api.signal.SignalQuality;
import io.gantry.plugin.testkit.Contracts;
import java.io.File;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The packaged plugin jar in a real Felix with SCR, as the controller's deploy/ would run it: it resolves with
 * only the controller's API, OSGi and SLF4J from the framework (and the JDK's packages), activates, drives a
 * Basic256Sha256 session to node-opcua from inside its own class space, and an uninstall leaves no thread of
 * Milo or netty behind.
 */
class OpcUaBundleIT {
    @TempDir
    static Path dir;

    static NodeOpcUaServer server;

    @BeforeAll
    static void startServer() {
        server = NodeOpcUaServer.start(dir.resolve("server-pki"));
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void thePluginJarResolvesActivatesConnectsAndLeavesNoThreadWhenUninstalled() throws Exception {
        Map<String, String> properties = new HashMap<>();
        properties.put(Constants.FRAMEWORK_STORAGE, dir.resolve("felix-cache").toString());
        properties.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        // the controller's API and SLF4J come from the class path, as the controller's own bundles export them,
        // so that this test and the plugin share the API's classes
        properties.put(
                Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA,
                "io.gantry.engine.api.device;version=1.1.0,io.gantry.engine.api.signal;version=1.1.0,"
                        + "io.gantry.engine.api.error;version=1.1.0,io.gantry.engine.api.function;version=1.0.0,"
                        + "org.slf4j;version=2.0.16,org.slf4j.helpers;version=2.0.16,org.slf4j.spi;version=2.0.16,"
                        + "org.slf4j.event;version=2.0.16");
        properties.put("gantry.data", dir.resolve("gantry-data").toString());
        Framework framework = ServiceLoader.load(FrameworkFactory.class)
                .findFirst()
                .orElseThrow()
                .newFramework(properties);
        framework.start();
        try {
            BundleContext context = framework.getBundleContext();
            List<Bundle> runtime = new java.util.ArrayList<>();
            for (String jar : List.of(
                    System.getProperty("osgi.function.jar"),
                    System.getProperty("osgi.promise.jar"),
                    System.getProperty("osgi.component.jar"),
                    System.getProperty("felix.scr.jar"))) {
                runtime.add(context.installBundle(new File(jar).toURI().toString()));
            }
            for (Bundle bundle : runtime) {
                bundle.start();
            }
            Bundle plugin = context.installBundle(
                    new File(System.getProperty("plugin.jar")).toURI().toString());
            plugin.start();
            assertThat(plugin.getState()).isEqualTo(Bundle.ACTIVE);

            ServiceTracker<DeviceDriver, DeviceDriver> drivers =
                    new ServiceTracker<>(context, DeviceDriver.class, null);
            drivers.open();
            DeviceDriver driver = drivers.waitForService(TimeUnit.SECONDS.toMillis(20));
            assertThat(driver).as("the opcua DeviceDriver service").isNotNull();
            assertThat(driver.descriptor().id()).isEqualTo("opcua");

            ObservedContext observed = new ObservedContext(
                    "bundled",
                    config(
                            server.endpointUrl(),
                            List.of(signal("counter", "ns=1;s=Counter")),
                            "securityPolicy",
                            "Basic256Sha256",
                            "securityMode",
                            "SignAndEncrypt",
                            "trustedServerCertificates",
                            List.of(server.thumbprint())));
            Device device = driver.create(observed);
            Contracts.assertConnects(device, Stages.WAIT);
            assertThat(observed.awaitSample("counter", 0, sample -> true, Stages.WAIT)
                            .quality())
                    .isEqualTo(SignalQuality.GOOD);
            assertThat(dir.resolve("gantry-data")
                            .resolve("opcua")
                            .resolve("pki")
                            .resolve("own")
                            .resolve("client.p12"))
                    .isRegularFile();
            drivers.close();

            plugin.uninstall(); // DS deactivates the driver: the device's session ends, Milo's threads go

            for (Thread thread : MiloThreads.alive()) {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            }
            assertThat(MiloThreads.alive()).extracting(Thread::getName).isEmpty();
            assertThat(server.stats()).isEqualTo("SESSIONS 0 SUBSCRIPTIONS 0 MONITORED 0");
        } finally {
            framework.stop();
            framework.waitForStop(TimeUnit.SECONDS.toMillis(20));
        }
    }
}
