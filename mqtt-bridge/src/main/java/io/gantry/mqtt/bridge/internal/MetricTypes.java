package io.gantry.mqtt.bridge.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.gantry.engine.api.function.PortType;
import io.gantry.engine.api.signal.SignalQuality;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.eclipse.tahu.message.model.Metric;
import org.eclipse.tahu.message.model.MetricDataType;

/**
 * Signals as Sparkplug metrics: the datatype for a signal's type, its value both ways, and its
 * quality as the {@code Quality} property (OPC DA codes, as Sparkplug hosts such as Ignition read it).
 */
final class MetricTypes {
    /** OPC DA quality: good. */
    static final int QUALITY_GOOD = 192;
    /** OPC DA quality: uncertain. */
    static final int QUALITY_UNCERTAIN = 64;
    /** OPC DA quality: uncertain, last usable value (no fresh reading: Gantry's STALE). */
    static final int QUALITY_STALE = 68;
    /** OPC DA quality: bad. */
    static final int QUALITY_BAD = 0;

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private MetricTypes() {}

    /**
     * @param type a signal's type
     * @return its metric datatype: number Double, integer Int64, boolean Boolean, string String, json
     *     Text (the value as JSON text)
     */
    static MetricDataType dataType(PortType type) {
        return switch (type) {
            case NUMBER -> MetricDataType.Double;
            case INTEGER -> MetricDataType.Int64;
            case BOOLEAN -> MetricDataType.Boolean;
            case STRING -> MetricDataType.String;
            case JSON -> MetricDataType.Text;
        };
    }

    /**
     * @param type  a signal's type
     * @param value its value, JSON-like, or null
     * @return the value as the metric of {@link #dataType} holds it; null for none (or one not of the
     *     type, e.g. a BAD reading's)
     */
    static Object toMetricValue(PortType type, Object value) {
        if (value == null) {
            return null;
        }
        return switch (type) {
            case NUMBER -> value instanceof Number n ? n.doubleValue() : null;
            case INTEGER -> value instanceof Number n ? n.longValue() : null;
            case BOOLEAN -> value instanceof Boolean b ? b : null;
            case STRING -> value.toString();
            case JSON -> json(value);
        };
    }

    /**
     * The value a command's metric asks a signal to take.
     *
     * @param type   the signal's type
     * @param metric the metric of a DCMD
     * @return the value, JSON-like, of the signal's type
     * @throws IllegalArgumentException when the metric holds no value or one that does not fit the type
     */
    static Object fromMetric(PortType type, Metric metric) {
        Object value = metric.getValue();
        if (value == null) {
            throw new IllegalArgumentException("metric '" + metric.getName() + "' has no value");
        }
        Object converted = switch (type) {
            case NUMBER -> value instanceof Number n ? (Object) n.doubleValue() : null;
            case INTEGER -> wholeNumber(value);
            case BOOLEAN -> value instanceof Boolean b ? b : null;
            case STRING -> value instanceof String s ? s : null;
            case JSON -> value instanceof String s ? parseJson(s) : plainNumberOrValue(value);
        };
        if (converted == null) {
            throw new IllegalArgumentException("metric '" + metric.getName() + "' holds " + describe(metric)
                    + ", not a value of the signal's type " + type.id());
        }
        return converted;
    }

    /**
     * @param quality a signal's quality
     * @return its OPC DA code for the {@code Quality} property
     */
    static int qualityCode(SignalQuality quality) {
        return switch (quality) {
            case GOOD -> QUALITY_GOOD;
            case UNCERTAIN -> QUALITY_UNCERTAIN;
            case STALE -> QUALITY_STALE;
            case BAD -> QUALITY_BAD;
        };
    }

    private static Object wholeNumber(Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big && big.bitLength() < 64) {
            return big.longValue();
        }
        if (value instanceof Number n) {
            double d = n.doubleValue();
            if (!Double.isInfinite(d) && d == Math.rint(d) && Math.abs(d) < 9.0e15) {
                return (long) d;
            }
        }
        return null;
    }

    private static Object plainNumberOrValue(Object value) {
        if (value instanceof BigInteger big) {
            return new BigDecimal(big);
        }
        return value instanceof Number || value instanceof Boolean ? value : null;
    }

    private static Object parseJson(String text) {
        try {
            return JSON.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }

    private static String describe(Metric metric) {
        return (metric.getDataType() == null ? "a value" : "a " + metric.getDataType()) + " ("
                + metric.getValue().getClass().getSimpleName() + " " + metric.getValue() + ")";
    }
}
