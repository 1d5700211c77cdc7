/**
 * The compiled form of a pipeline: what validation produces and the engine runs. A leaf below both,
 * so that neither depends on the other (and resilience can name a node without depending on the engine).
 */
package io.gantry.engine.core.internal.plan;
