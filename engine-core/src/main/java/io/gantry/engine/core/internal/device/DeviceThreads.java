package io.gantry.engine.core.internal.device;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads that call device plugins (the device manager's pool, the signal polls). Named so a thread dump shows which are stuck in a plugin's
 * call; daemons so a plugin that never returns cannot keep the JVM alive.
 */
public final class DeviceThreads implements ThreadFactory {
    private final AtomicInteger count = new AtomicInteger();
    private final String prefix;

    /** Threads of the device manager's pool, {@code gantry-device-N}. */
    DeviceThreads() {
        this("gantry-device");
    }

    /** @param prefix the threads' names before {@code -N}, e.g. {@code gantry-signals} */
    public DeviceThreads(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public Thread newThread(Runnable runnable) {
        Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    }
}
