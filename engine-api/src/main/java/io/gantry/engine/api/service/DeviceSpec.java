package io.gantry.engine.api.service;

import java.util.Map;

/**
 * What a client asks for when creating a device instance.
 *
 * @param id     the wanted id; null to have one assigned
 * @param type   the device type id
 * @param name   human-readable name
 * @param config the config, validated against the type's schema
 */
public record DeviceSpec(String id, String type, String name, Map<String, Object> config) {}
