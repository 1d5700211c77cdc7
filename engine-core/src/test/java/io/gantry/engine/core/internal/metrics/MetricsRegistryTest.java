package io.gantry.engine.core.internal.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MetricsRegistryTest {
    private final MetricsRegistry metrics = new MetricsRegistry();

    @AfterEach
    void close() {
        metrics.stop();
    }

    @Test
    void scrapesTheMqttBridgesFiguresUnderTheirPrometheusNames() {
        metrics.mqttConnected(true);
        metrics.mqttPublished(3);
        metrics.mqttPublished(2);
        metrics.mqttBacklog(42);
        metrics.mqttDropped(7);
        metrics.mqttCommand("write", "denied");

        String text = metrics.scrape();

        assertThat(text)
                .contains("gantry_mqtt_connected 1.0")
                .contains("gantry_mqtt_published_total 5.0")
                .contains("gantry_mqtt_backlog_events 42.0")
                .contains("gantry_mqtt_dropped_events_total 7.0")
                .containsPattern("gantry_mqtt_commands_total\\{kind=\"write\",outcome=\"denied\"} 1.0");
    }

    @Test
    void aDisconnectedBridgeShowsZero() {
        metrics.mqttConnected(true);
        metrics.mqttConnected(false);

        assertThat(metrics.scrape()).contains("gantry_mqtt_connected 0.0");
    }
}
