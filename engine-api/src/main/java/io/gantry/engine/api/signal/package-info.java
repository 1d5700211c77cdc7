/**
 * Signals: a device's live values (an axis position, a part-present input, a speed setpoint), as a
 * device type declares them and a device instance reads, writes or pushes them. The controller polls
 * the polled ones on the device's own schedule, keeps the last value with its quality and time, and
 * announces changes on {@code gantry/signal/CHANGED}. A device whose protocol can list what it offers
 * implements {@link io.gantry.engine.api.signal.SignalBrowser}, so signals are picked, not typed.
 */
@Version("1.1.0")
@Export
package io.gantry.engine.api.signal;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
