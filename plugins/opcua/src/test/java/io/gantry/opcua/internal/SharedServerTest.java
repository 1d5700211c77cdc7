package io.gantry.opcua.internal;

import io.gantry.plugin.testkit.Contracts;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** One node-opcua server (anonymous, security None and Basic256Sha256) for every test of a class. */
abstract class SharedServerTest {
    @TempDir
    static Path dir;

    static NodeOpcUaServer server;

    OpcUaDriver driver;
    /** The context of the device {@link #connected} made last. */
    ObservedContext context;

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

    @org.junit.jupiter.api.BeforeEach
    void newDriver() {
        driver = new OpcUaDriver(dir.resolve("gantry-data"));
    }

    @AfterEach
    void closeDevices() {
        driver.deactivate();
    }

    /** @return a device {@code cell} with that config, not connected */
    OpcUaDevice created(Map<String, Object> config) {
        context = new ObservedContext("cell", config);
        return (OpcUaDevice) driver.create(context);
    }

    /** @return a device {@code cell} with that config, connected */
    OpcUaDevice connected(Map<String, Object> config) {
        OpcUaDevice device = created(config);
        Contracts.assertConnects(device, Stages.WAIT);
        return device;
    }
}
