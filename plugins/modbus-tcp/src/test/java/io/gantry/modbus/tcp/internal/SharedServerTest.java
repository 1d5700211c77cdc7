package io.gantry.modbus.tcp.internal;

import io.gantry.plugin.testkit.Contracts;
import io.gantry.plugin.testkit.RecordingDeviceContext;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** One pymodbus server for every test of a class, and devices on it closed after each test. */
abstract class SharedServerTest {
    static PyModbusServer server;

    final ModbusTcpDriver driver = new ModbusTcpDriver();
    /** The context of the device {@link #connected} made last. */
    RecordingDeviceContext context;

    @BeforeAll
    static void startServer() {
        server = PyModbusServer.start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @AfterEach
    void closeDevices() {
        driver.deactivate();
    }

    /** @return a device {@code plc-1} with that config, connected */
    ModbusTcpDevice connected(Map<String, Object> config) {
        context = new RecordingDeviceContext("plc-1", config);
        ModbusTcpDevice created = (ModbusTcpDevice) driver.create(context);
        Contracts.assertConnects(created, Stages.WAIT);
        return created;
    }
}
