/**
 * The EventAdmin topics and event property keys under {@code gantry/*}.
 */
@Version("1.4.0")
@Export
package io.gantry.engine.api.event;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
