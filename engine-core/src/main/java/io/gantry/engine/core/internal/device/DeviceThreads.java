package io.gantry.engine.core.internal.device;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads of the device manager's pool. Named so a thread dump shows which are stuck in a plugin's
 * call; daemons so a plugin that never returns cannot keep the JVM alive.
 */
final class DeviceThreads implements ThreadFactory {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable runnable) {
        Thread thread = new Thread(runnable, "gantry-device-" + count.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    }
}
