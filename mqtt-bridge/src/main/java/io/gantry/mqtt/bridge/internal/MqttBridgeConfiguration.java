package io.gantry.mqtt.bridge.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The bridge's settings, PID {@value #PID} ({@code deploy/io.gantry.mqtt.cfg}). Without that
 * configuration the bridge does not run.
 */
@ObjectClassDefinition(name = "Gantry MQTT bridge", description = "Sparkplug B and JSON events to an MQTT broker")
@interface MqttBridgeConfiguration {
    /** The configuration PID. */
    String PID = "io.gantry.mqtt";

    @AttributeDefinition(description = "the broker: tcp://host:1883 or ssl://host:8883")
    String brokerUrl() default "";

    @AttributeDefinition(description = "Sparkplug group id: the cell's group")
    String groupId() default "";

    @AttributeDefinition(description = "Sparkplug edge node id: this controller, unique in its group")
    String edgeNodeId() default "";

    @AttributeDefinition(description = "MQTT client id; empty for gantry-<groupId>-<edgeNodeId>")
    String clientId() default "";

    @AttributeDefinition(description = "user name at the broker; empty for none")
    String username() default "";

    @AttributeDefinition(type = AttributeType.PASSWORD, description = "password at the broker")
    String password() default "";

    @AttributeDefinition(
            description = "with ssl://: a trust store (PKCS12 or JKS) of the broker's CA; empty for the JDK's")
    String trustStore() default "";

    @AttributeDefinition(type = AttributeType.PASSWORD, description = "the trust store's password")
    String trustStorePassword() default "";

    @AttributeDefinition(description = "MQTT keep-alive in seconds (0 off)")
    int keepAliveSeconds() default 30;

    @AttributeDefinition(description = "how long a connect may take, in seconds")
    int connectTimeoutSeconds() default 10;

    @AttributeDefinition(description = "longest wait between connect attempts, in ms (waits double from 500 ms)")
    long reconnectMaxDelayMs() default 10_000;

    @AttributeDefinition(
            description =
                    "events published as JSON beside the Sparkplug namespace: EventAdmin patterns, comma-separated")
    String[] topics() default {"gantry/pipeline/*", "gantry/node/*"};

    @AttributeDefinition(description = "take commands (DCMD signal writes, NCMD Gantry/Run) from the broker")
    boolean commandsEnabled() default false;

    @AttributeDefinition(description = "the user commands act as (startedBy, audit trail); required with commands")
    String commandUser() default "";

    @AttributeDefinition(description = "the most a command may do: viewer, operator, engineer or admin")
    String commandRole() default "operator";

    // the backlog waits in the event log on disk, not in memory: it may be large (half the log's
    // 200000 events by default, over an hour of a busy cell's events)
    @AttributeDefinition(
            description = "the most events the bridge lags behind; beyond it it skips ahead and announces the drop")
    int maxBacklog() default 100_000;
}
