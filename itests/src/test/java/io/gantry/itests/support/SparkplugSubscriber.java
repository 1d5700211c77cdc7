package io.gantry.itests.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.tahu.message.SparkplugBPayloadDecoder;
import org.eclipse.tahu.message.SparkplugBPayloadEncoder;
import org.eclipse.tahu.message.model.Metric;
import org.eclipse.tahu.message.model.Metric.MetricBuilder;
import org.eclipse.tahu.message.model.MetricDataType;
import org.eclipse.tahu.message.model.SparkplugBPayload;

/**
 * A Sparkplug host as the tests' witness: Paho's v5 client subscribed to a group's Sparkplug namespace
 * and Gantry's JSON events beside it, decoding with Tahu. Its session outlives a broker restart
 * (no clean start, an hour's expiry, QoS 1), so it misses nothing published while it reconnects.
 */
public final class SparkplugSubscriber implements AutoCloseable, MqttCallback {
    /** One message received. */
    public record Received(String topic, byte[] payload, boolean duplicate, long receivedNanos, long receivedMillis) {
        /** @return the payload as Sparkplug B */
        public SparkplugBPayload sparkplug() {
            try {
                return new SparkplugBPayloadDecoder().buildFromByteArray(payload, null);
            } catch (Exception e) {
                throw new IllegalStateException("not Sparkplug B on " + topic, e);
            }
        }

        /** @return the payload as text */
        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        /**
         * @param name a metric's name
         * @return the metric, or null
         */
        public Metric metric(String name) {
            for (Metric metric : sparkplug().getMetrics()) {
                if (name.equals(metric.getName())) {
                    return metric;
                }
            }
            return null;
        }
    }

    private final MqttAsyncClient client;
    private final String[] filters;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private SparkplugSubscriber(MqttAsyncClient client, String group) {
        this.client = client;
        this.filters = new String[] {"spBv1.0/" + group + "/#", "gantry/" + group + "/#"};
    }

    /**
     * @param brokerUrl the broker
     * @param group     the Sparkplug group followed
     * @return the subscriber, subscribed
     */
    public static SparkplugSubscriber connect(String brokerUrl, String group) {
        try {
            MqttAsyncClient client =
                    new MqttAsyncClient(brokerUrl, "itest-host-" + UUID.randomUUID(), new MemoryPersistence());
            SparkplugSubscriber subscriber = new SparkplugSubscriber(client, group);
            client.setCallback(subscriber);
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setCleanStart(false);
            options.setSessionExpiryInterval(3600L);
            options.setAutomaticReconnect(true);
            options.setAutomaticReconnectDelay(1, 2);
            options.setReceiveMaximum(1000);
            client.connect(options).waitForCompletion(10_000);
            client.subscribe(subscriber.filters, new int[] {1, 1}).waitForCompletion(10_000);
            return subscriber;
        } catch (MqttException e) {
            throw new IllegalStateException("the test subscriber cannot connect to " + brokerUrl, e);
        }
    }

    /** @return every message so far, in arrival order */
    public List<Received> received() {
        return new ArrayList<>(received);
    }

    /**
     * @param what      for the failure message
     * @param timeout   the deadline
     * @param condition on a message
     * @return the first message (in arrival order) that meets it
     */
    public Received await(String what, Duration timeout, Predicate<Received> condition) {
        Received[] found = new Received[1];
        Await.until(what, timeout, () -> {
            for (Received message : received) {
                if (condition.test(message)) {
                    found[0] = message;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    /** @return how many messages so far meet the condition */
    public long count(Predicate<Received> condition) {
        return received.stream().filter(condition).count();
    }

    /**
     * Publishes a Sparkplug command.
     *
     * @param topic  an NCMD or DCMD topic
     * @param name   the metric
     * @param type   its datatype
     * @param value  its value
     */
    public void command(String topic, String name, MetricDataType type, Object value) {
        try {
            SparkplugBPayload payload = new SparkplugBPayload(new Date(), new ArrayList<>());
            payload.addMetric(new MetricBuilder(name, type, value).createMetric());
            byte[] bytes = new SparkplugBPayloadEncoder().getBytes(payload, false);
            IMqttToken token = client.publish(topic, bytes, 0, false);
            token.waitForCompletion(10_000);
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish a command on " + topic, e);
        }
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        received.add(new Received(
                topic, message.getPayload(), message.isDuplicate(), System.nanoTime(), System.currentTimeMillis()));
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
        // reconnects by itself
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {}

    @Override
    public void deliveryComplete(IMqttToken token) {}

    @Override
    public void connectComplete(boolean reconnect, String serverURI) {
        if (reconnect) {
            // the broker normally kept the session; should it not have, subscribe again
            try {
                client.subscribe(filters, new int[] {1, 1});
            } catch (MqttException e) {
                // the next reconnect tries again
            }
        }
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {}

    @Override
    public void close() {
        try {
            client.disconnect(1000).waitForCompletion(2000);
        } catch (MqttException e) {
            // the broker may be gone
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            // done anyway
        }
    }

    /** @return the Sparkplug message type of a topic (NBIRTH, DDATA, …), or null for a JSON event */
    public static String type(String topic) {
        String[] levels = topic.split("/");
        return levels[0].equals("spBv1.0") && levels.length >= 4 ? levels[2] : null;
    }

    /** @return the metric's value as a long */
    public static long longValue(Metric metric) {
        return ((Number) metric.getValue()).longValue();
    }

    /** @return whether the datatype is this one */
    public static boolean is(Metric metric, MetricDataType type) {
        return metric != null && type.equals(metric.getDataType());
    }
}
