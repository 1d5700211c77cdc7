/**
 * Functions: the operations a pipeline node calls, with typed ports and a params schema.
 */
@Version("1.0.0")
@Export
package io.gantry.engine.api.function;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
