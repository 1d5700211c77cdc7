/**
 * Where a run happens. {@link io.gantry.engine.core.internal.execution.ExecutionServiceImpl} (the
 * {@code ExecutionService}) plans a pipeline and hands it to
 * {@link io.gantry.engine.core.internal.execution.ExecutionRuntime} (threads, journal, event bus),
 * which starts it on {@link io.gantry.engine.core.internal.execution.ExecutionEngine}; one
 * {@link io.gantry.engine.core.internal.execution.ExecutionRun} walks the plan node by node.
 * Private: nothing here is exported.
 */
package io.gantry.engine.core.internal.execution;
