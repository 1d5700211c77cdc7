/**
 * Device drivers: the service a vendor's plugin registers to describe a device type and create
 * device instances of it, and the device instance's lifecycle.
 */
@Version("1.1.0")
@Export
package io.gantry.engine.api.device;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
