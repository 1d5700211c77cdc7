/**
 * The pipeline model: a DAG of nodes (function calls) and edges (data from an output port to an
 * input port, or order from one node to another, on its success or its failure); nodes may be
 * guarded by a boolean condition and may join alternative branches.
 */
@Version("1.1.0")
@Export
package io.gantry.engine.api.pipeline;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
