package io.gantry.mqtt.bridge.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One MQTT connection of the bridge (Paho's v5 client): connected with a will, clean start and no
 * session (Sparkplug 3.0 asks an edge node for both), subscribed to the node's commands. Not reused
 * after it drops: the publisher makes a new one, with the next bdSeq in its will.
 */
final class MqttLink implements MqttCallback {
    private static final Logger LOG = LoggerFactory.getLogger(MqttLink.class);

    /** What the link tells its owner, on Paho's threads: hand off at once. */
    interface Listener {
        /** @param why the connection dropped */
        void lost(String why);

        /**
         * @param topic   the topic a message came on
         * @param payload its bytes
         */
        void message(String topic, byte[] payload);
    }

    private final MqttAsyncClient client;
    private final Listener listener;
    private volatile boolean up;
    private int receiveMaximum = 65_535;

    private MqttLink(MqttAsyncClient client, Listener listener) {
        this.client = client;
        this.listener = listener;
    }

    /**
     * Connects and subscribes, waiting (bounded) for both.
     *
     * @param settings      broker, credentials, TLS, keep-alive
     * @param willTopic     the NDEATH topic
     * @param will          the NDEATH payload, with this connect's bdSeq
     * @param subscriptions topic filters to subscribe to at QoS 1
     * @param listener      told of drops and messages
     * @return the link, up
     * @throws Exception when the broker cannot be reached, refuses, or TLS cannot be set up; the
     *     message says which
     */
    static MqttLink connect(
            BridgeSettings settings, String willTopic, byte[] will, List<String> subscriptions, Listener listener)
            throws Exception {
        MqttAsyncClient client =
                new MqttAsyncClient(settings.brokerUrl(), settings.clientId(), new MemoryPersistence());
        MqttLink link = new MqttLink(client, listener);
        client.setCallback(link);
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setSessionExpiryInterval(0L);
        options.setAutomaticReconnect(false); // the publisher reconnects, with a new bdSeq each time
        options.setKeepAliveInterval(settings.keepAliveSeconds());
        options.setConnectionTimeout(settings.connectTimeoutSeconds());
        MqttMessage death = new MqttMessage(will);
        death.setQos(1);
        death.setRetained(false);
        options.setWill(willTopic, death);
        if (settings.username() != null) {
            options.setUserName(settings.username());
        }
        if (settings.password() != null) {
            options.setPassword(settings.password().getBytes(StandardCharsets.UTF_8));
        }
        if (settings.tls()) {
            options.setSocketFactory(sslContext(settings).getSocketFactory());
        }
        long waitMs = settings.connectTimeoutSeconds() * 1000L + 1000;
        try {
            IMqttToken connected = client.connect(options);
            connected.waitForCompletion(waitMs);
            MqttProperties properties = connected.getResponseProperties();
            if (properties != null && properties.getReceiveMaximum() != null) {
                link.receiveMaximum = properties.getReceiveMaximum();
            }
            link.up = true;
            if (!subscriptions.isEmpty()) {
                int[] qos = new int[subscriptions.size()];
                java.util.Arrays.fill(qos, 1);
                client.subscribe(subscriptions.toArray(String[]::new), qos).waitForCompletion(waitMs);
            }
            return link;
        } catch (MqttException | RuntimeException e) {
            link.abandon();
            throw e;
        }
    }

    /**
     * @param topic   where
     * @param payload what
     * @param qos     0 or 1
     * @return the token, complete when sent (QoS 0) or acknowledged (QoS 1)
     * @throws MqttException when the client cannot take it (not connected)
     */
    IMqttToken publish(String topic, byte[] payload, int qos) throws MqttException {
        return client.publish(topic, payload, qos, false);
    }

    /** @return whether the connection is up */
    boolean up() {
        return up && client.isConnected();
    }

    /** @return how many QoS 1 messages the broker takes unacknowledged at once */
    int receiveMaximum() {
        return receiveMaximum;
    }

    /**
     * Ends the connection cleanly: publishes the NDEATH itself (a clean disconnect discards the will),
     * waits for it to be acknowledged, then disconnects.
     *
     * @param deathTopic the NDEATH topic
     * @param death      its payload
     * @param waitMs     how long each step may take
     */
    void close(String deathTopic, byte[] death, long waitMs) {
        try {
            if (up()) {
                client.publish(deathTopic, death, 1, false).waitForCompletion(waitMs);
                client.disconnect(waitMs).waitForCompletion(waitMs);
            }
        } catch (MqttException | RuntimeException e) {
            LOG.warn("MQTT: the clean disconnect did not complete: {}", e.getMessage());
        }
        up = false;
        try {
            client.close(true);
        } catch (MqttException | RuntimeException e) {
            LOG.debug("MQTT: closing the client failed", e);
        }
    }

    /** Drops the connection without a word: the broker publishes the will. */
    void abandon() {
        up = false;
        try {
            if (client.isConnected()) {
                client.disconnectForcibly(0, 1000, false);
            }
        } catch (MqttException | RuntimeException e) {
            LOG.debug("MQTT: dropping the connection failed", e);
        }
        try {
            client.close(true);
        } catch (MqttException | RuntimeException e) {
            LOG.debug("MQTT: closing the client failed", e);
        }
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
        boolean wasUp = up;
        up = false;
        if (wasUp) {
            String why = response.getException() != null
                    ? response.getException().getMessage()
                    : "the broker disconnected (reason " + response.getReturnCode() + ")";
            listener.lost(why);
        }
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
        LOG.warn("MQTT: client error: {}", exception.getMessage());
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        listener.message(topic, message.getPayload());
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
        // the publisher reads its tokens
    }

    @Override
    public void connectComplete(boolean reconnect, String serverURI) {
        // connect() waits for it
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {
        // no enhanced authentication
    }

    private static SSLContext sslContext(BridgeSettings settings) throws IOException, GeneralSecurityException {
        if (settings.trustStore() == null) {
            return SSLContext.getDefault();
        }
        String name = settings.trustStore().getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        KeyStore store = KeyStore.getInstance(name.endsWith(".jks") ? "JKS" : "PKCS12");
        char[] password = settings.trustStorePassword() == null
                ? null
                : settings.trustStorePassword().toCharArray();
        try (InputStream in = Files.newInputStream(settings.trustStore())) {
            store.load(in, password);
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
