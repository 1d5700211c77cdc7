package io.gantry.engine.api.metrics;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The controller's one metrics registry, seen from outside the core. The core keeps the registry
 * (and the metrics library) to itself; other bundles read it as Prometheus text and report what
 * only they see — HTTP requests and WebSocket clients. Every method is thread-safe and cheap; none
 * throws.
 *
 * @since 1.0.0
 */
@ProviderType
public interface ControllerMetrics {
    /** Content type of {@link #scrape()}: the Prometheus text exposition format 0.0.4. */
    String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    /**
     * @return every metric now, in the Prometheus text exposition format 0.0.4
     */
    String scrape();

    /**
     * Records one answered HTTP request ({@code gantry_http_server_requests_seconds}).
     *
     * @param method        the HTTP method, such as {@code GET}
     * @param route         the matched route template, such as {@code /api/pipelines/{id}}; never a raw
     *                      path, so that ids do not multiply the series
     * @param status        the HTTP status code sent
     * @param durationNanos time from request to response, in nanoseconds
     */
    void recordHttpRequest(String method, String route, int status, long durationNanos);

    /** A WebSocket client connected ({@code gantry_websocket_clients} goes up). */
    void webSocketClientConnected();

    /** A WebSocket client left or was dropped ({@code gantry_websocket_clients} goes down). */
    void webSocketClientDisconnected();

    /** One event message was sent to one WebSocket client ({@code gantry_websocket_events_sent_total}). */
    void webSocketEventSent();

    /**
     * A WebSocket client was dropped by the controller ({@code gantry_websocket_clients_dropped_total}),
     * for example because it read too slowly. Call {@link #webSocketClientDisconnected()} as well.
     *
     * @param reason a short fixed reason such as {@code slow}; used as a label, so never free text
     */
    void webSocketClientDropped(String reason);

    /**
     * The MQTT bridge's link to its broker came up or went down ({@code gantry_mqtt_connected}, 1 or 0).
     *
     * @param connected whether the bridge is connected now
     * @since 1.1
     */
    void mqttConnected(boolean connected);

    /**
     * The MQTT bridge had messages acknowledged by its broker ({@code gantry_mqtt_published_total}).
     *
     * @param messages how many, at least 1
     * @since 1.1
     */
    void mqttPublished(long messages);

    /**
     * The events the MQTT bridge has still to publish, read from the event log
     * ({@code gantry_mqtt_backlog_events}).
     *
     * @param events how many now
     * @since 1.1
     */
    void mqttBacklog(long events);

    /**
     * The MQTT bridge skipped events it could not publish in time: more than its bound behind, or no
     * longer in the event log ({@code gantry_mqtt_dropped_events_total}).
     *
     * @param events how many
     * @since 1.1
     */
    void mqttDropped(long events);

    /**
     * The MQTT bridge handled a command from its broker ({@code gantry_mqtt_commands_total}).
     *
     * @param kind    a short fixed name such as {@code write} or {@code run}; a label, so never free text
     * @param outcome {@code ok}, {@code refused}, {@code denied} or {@code failed}
     * @since 1.1
     */
    void mqttCommand(String kind, String outcome);
}
