package io.gantry.modbus.tcp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.plugin.testkit.RecordingDeviceContext;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/** Waiting on a device's stages, and making devices the way the controller does. */
final class Stages {
    /** Long enough for any single request against a loopback server; only a hang reaches it. */
    static final Duration WAIT = Duration.ofSeconds(10);

    private Stages() {}

    static <T> T value(CompletionStage<T> stage) {
        return assertThat(stage).succeedsWithin(WAIT).actual();
    }

    static Throwable failure(CompletionStage<?> stage) {
        return assertThat(stage).failsWithin(WAIT).withThrowableThat().actual().getCause();
    }

    /** @return a config of the device on that port with these signals */
    static Map<String, Object> config(int port, List<Map<String, Object>> signals, Object... more) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("host", "127.0.0.1");
        config.put("port", port);
        config.put("signals", signals);
        for (int i = 0; i < more.length; i += 2) {
            config.put((String) more[i], more[i + 1]);
        }
        return config;
    }

    /** @return one signal's config: name, table, address, type, then key-value pairs */
    static Map<String, Object> signal(String name, String table, int address, String type, Object... more) {
        Map<String, Object> signal = new LinkedHashMap<>();
        signal.put("name", name);
        signal.put("table", table);
        signal.put("address", address);
        signal.put("type", type);
        for (int i = 0; i < more.length; i += 2) {
            signal.put((String) more[i], more[i + 1]);
        }
        return signal;
    }

    /** @return a device as the controller creates it, with a context that records what it reports */
    static ModbusTcpDevice create(ModbusTcpDriver driver, RecordingDeviceContext context) {
        return (ModbusTcpDevice) driver.create(context);
    }
}
