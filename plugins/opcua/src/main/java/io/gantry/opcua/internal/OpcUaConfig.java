package io.gantry.opcua.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;

/**
 * The config of one {@code opcua} device, read from the JSON-like map the controller validated against
 * {@link #SCHEMA}.
 *
 * @param endpointUrl               the server's {@code opc.tcp://} endpoint
 * @param securityPolicy            None or Basic256Sha256
 * @param securityMode              None, Sign or SignAndEncrypt
 * @param username                  the user to log in as; null for anonymous
 * @param password                  that user's password; null for anonymous
 * @param sessionTimeoutMs          how long the server keeps the session without the client
 * @param requestTimeoutMs          how long one request may take
 * @param connectTimeoutMs          how long the TCP connect may take
 * @param trustedServerCertificates SHA-1 thumbprints (40 upper-case hex digits) of server certificates to trust
 * @param publishingIntervalMs      how often the server sends the subscription's changes
 * @param signals                   the device's signals, in config order
 */
record OpcUaConfig(
        String endpointUrl,
        SecurityPolicy securityPolicy,
        MessageSecurityMode securityMode,
        String username,
        String password,
        int sessionTimeoutMs,
        int requestTimeoutMs,
        int connectTimeoutMs,
        List<String> trustedServerCertificates,
        int publishingIntervalMs,
        List<SignalConfig> signals) {

    /** The JSON Schema (draft 2020-12) of the device type's config. */
    static final String SCHEMA = """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "title": "OPC UA server",
              "type": "object",
              "properties": {
                "endpointUrl": {"type": "string", "pattern": "^opc\\\\.tcp://.+",
                                "description": "The server's endpoint, opc.tcp://host:port/path"},
                "securityPolicy": {"enum": ["None", "Basic256Sha256"], "default": "None",
                                   "description": "None sends everything in the clear; Basic256Sha256 signs (and encrypts) with certificates"},
                "securityMode": {"enum": ["None", "Sign", "SignAndEncrypt"],
                                 "description": "None only with securityPolicy None; default None for None, SignAndEncrypt for Basic256Sha256"},
                "username": {"type": "string", "minLength": 1,
                             "description": "User to log in as (with password); anonymous when absent"},
                "password": {"type": "string", "description": "That user's password"},
                "sessionTimeoutMs": {"type": "integer", "minimum": 1000, "maximum": 3600000, "default": 60000,
                                     "description": "How long the server keeps the session while the client is gone, in ms"},
                "requestTimeoutMs": {"type": "integer", "minimum": 1, "maximum": 600000, "default": 5000,
                                     "description": "How long one request (read, write, call, browse) may take, in ms"},
                "connectTimeoutMs": {"type": "integer", "minimum": 1, "maximum": 600000, "default": 5000,
                                     "description": "How long the TCP connect to the server may take, in ms"},
                "trustedServerCertificates": {
                  "type": "array",
                  "items": {"type": "string", "pattern": "^[0-9A-Fa-f]{40}$"},
                  "description": "SHA-1 thumbprints (40 hex digits) of server certificates to trust, besides those in the pki's trusted/certs folder"
                },
                "publishingIntervalMs": {"type": "integer", "minimum": 10, "maximum": 3600000,
                                         "description": "How often the server sends the subscription's changes, in ms; by default the fastest signal's samplingIntervalMs"},
                "signals": {
                  "type": "array",
                  "description": "The device's signals: each one variable of the server, watched by a subscription",
                  "items": {
                    "type": "object",
                    "properties": {
                      "name": {"type": "string", "pattern": "^[A-Za-z][A-Za-z0-9_.-]{0,63}$",
                               "description": "Unique in the device: a letter, then letters, digits, _, - or ."},
                      "nodeId": {"type": "string", "minLength": 1,
                                 "description": "The variable's node id: ns=1;s=Counter, ns=2;i=42, i=2258"},
                      "type": {"enum": ["number", "integer", "boolean", "string", "json"],
                               "description": "The value's type; when absent the value keeps the node's DataType (and the signal is json)"},
                      "access": {"enum": ["read", "read-write", "readwrite"], "default": "read",
                                 "description": "read, or read-write to write it too"},
                      "samplingIntervalMs": {"type": "integer", "minimum": 0, "maximum": 3600000, "default": 250,
                                             "description": "How often the server samples it, in ms; 0 for as fast as it can"},
                      "deadband": {"type": "number", "minimum": 0, "default": 0,
                                   "description": "Absolute deadband: a smaller change is not reported; numbers only"},
                      "unit": {"type": "string", "description": "Engineering unit shown with the value (mm, kg, °C)"}
                    },
                    "required": ["name", "nodeId"],
                    "additionalProperties": false
                  }
                }
              },
              "required": ["endpointUrl"],
              "additionalProperties": false
            }
            """;

    private static final Set<String> KEYS = Set.of(
            "endpointUrl",
            "securityPolicy",
            "securityMode",
            "username",
            "password",
            "sessionTimeoutMs",
            "requestTimeoutMs",
            "connectTimeoutMs",
            "trustedServerCertificates",
            "publishingIntervalMs",
            "signals");
    private static final Pattern THUMBPRINT = Pattern.compile("[0-9A-Fa-f]{40}");

    /**
     * Reads and checks a config. The controller has validated it against {@link #SCHEMA} already; the checks
     * repeat that (so a lenient validator or a test cannot slip past them) and add what the schema cannot say:
     * a mode that fits the policy, a user with a password, unique signal names, node ids that parse.
     *
     * @param deviceId the instance the config belongs to, for messages
     * @param config   the JSON-like config
     * @return the config
     * @throws io.gantry.engine.api.error.InvalidConfigException naming the field's path, such as
     *     {@code signals[2].nodeId}
     */
    static OpcUaConfig from(String deviceId, Map<String, Object> config) {
        ConfigReader reader = new ConfigReader(deviceId, config, "");
        reader.onlyKeys(KEYS);
        String endpointUrl = endpointUrl(reader);
        SecurityPolicy policy = reader.choice("securityPolicy", List.of("None", "Basic256Sha256"), "None")
                        .equals("None")
                ? SecurityPolicy.None
                : SecurityPolicy.Basic256Sha256;
        MessageSecurityMode mode = MessageSecurityMode.valueOf(reader.choice(
                "securityMode",
                List.of("None", "Sign", "SignAndEncrypt"),
                policy == SecurityPolicy.None ? "None" : "SignAndEncrypt"));
        if ((policy == SecurityPolicy.None) != (mode == MessageSecurityMode.None)) {
            throw reader.invalid(
                    "securityMode",
                    policy == SecurityPolicy.None
                            ? "'" + mode + "' needs a securityPolicy that signs (Basic256Sha256), not None"
                            : "'None' goes only with securityPolicy None; Basic256Sha256 takes Sign or SignAndEncrypt");
        }
        if (reader.has("username") != reader.has("password")) {
            throw reader.has("username")
                    ? reader.invalid("password", "is required with username (or leave both out for anonymous)")
                    : reader.invalid("username", "is required with password (or leave both out for anonymous)");
        }
        String username = reader.string("username", null);
        String password = reader.has("password") ? password(reader) : null;
        List<String> thumbprints = new ArrayList<>();
        List<String> listed = reader.strings("trustedServerCertificates");
        for (int i = 0; i < listed.size(); i++) {
            String thumbprint = listed.get(i);
            if (!THUMBPRINT.matcher(thumbprint).matches()) {
                throw reader.invalid(
                        "trustedServerCertificates[" + i + "]",
                        "'" + thumbprint + "' is not a SHA-1 thumbprint (40 hex digits)");
            }
            thumbprints.add(thumbprint.toUpperCase(Locale.ROOT));
        }
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
        return new OpcUaConfig(
                endpointUrl,
                policy,
                mode,
                username,
                password,
                (int) reader.integer("sessionTimeoutMs", 60_000, 1000, 3_600_000),
                (int) reader.integer("requestTimeoutMs", 5000, 1, 600_000),
                (int) reader.integer("connectTimeoutMs", 5000, 1, 600_000),
                List.copyOf(thumbprints),
                (int) reader.integer("publishingIntervalMs", fastestSampling(signals), 10, 3_600_000),
                List.copyOf(signals));
    }

    /**
     * The publishing interval when none is given: the fastest signal's sampling interval, so that a
     * change reaches the controller within its own sampling interval rather than waiting for a slower
     * publish (250 ms without signals, at least 10 ms).
     */
    private static long fastestSampling(List<SignalConfig> signals) {
        return signals.stream().mapToLong(signal -> (long) signal.samplingIntervalMs()).min().stream()
                .map(ms -> Math.max(10, ms))
                .findFirst()
                .orElse(250);
    }

    private static String endpointUrl(ConfigReader reader) {
        String url = reader.string("endpointUrl");
        try {
            URI uri = new URI(url);
            if ("opc.tcp".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null) {
                return url;
            }
        } catch (URISyntaxException e) {
            // named below
        }
        throw reader.invalid("endpointUrl", "'" + url + "' is not an opc.tcp://host[:port][/path] URL");
    }

    private static String password(ConfigReader reader) {
        // an empty password is a password; string() would refuse it as blank
        if (reader.raw("password") instanceof String text) {
            return text;
        }
        throw reader.invalid("password", "must be a string");
    }

    /** @return the security in words, for messages: {@code Basic256Sha256/SignAndEncrypt} */
    String security() {
        return (securityPolicy == SecurityPolicy.None ? "None" : "Basic256Sha256") + "/" + securityMode;
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "OpcUaConfig[" + endpointUrl + ", " + security() + ", user "
                + (username == null ? "anonymous" : username) + ", " + signals.size() + " signals]";
    }
}
