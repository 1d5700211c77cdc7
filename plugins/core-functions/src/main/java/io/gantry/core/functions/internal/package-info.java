/**
 * The pure functions every controller ships: constants, arithmetic, comparisons, a delay and a log.
 * Each is a DS component registering one {@code PipelineFunction}; nothing here is exported.
 */
package io.gantry.core.functions.internal;
