package io.gantry.modbus.tcp.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The config of one {@code modbus-tcp} device, read from the JSON-like map the controller validated
 * against {@link #SCHEMA}.
 *
 * @param host              the server's host name or address
 * @param port              its TCP port
 * @param unitId            the unit (slave) id every request carries
 * @param connectTimeoutMs  how long a connect may take
 * @param responseTimeoutMs how long an answer may take
 * @param maxBatchRegisters the most registers one read asks for
 * @param signals           the device's signals, in config order
 */
record ModbusTcpConfig(
        String host,
        int port,
        int unitId,
        int connectTimeoutMs,
        int responseTimeoutMs,
        int maxBatchRegisters,
        List<SignalConfig> signals) {

    /** The JSON Schema (draft 2020-12) of the device type's config. */
    static final String SCHEMA = """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "title": "Modbus TCP device",
              "type": "object",
              "properties": {
                "host": {"type": "string", "minLength": 1,
                         "description": "Host name or IP address of the Modbus TCP server (the PLC, the gateway)"},
                "port": {"type": "integer", "minimum": 1, "maximum": 65535, "default": 502,
                         "description": "TCP port of the server"},
                "unitId": {"type": "integer", "minimum": 0, "maximum": 255, "default": 1,
                           "description": "Unit (slave) id sent with every request; a gateway routes by it"},
                "connectTimeoutMs": {"type": "integer", "minimum": 1, "maximum": 600000, "default": 3000,
                                     "description": "Milliseconds a connect may take before it fails"},
                "responseTimeoutMs": {"type": "integer", "minimum": 1, "maximum": 600000, "default": 1000,
                                      "description": "Milliseconds the server may take to answer a request"},
                "maxBatchRegisters": {"type": "integer", "minimum": 1, "maximum": 125, "default": 120,
                                      "description": "Most registers one read asks for when neighbouring signals are read together"},
                "signals": {
                  "type": "array",
                  "description": "The device's signals: each one value in one of the four Modbus tables",
                  "items": {
                    "type": "object",
                    "properties": {
                      "name": {"type": "string", "pattern": "^[A-Za-z][A-Za-z0-9_.-]{0,63}$",
                               "description": "Unique in the device: a letter, then letters, digits, _, - or ."},
                      "table": {"enum": ["coil", "discrete", "holding", "input"],
                                "description": "coil and discrete hold bits; holding and input hold 16-bit registers; discrete and input are read-only"},
                      "address": {"type": "integer", "minimum": 0, "maximum": 65535,
                                  "description": "0-based address in the table (the PDU address: holding register 40001 is 0)"},
                      "type": {"enum": ["bool", "int16", "uint16", "int32", "uint32", "float32"],
                               "description": "bool for coil and discrete; the 32-bit types take two registers from address"},
                      "wordOrder": {"enum": ["big", "little"], "default": "big",
                                    "description": "32-bit types only: big puts the high word at the lower address, little the low word"},
                      "scale": {"type": "number", "default": 1,
                                "description": "value = raw * scale + offset (a write inverts it); not 0"},
                      "offset": {"type": "number", "default": 0,
                                 "description": "Added after scaling"},
                      "pollMs": {"type": "integer", "minimum": 0, "maximum": 3600000, "default": 1000,
                                 "description": "How often the controller reads it, in ms (at least 10); 0 for never"},
                      "access": {"enum": ["read", "write", "read-write"],
                                 "description": "Default read for discrete and input, read-write for coil and holding; discrete and input cannot be written"},
                      "unit": {"type": "string", "description": "Engineering unit shown with the value (mm, kg, °C)"},
                      "deadband": {"type": "number", "minimum": 0, "default": 0,
                                   "description": "A change smaller than this is not announced; 0 announces every change"}
                    },
                    "required": ["name", "table", "address", "type"],
                    "additionalProperties": false
                  }
                }
              },
              "required": ["host"],
              "additionalProperties": false
            }
            """;

    private static final Set<String> KEYS =
            Set.of("host", "port", "unitId", "connectTimeoutMs", "responseTimeoutMs", "maxBatchRegisters", "signals");

    /**
     * Reads and checks a config. The controller has validated it against {@link #SCHEMA} already; the
     * checks repeat that (so a lenient validator or a test cannot slip past them) and add what the
     * schema cannot say: types that fit their table and address, write access only where a master may
     * write, unique signal names, a scale that is not 0.
     *
     * @param deviceId the instance the config belongs to, for messages
     * @param config   the JSON-like config
     * @return the config
     * @throws io.gantry.engine.api.error.InvalidConfigException naming the field's path, such as
     *     {@code signals[2].type}
     */
    static ModbusTcpConfig from(String deviceId, Map<String, Object> config) {
        ConfigReader reader = new ConfigReader(deviceId, config, "");
        reader.onlyKeys(KEYS);
        List<SignalConfig> signals = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        List<ConfigReader> entries = reader.objects("signals");
        for (int i = 0; i < entries.size(); i++) {
            SignalConfig signal = SignalConfig.from(entries.get(i));
            Integer first = seen.putIfAbsent(signal.name(), i);
            if (first != null) {
                throw entries.get(i)
                        .invalid("name", "'" + signal.name() + "' is the name of signals[" + first + "] too");
            }
            signals.add(signal);
        }
        return new ModbusTcpConfig(
                reader.string("host"),
                (int) reader.integer("port", 502, 1, 65535),
                (int) reader.integer("unitId", 1, 0, 255),
                (int) reader.integer("connectTimeoutMs", 3000, 1, 600_000),
                (int) reader.integer("responseTimeoutMs", 1000, 1, 600_000),
                (int) reader.integer("maxBatchRegisters", 120, 1, Table.MAX_REGISTERS_PER_READ),
                List.copyOf(signals));
    }

    /** @return {@code host:port}, for messages */
    String endpoint() {
        return host + ":" + port;
    }
}
