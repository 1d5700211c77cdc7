package io.gantry.opcua.internal;

import io.gantry.engine.api.error.InvalidConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads one JSON-like object of a device's config (the config itself, or one of its {@code signals}),
 * naming the field's whole path ({@code signals[2].type}) in every problem.
 */
final class ConfigReader {
    private final String deviceId;
    private final Map<String, Object> values;
    private final String path;

    /**
     * @param deviceId the device the config belongs to, for messages
     * @param values   the object
     * @param path     where it is in the config, ending in a dot ({@code signals[2].}); empty for the config
     */
    ConfigReader(String deviceId, Map<String, Object> values, String path) {
        this.deviceId = deviceId;
        this.values = values;
        this.path = path;
    }

    /**
     * @param allowed the keys the object may have
     * @throws InvalidConfigException naming the first other key
     */
    void onlyKeys(Set<String> allowed) {
        for (String key : new TreeSet<>(values.keySet())) {
            if (!allowed.contains(key)) {
                throw invalid(key, "is not a setting of this device type");
            }
        }
    }

    /**
     * @param key a key
     * @return its value as given, or null
     */
    Object raw(String key) {
        return values.get(key);
    }

    /** @return whether the key is present (with any value, null included) */
    boolean has(String key) {
        return values.containsKey(key);
    }

    /**
     * @param key the key of a required, non-blank string
     * @return its value
     */
    String string(String key) {
        if (values.get(key) instanceof String text && !text.isBlank()) {
            return text;
        }
        throw invalid(key, has(key) ? "must be a non-empty string, was " + values.get(key) : "is required");
    }

    /**
     * @param key      the key of an optional string
     * @param fallback its value when absent
     * @return its value
     */
    String string(String key, String fallback) {
        return has(key) ? string(key) : fallback;
    }

    /**
     * @param key the key of a required whole number
     * @param min the smallest allowed
     * @param max the largest allowed
     * @return its value
     */
    long integer(String key, long min, long max) {
        Object value = values.get(key);
        if (!(value instanceof Number number)) {
            throw invalid(key, has(key) ? "must be a whole number, was " + value : "is required");
        }
        double whole = number.doubleValue();
        if (whole != Math.rint(whole) || whole < min || whole > max) {
            throw invalid(key, "must be a whole number from " + min + " to " + max + ", was " + value);
        }
        return number.longValue();
    }

    /**
     * @param key      the key of an optional whole number
     * @param fallback its value when absent
     * @param min      the smallest allowed
     * @param max      the largest allowed
     * @return its value
     */
    long integer(String key, long fallback, long min, long max) {
        return has(key) ? integer(key, min, max) : fallback;
    }

    /**
     * @param key      the key of an optional finite number
     * @param fallback its value when absent
     * @return its value
     */
    double number(String key, double fallback) {
        if (!has(key)) {
            return fallback;
        }
        if (values.get(key) instanceof Number number && Double.isFinite(number.doubleValue())) {
            return number.doubleValue();
        }
        throw invalid(key, "must be a number, was " + values.get(key));
    }

    /**
     * @param key the key of an optional array of objects
     * @return a reader of each object, in order; empty when the key is absent
     */
    List<ConfigReader> objects(String key) {
        if (!has(key)) {
            return List.of();
        }
        if (!(values.get(key) instanceof List<?> items)) {
            throw invalid(key, "must be an array, was " + values.get(key));
        }
        List<ConfigReader> readers = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String itemPath = path + key + "[" + i + "]";
            if (!(items.get(i) instanceof Map<?, ?> item)) {
                throw new InvalidConfigException(prefix() + itemPath + ": must be an object, was " + items.get(i));
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> object = (Map<String, Object>) item;
            readers.add(new ConfigReader(deviceId, object, itemPath + "."));
        }
        return readers;
    }

    /**
     * @param key the key of an optional array of strings
     * @return its strings, in order; empty when the key is absent
     */
    List<String> strings(String key) {
        if (!has(key)) {
            return List.of();
        }
        if (!(values.get(key) instanceof List<?> items)) {
            throw invalid(key, "must be an array of strings, was " + values.get(key));
        }
        List<String> strings = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof String text)) {
                throw invalid(key + "[" + i + "]", "must be a string, was " + items.get(i));
            }
            strings.add(text);
        }
        return strings;
    }

    /**
     * @param key     the key of an optional string that must be one of some choices
     * @param choices the allowed values
     * @param fallback its value when absent
     * @return its value
     */
    String choice(String key, List<String> choices, String fallback) {
        String value = string(key, fallback);
        if (!choices.contains(value)) {
            throw invalid(key, "'" + value + "' is not one of " + String.join(", ", choices));
        }
        return value;
    }

    /**
     * @param key     the field at fault
     * @param problem what is wrong with it
     * @return the exception naming the device and the field's path
     */
    InvalidConfigException invalid(String key, String problem) {
        return new InvalidConfigException(prefix() + path + key + ": " + problem);
    }

    private String prefix() {
        return "device '" + deviceId + "' (" + OpcUaDriver.TYPE_ID + "): ";
    }
}
