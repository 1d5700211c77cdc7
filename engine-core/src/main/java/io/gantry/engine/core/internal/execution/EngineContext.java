package io.gantry.engine.core.internal.execution;

import io.gantry.engine.core.internal.device.DeviceLocks;
import io.gantry.engine.core.internal.resilience.DeviceGuard;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/** What every execution of one engine shares. */
record EngineContext(
        EngineConfig config,
        NodeResolver resolver,
        ExecutionListener listener,
        Executor executor,
        ScheduledExecutorService scheduler,
        Clock clock,
        SlotDispatcher dispatcher,
        DeviceLocks deviceLocks,
        DeviceGuard guard) {}
