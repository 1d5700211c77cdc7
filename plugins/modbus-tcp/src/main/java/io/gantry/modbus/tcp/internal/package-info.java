/**
 * The Modbus TCP driver: device type {@code modbus-tcp} (a {@code Device} and {@code SignalSource}
 * over one TCP connection), and the {@code modbus.read} and {@code modbus.write} functions.
 *
 * <p>The Modbus PDUs are j2mod's message classes, embedded in this bundle; the MBAP framing over the
 * socket is {@link io.gantry.modbus.tcp.internal.ModbusLink}'s own, so that a timeout, a dropped link
 * and a refusal by the device stay three different failures. Nothing here is exported: the controller
 * sees only the DS services.
 */
package io.gantry.modbus.tcp.internal;
