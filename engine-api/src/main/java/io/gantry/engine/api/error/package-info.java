/**
 * The domain exceptions of Gantry. Each says what went wrong and where, so that an operator can act.
 */
@Version("1.1.0")
@Export
package io.gantry.engine.api.error;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
