package io.gantry.mqtt.bridge.internal;

import io.gantry.engine.api.security.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The bridge's settings, checked: made from the configuration once, then only read.
 *
 * @param brokerUrl           {@code tcp://…} or {@code ssl://…}
 * @param groupId             the Sparkplug group
 * @param edgeNodeId          the Sparkplug edge node (this controller)
 * @param clientId            the MQTT client id
 * @param username            the broker user, or null
 * @param password            its password, or null
 * @param trustStore          with TLS, a trust store file, or null for the JDK's
 * @param trustStorePassword  its password, or null
 * @param keepAliveSeconds    MQTT keep-alive
 * @param connectTimeoutSeconds how long a connect may take
 * @param reconnectMaxDelayMs the longest wait between connect attempts
 * @param topics              the event topic patterns published as JSON
 * @param commandsEnabled     whether commands from the broker are taken
 * @param commandUser         the user commands act as, or null
 * @param commandRole         the most a command may do
 * @param maxBacklog          the most events the bridge lags behind
 */
record BridgeSettings(
        String brokerUrl,
        String groupId,
        String edgeNodeId,
        String clientId,
        String username,
        String password,
        Path trustStore,
        String trustStorePassword,
        int keepAliveSeconds,
        int connectTimeoutSeconds,
        long reconnectMaxDelayMs,
        List<String> topics,
        boolean commandsEnabled,
        String commandUser,
        Role commandRole,
        int maxBacklog) {
    /** Sparkplug ids are topic levels: no {@code / + #}, and nothing a broker would choke on. */
    private static final Pattern SPARKPLUG_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private static final Pattern TOPIC_PATTERN = Pattern.compile("gantry/([A-Za-z0-9_.-]+/)*([A-Za-z0-9_.-]+|\\*)");

    /**
     * Checks a configuration.
     *
     * @param config the configuration as ConfigAdmin gave it
     * @return the settings
     * @throws IllegalArgumentException naming every key that is wrong and why
     */
    static BridgeSettings of(MqttBridgeConfiguration config) {
        List<String> problems = new ArrayList<>();
        String broker = config.brokerUrl().trim();
        String scheme = broker.contains("://")
                ? broker.substring(0, broker.indexOf("://")).toLowerCase(Locale.ROOT)
                : "";
        if (broker.isEmpty()) {
            problems.add("brokerUrl is required (tcp://host:1883 or ssl://host:8883)");
        } else if (!scheme.equals("tcp") && !scheme.equals("ssl")) {
            problems.add("brokerUrl '" + broker + "' must start with tcp:// or ssl://");
        }
        String group = config.groupId().trim();
        String node = config.edgeNodeId().trim();
        checkId("groupId", group, problems);
        checkId("edgeNodeId", node, problems);
        String clientId = config.clientId().trim();
        if (clientId.isEmpty()) {
            clientId = "gantry-" + group + "-" + node;
        } else if (clientId.length() > 128) {
            problems.add("clientId must be at most 128 characters");
        }
        Path trustStore = null;
        if (!config.trustStore().isBlank()) {
            trustStore = Path.of(config.trustStore().trim());
            if (!scheme.equals("ssl")) {
                problems.add("trustStore is only for an ssl:// brokerUrl");
            } else if (!Files.isReadable(trustStore)) {
                problems.add("trustStore " + trustStore + " cannot be read");
            }
        }
        if (config.keepAliveSeconds() < 0 || config.keepAliveSeconds() > 65_535) {
            problems.add("keepAliveSeconds must be 0 to 65535, was " + config.keepAliveSeconds());
        }
        if (config.connectTimeoutSeconds() < 1 || config.connectTimeoutSeconds() > 300) {
            problems.add("connectTimeoutSeconds must be 1 to 300, was " + config.connectTimeoutSeconds());
        }
        if (config.reconnectMaxDelayMs() < 500) {
            problems.add("reconnectMaxDelayMs must be at least 500, was " + config.reconnectMaxDelayMs());
        }
        List<String> topics = new ArrayList<>();
        for (String entry : config.topics()) {
            // FileInstall's .cfg gives one string; a .config file gives an array: take both
            for (String topic : entry.split(",")) {
                String pattern = topic.trim();
                if (pattern.isEmpty()) {
                    continue;
                }
                if (!TOPIC_PATTERN.matcher(pattern).matches()) {
                    problems.add("topics: '" + pattern + "' is not a gantry/ topic or gantry/…/* pattern");
                } else {
                    topics.add(pattern);
                }
            }
        }
        Role role = null;
        try {
            role = Role.of(config.commandRole().trim());
        } catch (IllegalArgumentException e) {
            problems.add("commandRole: " + e.getMessage());
        }
        String user = config.commandUser().trim();
        if (config.commandsEnabled() && user.isEmpty()) {
            problems.add("commandUser is required when commandsEnabled is true: commands act as that user");
        }
        if (config.maxBacklog() < 1) {
            problems.add("maxBacklog must be at least 1, was " + config.maxBacklog());
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(
                    "invalid " + MqttBridgeConfiguration.PID + " configuration: " + String.join("; ", problems));
        }
        return new BridgeSettings(
                broker,
                group,
                node,
                clientId,
                blankToNull(config.username()),
                blankToNull(config.password()),
                trustStore,
                blankToNull(config.trustStorePassword()),
                config.keepAliveSeconds(),
                config.connectTimeoutSeconds(),
                config.reconnectMaxDelayMs(),
                List.copyOf(topics),
                config.commandsEnabled(),
                user.isEmpty() ? null : user,
                role,
                config.maxBacklog());
    }

    /** @return whether the broker is reached over TLS */
    boolean tls() {
        return brokerUrl.regionMatches(true, 0, "ssl://", 0, 6);
    }

    /**
     * @param topic an event topic
     * @return whether it is published as JSON
     */
    boolean bridges(String topic) {
        for (String pattern : topics) {
            if (pattern.equals(topic)
                    || (pattern.endsWith("/*") && topic.startsWith(pattern.substring(0, pattern.length() - 1)))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        // the passwords must not reach a log
        return "BridgeSettings[" + brokerUrl + ", " + groupId + "/" + edgeNodeId + ", clientId=" + clientId
                + ", commands=" + commandsEnabled + "]";
    }

    private static void checkId(String key, String value, List<String> problems) {
        if (value.isEmpty()) {
            problems.add(key + " is required");
        } else if (!SPARKPLUG_ID.matcher(value).matches()) {
            problems.add(key + " '" + value + "' must be 1 to 64 of A-Z a-z 0-9 . _ - (a Sparkplug topic level)");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
