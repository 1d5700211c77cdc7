/**
 * The controller's metrics, for the bundles that serve or feed them: the HTTP API scrapes them in
 * the Prometheus text format and records its own requests and WebSocket clients; the MQTT bridge
 * reports its link, backlog and commands (since 1.1).
 *
 * @since 1.0.0
 */
@Version("1.1.0")
@Export
package io.gantry.engine.api.metrics;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
