package io.gantry.opcua.internal;

import io.gantry.engine.api.function.PortType;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.eclipse.milo.opcua.stack.core.BuiltinDataType;
import org.eclipse.milo.opcua.stack.core.Identifiers;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.XmlElement;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UByte;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.ULong;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UShort;

/**
 * OPC UA values and the controller's JSON-like ones: what a DataType maps to, a value read turned into a
 * port's value, and a value to write turned into the Variant of exactly the node's DataType (a server
 * refuses an Int32 for a Double node with Bad_TypeMismatch, so the conversion is ours, before sending).
 */
final class Values {
    /** The standard's subtypes of the built-in types that servers use most, and what they are built on. */
    private static final Map<NodeId, BuiltinDataType> SUBTYPES = Map.of(
            Identifiers.Duration, BuiltinDataType.Double,
            Identifiers.UtcTime, BuiltinDataType.DateTime,
            Identifiers.IntegerId, BuiltinDataType.UInt32,
            Identifiers.Counter, BuiltinDataType.UInt32,
            Identifiers.LocaleId, BuiltinDataType.String,
            Identifiers.NumericRange, BuiltinDataType.String,
            Identifiers.Enumeration, BuiltinDataType.Int32);

    private Values() {}

    /**
     * @param dataType a node's DataType
     * @return the built-in type its values have, or null for a structure, an abstract type or a type of
     *     the server's own
     */
    static BuiltinDataType builtin(NodeId dataType) {
        BuiltinDataType builtin = BuiltinDataType.fromNodeId(dataType);
        return builtin != null ? builtin : SUBTYPES.get(dataType);
    }

    /** @return the DataType's name for messages: {@code Double}, or its node id when it is not a built-in type */
    static String typeName(NodeId dataType) {
        BuiltinDataType builtin = BuiltinDataType.fromNodeId(dataType);
        if (builtin != null) {
            return builtin.name();
        }
        BuiltinDataType base = SUBTYPES.get(dataType);
        return base != null ? NodeIds.text(dataType) + " (a " + base.name() + ")" : NodeIds.text(dataType);
    }

    /**
     * @param dataType   a variable's DataType
     * @param valueRank  its ValueRank: -1 for a scalar
     * @return the port type its values map to: numbers, whole numbers, booleans and text as such, arrays,
     *     structures and the server's own types as {@code json}
     */
    static PortType portType(NodeId dataType, int valueRank) {
        if (valueRank != -1) {
            return PortType.JSON; // an array, or a value that may be one
        }
        if (Identifiers.Number.equals(dataType)) {
            return PortType.NUMBER;
        }
        if (Identifiers.Integer.equals(dataType) || Identifiers.UInteger.equals(dataType)) {
            return PortType.INTEGER;
        }
        BuiltinDataType builtin = builtin(dataType);
        if (builtin == null) {
            return PortType.JSON;
        }
        return switch (builtin) {
            case Boolean -> PortType.BOOLEAN;
            case SByte, Byte, Int16, UInt16, Int32, UInt32, Int64, UInt64 -> PortType.INTEGER;
            case Float, Double -> PortType.NUMBER;
            case String,
                    DateTime,
                    Guid,
                    ByteString,
                    XmlElement,
                    NodeId,
                    ExpandedNodeId,
                    StatusCode,
                    QualifiedName,
                    LocalizedText -> PortType.STRING;
            default -> PortType.JSON;
        };
    }

