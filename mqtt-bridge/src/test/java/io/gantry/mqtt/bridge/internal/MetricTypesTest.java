package io.gantry.mqtt.bridge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gantry.engine.api.function.PortType;
import io.gantry.engine.api.service.SignalInfo;
import io.gantry.engine.api.signal.SignalAccess;
import io.gantry.engine.api.signal.SignalQuality;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.tahu.message.SparkplugBPayloadDecoder;
import org.eclipse.tahu.message.model.Metric;
import org.eclipse.tahu.message.model.Metric.MetricBuilder;
import org.eclipse.tahu.message.model.MetricDataType;
import org.eclipse.tahu.message.model.SparkplugBPayload;
import org.junit.jupiter.api.Test;

class MetricTypesTest {
    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void mapsEachSignalTypeToItsMetricDatatype() {
        assertThat(MetricTypes.dataType(PortType.NUMBER)).isEqualTo(MetricDataType.Double);
        assertThat(MetricTypes.dataType(PortType.INTEGER)).isEqualTo(MetricDataType.Int64);
        assertThat(MetricTypes.dataType(PortType.BOOLEAN)).isEqualTo(MetricDataType.Boolean);
        assertThat(MetricTypes.dataType(PortType.STRING)).isEqualTo(MetricDataType.String);
        assertThat(MetricTypes.dataType(PortType.JSON)).isEqualTo(MetricDataType.Text);
    }

    @Test
    void convertsValuesToTheDatatypesJavaType() {
        assertThat(MetricTypes.toMetricValue(PortType.NUMBER, 12)).isEqualTo(12.0);
        assertThat(MetricTypes.toMetricValue(PortType.INTEGER, 7.0)).isEqualTo(7L);
        assertThat(MetricTypes.toMetricValue(PortType.BOOLEAN, true)).isEqualTo(true);
        assertThat(MetricTypes.toMetricValue(PortType.JSON, Map.of("a", 1))).isEqualTo("{\"a\":1}");
        assertThat(MetricTypes.toMetricValue(PortType.NUMBER, null)).isNull();
        assertThat(MetricTypes.toMetricValue(PortType.NUMBER, "not a number")).isNull();
    }

    @Test
    void aDeviceBirthCarriesEachSignalWithTypeUnitQualityAndValueThroughTahu() throws Exception {
        List<SignalInfo> signals = List.of(
                new SignalInfo(
                        "position", PortType.NUMBER, "mm", SignalAccess.READ, 0, 12.5, SignalQuality.GOOD, AT, null),
                new SignalInfo(
                        "moving", PortType.BOOLEAN, null, SignalAccess.READ, 0, false, SignalQuality.STALE, AT, null),
                new SignalInfo(
                        "count",
                        PortType.INTEGER,
                        null,
                        SignalAccess.READ_WRITE,
                        100,
                        null,
                        SignalQuality.BAD,
                        AT,
                        "gone"));

        byte[] bytes = new SparkplugPayloads().deviceBirth(5, signals, AT);
        SparkplugBPayload payload = new SparkplugBPayloadDecoder().buildFromByteArray(bytes, null);

        assertThat(payload.getSeq()).isEqualTo(5L);
        Metric position = payload.getMetrics().get(0);
        assertThat(position.getName()).isEqualTo("position");
        assertThat(position.getDataType()).isEqualTo(MetricDataType.Double);
        assertThat(position.getValue()).isEqualTo(12.5);
        assertThat(position.getProperties().getPropertyValue("unit").getValue()).isEqualTo("mm");
        assertThat(position.getProperties().getPropertyValue("Quality").getValue())
                .isEqualTo(192);
        Metric moving = payload.getMetrics().get(1);
        assertThat(moving.getDataType()).isEqualTo(MetricDataType.Boolean);
        assertThat(moving.getProperties().getPropertyValue("Quality").getValue())
                .isEqualTo(68);
        assertThat(moving.getProperties().getPropertyValue("unit")).isNull();
        Metric count = payload.getMetrics().get(2);
        assertThat(count.getDataType()).isEqualTo(MetricDataType.Int64);
        assertThat(count.isNull()).isTrue();
        assertThat(count.getProperties().getPropertyValue("Quality").getValue()).isEqualTo(0);
    }

    @Test
    void replayedDataIsMarkedHistorical() throws Exception {
        byte[] bytes = new SparkplugPayloads()
                .deviceData(9, "position", PortType.NUMBER, 3.0, SignalQuality.GOOD, AT, true, AT);

        Metric metric = new SparkplugBPayloadDecoder()
                .buildFromByteArray(bytes, null)
                .getMetrics()
                .get(0);

        assertThat(metric.isHistorical()).isTrue();
        assertThat(metric.getTimestamp().toInstant()).isEqualTo(AT);
    }

    @Test
    void takesACommandsValueWhenItFitsTheSignalsType() throws Exception {
        assertThat(MetricTypes.fromMetric(PortType.NUMBER, metric(MetricDataType.Float, 2.5f)))
                .isEqualTo(2.5);
        assertThat(MetricTypes.fromMetric(PortType.INTEGER, metric(MetricDataType.Int32, 4)))
                .isEqualTo(4L);
        assertThat(MetricTypes.fromMetric(PortType.INTEGER, metric(MetricDataType.Double, 4.0)))
                .isEqualTo(4L);
        assertThat(MetricTypes.fromMetric(PortType.BOOLEAN, metric(MetricDataType.Boolean, true)))
                .isEqualTo(true);
        assertThat(MetricTypes.fromMetric(PortType.JSON, metric(MetricDataType.String, "{\"x\":[1,2]}")))
                .isEqualTo(Map.of("x", List.of(1, 2)));
    }

    @Test
    void refusesACommandsValueOfAnotherType() {
        assertThatThrownBy(() -> MetricTypes.fromMetric(PortType.BOOLEAN, metric(MetricDataType.String, "yes")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a value of the signal's type boolean");
        assertThatThrownBy(() -> MetricTypes.fromMetric(PortType.INTEGER, metric(MetricDataType.Double, 4.5)))
                .hasMessageContaining("integer");
        assertThatThrownBy(() -> MetricTypes.fromMetric(PortType.JSON, metric(MetricDataType.String, "{oops")))
                .hasMessageContaining("json");
    }

    private static Metric metric(MetricDataType type, Object value) {
        try {
            return new MetricBuilder("value", type, value).createMetric();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
