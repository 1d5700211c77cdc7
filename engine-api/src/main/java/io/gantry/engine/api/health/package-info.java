/**
 * Health checks: each core part reports whether it can do its job.
 */
@Version("1.0.0")
@Export
package io.gantry.engine.api.health;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
