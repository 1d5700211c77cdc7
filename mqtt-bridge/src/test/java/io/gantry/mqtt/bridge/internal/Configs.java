package io.gantry.mqtt.bridge.internal;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/** Configurations as DS would give them: the annotation's defaults, with some keys set. */
final class Configs {
    private Configs() {}

    static MqttBridgeConfiguration of(Map<String, Object> values) {
        Map<String, Object> all = new HashMap<>();
        all.put("brokerUrl", "tcp://127.0.0.1:1883");
        all.put("groupId", "cells");
        all.put("edgeNodeId", "cell-1");
        all.putAll(values);
        return (MqttBridgeConfiguration) Proxy.newProxyInstance(
                MqttBridgeConfiguration.class.getClassLoader(),
                new Class<?>[] {MqttBridgeConfiguration.class},
                (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return method.getName().equals("toString") ? "config" : null;
                    }
                    return all.getOrDefault(method.getName(), method.getDefaultValue());
                });
    }

    static BridgeSettings settings(Map<String, Object> values) {
        return BridgeSettings.of(of(values));
    }
}
