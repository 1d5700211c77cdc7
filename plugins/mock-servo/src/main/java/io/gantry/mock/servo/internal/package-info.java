/**
 * The simulated servo axis: its driver, the device instance and the three functions that act on it.
 *
 * <p>This is the reference plugin a vendor copies. Everything here is private to the bundle: the
 * controller only sees the {@code DeviceDriver} and {@code PipelineFunction} services that the DS
 * components register.
 */
package io.gantry.mock.servo.internal;
