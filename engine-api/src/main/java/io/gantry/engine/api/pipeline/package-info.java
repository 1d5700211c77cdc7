/**
 * The pipeline model: a DAG of nodes (function calls) and edges (data from an output port to an
 * input port).
 */
@Version("1.0.0")
@Export
package io.gantry.engine.api.pipeline;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
