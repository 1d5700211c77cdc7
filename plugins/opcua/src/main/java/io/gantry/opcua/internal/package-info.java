/**
 * The OPC UA client driver: device type {@code opcua} (a {@code Device}, {@code SignalSource} and
 * {@code SignalBrowser} over one session, its signals from one subscription), and the functions
 * {@code opcua.read}, {@code opcua.write}, {@code opcua.call} and {@code opcua.browse}.
 *
 * <p>The OPC UA stack is Eclipse Milo 0.6 with all it needs (netty, Bouncy Castle, Guava), embedded in this
 * bundle. Nothing here is exported: the controller sees only the DS services.
 */
package io.gantry.opcua.internal;
