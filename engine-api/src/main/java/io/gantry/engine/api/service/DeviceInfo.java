package io.gantry.engine.api.service;

import io.gantry.engine.api.device.DeviceStatus;
import java.util.Map;

/**
 * A device instance as clients see it.
 *
 * @param id        the instance's id
 * @param type      its device type id
 * @param name      its name
 * @param config    its config
 * @param status    its state now
 * @param lastError the last fault or connect failure; null when none
 * @param breaker   the state of its circuit breaker ({@code CLOSED}, {@code OPEN}, {@code HALF_OPEN})
 */
public record DeviceInfo(
        String id,
        String type,
        String name,
        Map<String, Object> config,
        DeviceStatus status,
        String lastError,
        String breaker) {}
