package io.gantry.mqtt.bridge.internal;

import io.gantry.engine.api.function.PortType;
import io.gantry.engine.api.service.SignalInfo;
import io.gantry.engine.api.signal.SignalQuality;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.eclipse.tahu.SparkplugInvalidTypeException;
import org.eclipse.tahu.message.SparkplugBPayloadEncoder;
import org.eclipse.tahu.message.model.Metric;
import org.eclipse.tahu.message.model.Metric.MetricBuilder;
import org.eclipse.tahu.message.model.MetricDataType;
import org.eclipse.tahu.message.model.PropertyDataType;
import org.eclipse.tahu.message.model.PropertySet;
import org.eclipse.tahu.message.model.PropertyValue;
import org.eclipse.tahu.message.model.SparkplugBPayload;

/** The Sparkplug B payloads of an edge node and its devices, encoded with Eclipse Tahu. */
final class SparkplugPayloads {
    /** The birth/death sequence metric of NBIRTH and NDEATH. */
    static final String BD_SEQ = "bdSeq";
    /** The NCMD metric a host writes true to for a new NBIRTH and DBIRTHs. */
    static final String REBIRTH = "Node Control/Rebirth";
    /** The NCMD metric that runs a stored pipeline: JSON {@code {"pipelineId","version"?,"inputs"?}}. */
    static final String RUN = "Gantry/Run";
    /** NBIRTH metric: the controller's epoch, with which its JSON events are numbered. */
    static final String EPOCH = "Gantry/Epoch";
    /** The property of a metric naming its engineering unit. */
    static final String UNIT = "unit";
    /** The property of a metric carrying its quality, an OPC DA code. */
    static final String QUALITY = "Quality";

    private final SparkplugBPayloadEncoder encoder = new SparkplugBPayloadEncoder();

    /**
     * @param bdSeq the connect's bdSeq
     * @param at    when
     * @return the NDEATH payload (the will): the bdSeq only, no seq
     */
    byte[] nodeDeath(int bdSeq, Instant at) {
        SparkplugBPayload payload = new SparkplugBPayload(Date.from(at), new ArrayList<>());
        payload.addMetric(metric(BD_SEQ, MetricDataType.Int64, (long) bdSeq, at));
        return encode(payload);
    }

    /**
     * @param bdSeq the connect's bdSeq, as its will carries it
     * @param seq   0
     * @param epoch the controller's epoch
     * @param at    when
     * @return the NBIRTH payload
     */
    byte[] nodeBirth(int bdSeq, long seq, String epoch, Instant at) {
        SparkplugBPayload payload = new SparkplugBPayload(Date.from(at), new ArrayList<>(), seq);
        payload.addMetric(metric(BD_SEQ, MetricDataType.Int64, (long) bdSeq, at));
        payload.addMetric(metric(REBIRTH, MetricDataType.Boolean, false, at));
        payload.addMetric(metric(RUN, MetricDataType.String, "", at));
        payload.addMetric(metric(EPOCH, MetricDataType.String, epoch, at));
        return encode(payload);
    }

    /**
     * @param seq     the message's seq
     * @param signals the device's signals with their readings now
     * @param at      when
     * @return the DBIRTH payload: one metric per signal
     */
    byte[] deviceBirth(long seq, List<SignalInfo> signals, Instant at) {
        SparkplugBPayload payload = new SparkplugBPayload(Date.from(at), new ArrayList<>(), seq);
        for (SignalInfo signal : signals) {
            Instant sampled = signal.timestamp() == null ? at : signal.timestamp();
            payload.addMetric(signalMetric(
                    signal.name(), signal.type(), signal.unit(), signal.value(), signal.quality(), sampled, false));
        }
        return encode(payload);
    }

    /**
     * @param seq        the message's seq
     * @param name       the signal
     * @param type       its type
     * @param value      its new value, or null
     * @param quality    its quality
     * @param sampledAt  when it was read
     * @param historical whether it is older than the current birth (a replay)
     * @param at         when
     * @return the DDATA payload of one changed signal
     */
    byte[] deviceData(
            long seq,
            String name,
            PortType type,
            Object value,
            SignalQuality quality,
            Instant sampledAt,
            boolean historical,
            Instant at) {
        SparkplugBPayload payload = new SparkplugBPayload(Date.from(at), new ArrayList<>(), seq);
        payload.addMetric(signalMetric(name, type, null, value, quality, sampledAt, historical));
        return encode(payload);
    }

    /**
     * @param seq the message's seq
     * @param at  when
     * @return the DDEATH payload
     */
    byte[] deviceDeath(long seq, Instant at) {
        return encode(new SparkplugBPayload(Date.from(at), new ArrayList<>(), seq));
    }

    private static Metric signalMetric(
            String name,
            PortType type,
            String unit,
            Object value,
            SignalQuality quality,
            Instant sampledAt,
            boolean historical) {
        PropertySet properties = new PropertySet();
        properties.setProperty(QUALITY, property(PropertyDataType.Int32, MetricTypes.qualityCode(quality)));
        if (unit != null && !unit.isEmpty()) {
            properties.setProperty(UNIT, property(PropertyDataType.String, unit));
        }
        try {
            return new MetricBuilder(name, MetricTypes.dataType(type), MetricTypes.toMetricValue(type, value))
                    .timestamp(Date.from(sampledAt))
                    .properties(properties)
                    .isHistorical(historical ? Boolean.TRUE : null)
                    .createMetric();
        } catch (SparkplugInvalidTypeException e) {
            throw new IllegalStateException("signal " + name + ": " + e.getMessage(), e);
        }
    }

    private static Metric metric(String name, MetricDataType type, Object value, Instant at) {
        try {
            return new MetricBuilder(name, type, value).timestamp(Date.from(at)).createMetric();
        } catch (SparkplugInvalidTypeException e) {
            throw new IllegalStateException("metric " + name + ": " + e.getMessage(), e);
        }
    }

    private static PropertyValue<PropertyDataType> property(PropertyDataType type, Object value) {
        try {
            return new PropertyValue<>(type, value);
        } catch (SparkplugInvalidTypeException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private byte[] encode(SparkplugBPayload payload) {
        try {
            return encoder.getBytes(payload, false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a Sparkplug payload", e);
        }
    }
}
