package io.gantry.rest.bundle.internal.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.gantry.engine.api.service.DeviceInfo;
import java.util.Map;

/**
 * A device instance as the API shows it.
 *
 * @param id        its id
 * @param type      its device type id
 * @param name      its display name
 * @param config    its config
 * @param status    DISCONNECTED, CONNECTING, CONNECTED, FAULT or UNAVAILABLE
 * @param lastError the last failure, when there is one
 * @param breaker   the state of its circuit breaker, when the core reports one (extension)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeviceJson(
        String id,
        String type,
        String name,
        Map<String, Object> config,
        String status,
        String lastError,
        String breaker) {

    /** @param info the device @return its JSON */
    public static DeviceJson of(DeviceInfo info) {
        return new DeviceJson(
                info.id(),
                info.type(),
                info.name(),
                info.config() == null ? Map.of() : info.config(),
                info.status() == null ? null : info.status().name(),
                info.lastError(),
                info.breaker());
    }

    /**
     * The body of {@code POST /devices}.
     *
     * @param id     the id to give it; generated when absent
     * @param type   the device type id (required)
     * @param name   the display name (required)
     * @param config the config; empty when absent
     */
    public record Create(String id, String type, String name, Map<String, Object> config) {}

    /**
     * The body of {@code PUT /devices/{id}}: both fields are required, as a PUT replaces them.
     *
     * @param name   the new display name
     * @param config the new config
     */
    public record Update(String name, Map<String, Object> config) {}
}