    /**
     * @param value what a Variant holds
     * @return it JSON-like: numbers as Long or Double (a Float by its shortest decimal, so 0.1f reads 0.1),
     *     text-like values (texts, times, ids, byte strings in base64) as String, arrays as lists
     */
    static Object toJson(Object value) {
        if (value == null || value instanceof Boolean || value instanceof String) {
            return value;
        }
        if (value instanceof Byte || value instanceof Short || value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        if (value instanceof UByte || value instanceof UShort || value instanceof UInteger) {
            return ((Number) value).longValue();
        }
        if (value instanceof ULong unsigned) {
            BigInteger big = unsigned.toBigInteger();
            return big.bitLength() < 64 ? (Object) big.longValue() : big;
        }
        if (value instanceof Float single) {
            return Double.parseDouble(Float.toString(single));
        }
        if (value instanceof Double) {
            return value;
        }
        if (value instanceof LocalizedText text) {
            return text.getText();
        }
        if (value instanceof DateTime time) {
            return time.getJavaInstant().toString();
        }
        if (value instanceof NodeId id) {
            return id.toParseableString();
        }
        if (value instanceof ExpandedNodeId id) {
            return id.toParseableString();
        }
        if (value instanceof QualifiedName name) {
            return name.toParseableString();
        }
        if (value instanceof ByteString bytes) {
            return Base64.getEncoder().encodeToString(bytes.bytesOrEmpty());
        }
        if (value instanceof XmlElement xml) {
            return xml.getFragment();
        }
        if (value instanceof StatusCode status) {
            return Status.describe(status);
        }
        if (value instanceof UUID uuid) {
            return uuid.toString();
        }
        if (value instanceof Variant variant) {
            return toJson(variant.getValue());
        }
        if (value.getClass().isArray()) {
            int length = Array.getLength(value);
            List<Object> items = new ArrayList<>(length);
            for (int i = 0; i < length; i++) {
                items.add(toJson(Array.get(value, i)));
            }
            return items;
        }
        return value.toString(); // a structure (ExtensionObject) or a matrix: its text, rather than nothing
    }

    /**
     * @param type  the signal's configured type, or null to keep the value as it is
     * @param value a JSON-like value from {@link #toJson}
     * @return the value as the signal's type
     * @throws IllegalArgumentException when it does not fit: a text for a number signal
     */
    static Object forSignal(PortType type, Object value) {
        if (type == null || type == PortType.JSON || value == null) {
            return value;
        }
        return switch (type) {
            case BOOLEAN -> {
                if (value instanceof Boolean) {
                    yield value;
                }
                throw new IllegalArgumentException("the value " + value + " is not a boolean");
            }
            case INTEGER -> {
                if (value instanceof Long || value instanceof BigInteger) {
                    yield value;
                }
                if (value instanceof Double number && number == Math.rint(number) && !number.isInfinite()) {
                    yield number.longValue();
                }
                throw new IllegalArgumentException("the value " + value + " is not a whole number");
            }
            case NUMBER -> {
                if (value instanceof Number) {
                    yield value;
                }
                throw new IllegalArgumentException("the value " + value + " is not a number");
            }
            case STRING -> value instanceof String ? value : String.valueOf(value);
            default -> value;
        };
    }

    /**
     * @param dataType the node's DataType
     * @param value    a JSON-like value to write
     * @return a Variant of exactly that DataType
     * @throws IllegalArgumentException naming the expected type when the value does not fit it, or when the
     *     DataType is not one this plugin writes
     */
    static Variant toVariant(NodeId dataType, Object value) {
        BuiltinDataType builtin = builtin(dataType);
        if (builtin == null) {
            throw new IllegalArgumentException("its DataType " + NodeIds.text(dataType)
                    + " is not a built-in type; only Boolean, numbers, String, LocalizedText and DateTime are written");
        }
        Object converted = switch (builtin) {
            case Boolean -> {
                if (value instanceof Boolean) {
                    yield value;
                }
                throw expected(builtin, "true or false", value);
            }
            case SByte -> (byte) whole(builtin, value, Byte.MIN_VALUE, Byte.MAX_VALUE);
            case Byte -> UByte.valueOf(whole(builtin, value, 0, 255));
            case Int16 -> (short) whole(builtin, value, Short.MIN_VALUE, Short.MAX_VALUE);
            case UInt16 -> UShort.valueOf((int) whole(builtin, value, 0, 65535));
            case Int32 -> (int) whole(builtin, value, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case UInt32 -> UInteger.valueOf(whole(builtin, value, 0, 4_294_967_295L));
            case Int64 -> whole(builtin, value, Long.MIN_VALUE, Long.MAX_VALUE);
            case UInt64 -> ULong.valueOf(whole(builtin, value, 0, Long.MAX_VALUE));
            case Float -> (float) number(builtin, value);
            case Double -> number(builtin, value);
            case String -> text(builtin, value);
            case LocalizedText -> LocalizedText.english(text(builtin, value));
            case DateTime -> {
                try {
                    yield new DateTime(Instant.parse(text(builtin, value)));
                } catch (DateTimeParseException e) {
                    throw expected(builtin, "an ISO-8601 instant such as 2026-01-31T12:00:00Z", value);
                }
            }
            default ->
                throw new IllegalArgumentException(
                        "its DataType " + builtin.name()
                                + " is not written by this plugin; only Boolean, numbers, String, LocalizedText and DateTime are");
        };
        return new Variant(converted);
    }

    private static long whole(BuiltinDataType type, Object value, long min, long max) {
        BigDecimal exact = exact(value);
        if (exact != null
                && exact.stripTrailingZeros().scale() <= 0
                && exact.compareTo(BigDecimal.valueOf(min)) >= 0
                && exact.compareTo(BigDecimal.valueOf(max)) <= 0) {
            return exact.longValueExact();
        }
        throw expected(type, "a whole number from " + min + " to " + max, value);
    }

    private static BigDecimal exact(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof BigInteger big) {
            return new BigDecimal(big);
        }
        if (value instanceof Double || value instanceof Float) {
            double asDouble = ((Number) value).doubleValue();
            return Double.isFinite(asDouble) ? new BigDecimal(asDouble) : null;
        }
        if (value instanceof Number number) {
            return BigDecimal.valueOf(number.longValue());
        }
        return null;
    }

    private static double number(BuiltinDataType type, Object value) {
        if (value instanceof Number number && Double.isFinite(number.doubleValue())) {
            return number.doubleValue();
        }
        throw expected(type, "a number", value);
    }

    private static String text(BuiltinDataType type, Object value) {
        if (value instanceof String text) {
            return text;
        }
        throw expected(type, "a string", value);
    }

    private static IllegalArgumentException expected(BuiltinDataType type, String what, Object value) {
        return new IllegalArgumentException("expects " + type.name() + " (" + what + "), not " + describe(value));
    }

    /** @return a value and its JSON type, for messages: {@code the string 'abc'} */
    static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String text) {
            return "the string '" + text + "'";
        }
        if (value instanceof Boolean) {
            return "the boolean " + value;
        }
        if (value instanceof Number) {
            return "the number " + value;
        }
        return "the " + value.getClass().getSimpleName().toLowerCase(Locale.ROOT) + " " + value;
    }
}
