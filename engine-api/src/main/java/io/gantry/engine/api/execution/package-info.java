/**
 * The execution model: the record of one run of a pipeline, node by node.
 */
@Version("1.1.0")
@Export
package io.gantry.engine.api.execution;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
