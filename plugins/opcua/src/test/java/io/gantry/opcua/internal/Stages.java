package io.gantry.opcua.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/** Waiting on a device's stages, and configs the way an engineer writes them. */
final class Stages {
    /** Long enough for any request against a loopback server; only a hang reaches it. */
    static final Duration WAIT = Duration.ofSeconds(20);

    private Stages() {}

    static <T> T value(CompletionStage<T> stage) {
        return assertThat(stage).succeedsWithin(WAIT).actual();
    }

    static Throwable failure(CompletionStage<?> stage) {
        return assertThat(stage).failsWithin(WAIT).withThrowableThat().actual().getCause();
    }

    /** @return a config of a device on that endpoint with these signals, then key-value pairs */
    static Map<String, Object> config(String endpointUrl, List<Map<String, Object>> signals, Object... more) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("endpointUrl", endpointUrl);
        config.put("signals", signals);
        for (int i = 0; i < more.length; i += 2) {
            config.put((String) more[i], more[i + 1]);
        }
        return config;
    }

    /** @return one signal's config: name, node id, then key-value pairs */
    static Map<String, Object> signal(String name, String nodeId, Object... more) {
        Map<String, Object> signal = new LinkedHashMap<>();
        signal.put("name", name);
        signal.put("nodeId", nodeId);
        for (int i = 0; i < more.length; i += 2) {
            signal.put((String) more[i], more[i + 1]);
        }
        return signal;
    }
}
