package io.gantry.mqtt.bridge.internal;

import io.gantry.engine.api.device.DeviceStatus;
import io.gantry.engine.api.event.EventProperties;
import io.gantry.engine.api.event.LoggedEvent;
import io.gantry.engine.api.event.Topics;
import io.gantry.engine.api.function.PortType;
import io.gantry.engine.api.service.DeviceInfo;
import io.gantry.engine.api.service.DeviceService;
import io.gantry.engine.api.service.SignalInfo;
import io.gantry.engine.api.signal.SignalQuality;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The controller as a Sparkplug B edge node: its topics, its births (NBIRTH, a DBIRTH per connected
 * device, with the signals each was born with), and the device messages an event from the log makes —
 * DDATA for a signal change, DBIRTH when a device connects, DDEATH when it goes — each with the node's
 * next {@code seq}. Used by the publisher thread only.
 */
final class SparkplugNode {
    private static final Logger LOG = LoggerFactory.getLogger(SparkplugNode.class);

    /** Sends one message; the publisher's, with its window of messages in flight. */
    interface Sender {
        IMqttToken send(String topic, byte[] payload, int qos);
    }

    private final DeviceService devices;
    private final Sender sender;
    private final String prefix;
    private final String suffix;
    private final SparkplugPayloads payloads = new SparkplugPayloads();
    private final SparkplugSeq seq = new SparkplugSeq();
    // the signals (and their types) of each device born since the last NBIRTH
    private final Map<String, Map<String, PortType>> born = new HashMap<>();
    private Instant birthAt;

    /**
     * @param settings its group and edge node id
     * @param devices  the devices it births
     * @param sender   sends its messages
     */
    SparkplugNode(BridgeSettings settings, DeviceService devices, Sender sender) {
        this.devices = devices;
        this.sender = sender;
        this.prefix = "spBv1.0/" + settings.groupId() + "/";
        this.suffix = "/" + settings.edgeNodeId();
    }

    /**
     * @param type     NBIRTH, DDATA, NCMD, …
     * @param deviceId the device, or null for the node's own (or {@code +} for any device)
     * @return its topic
     */
    String topic(String type, String deviceId) {
        return prefix + type + suffix + (deviceId == null ? "" : "/" + deviceId);
    }

    /**
     * @param bdSeq the connection's bdSeq
     * @return the NDEATH payload (the will)
     */
    byte[] death(int bdSeq) {
        return payloads.nodeDeath(bdSeq, Instant.now());
    }

    /**
     * NBIRTH (seq 0) and a DBIRTH for every connected device, with their values now.
     *
     * @param bdSeq the connection's bdSeq
     * @param epoch the controller's epoch, a metric of the birth
     * @return their tokens
     */
    List<IMqttToken> births(int bdSeq, String epoch) {
        birthAt = Instant.now();
        born.clear();
        List<IMqttToken> tokens = new ArrayList<>();
        tokens.add(sender.send(topic("NBIRTH", null), payloads.nodeBirth(bdSeq, seq.birth(), epoch, birthAt), 0));
        for (DeviceInfo device : devices.list()) {
            if (device.status() == DeviceStatus.CONNECTED) {
                deviceBirth(device.id()).ifPresent(tokens::add);
            }
        }
        return tokens;
    }

    /** The connection is gone: the next one births everything again. */
    void forget() {
        born.clear();
        birthAt = null;
    }

    /**
     * @param event an event from the log
     * @return the device message it makes, if any
     */
    Optional<IMqttToken> messagesOf(LoggedEvent event) {
        Object device = event.properties().get(EventProperties.DEVICE_ID);
        if (device == null) {
            return Optional.empty();
        }
        String deviceId = device.toString();
        Instant at = instant(event.properties().get(EventProperties.TIMESTAMP));
        boolean historical = at != null && birthAt != null && at.isBefore(birthAt);
        return switch (event.topic()) {
            case Topics.SIGNAL_CHANGED -> deviceData(deviceId, event, historical);
            // replayed history: the births just made say how the devices are now
            case Topics.DEVICE_CONNECTED -> historical ? Optional.empty() : deviceBirth(deviceId);
            case Topics.DEVICE_DISCONNECTED, Topics.DEVICE_FAULT, Topics.DEVICE_REMOVED, Topics.DEVICE_UNAVAILABLE ->
                !historical && born.remove(deviceId) != null
                        ? Optional.of(sender.send(
                                topic("DDEATH", deviceId), payloads.deviceDeath(seq.next(), Instant.now()), 0))
                        : Optional.empty();
            default -> Optional.empty(); // other device events have no Sparkplug message
        };
    }

    private Optional<IMqttToken> deviceBirth(String deviceId) {
        List<SignalInfo> signals;
        try {
            signals = devices.signals(deviceId);
        } catch (RuntimeException e) {
            LOG.debug("MQTT: no DBIRTH for {}: {}", deviceId, e.getMessage());
            return Optional.empty();
        }
        Map<String, PortType> types = new HashMap<>();
        signals.forEach(signal -> types.put(signal.name(), signal.type()));
        born.put(deviceId, types);
        return Optional.of(
                sender.send(topic("DBIRTH", deviceId), payloads.deviceBirth(seq.next(), signals, Instant.now()), 0));
    }

    private Optional<IMqttToken> deviceData(String deviceId, LoggedEvent event, boolean historical) {
        Map<String, PortType> types = born.get(deviceId);
        Object signal = event.properties().get(EventProperties.SIGNAL);
        if (types == null || signal == null) {
            return Optional.empty(); // not born: DDATA would be invalid until its DBIRTH
        }
        PortType type = types.get(signal.toString());
        if (type == null) {
            // a signal its birth did not have (the device changed): a new DBIRTH carries it
            return historical ? Optional.empty() : deviceBirth(deviceId);
        }
        SignalQuality quality;
        try {
            quality = SignalQuality.valueOf(String.valueOf(event.properties().get(EventProperties.QUALITY)));
        } catch (IllegalArgumentException e) {
            quality = SignalQuality.UNCERTAIN;
        }
        Instant sampled = instant(event.properties().get(EventProperties.SAMPLED_AT));
        Instant now = Instant.now();
        return Optional.of(sender.send(
                topic("DDATA", deviceId),
                payloads.deviceData(
                        seq.next(),
                        signal.toString(),
                        type,
                        event.properties().get(EventProperties.VALUE),
                        quality,
                        sampled == null ? now : sampled,
                        historical,
                        now),
                0));
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value.toString());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
