package io.gantry.opcua.internal;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The threads Milo, netty and Milo's trust list start: none may be left once the plugin has let go. */
final class MiloThreads {
    /** The names they give their threads. */
    private static final Pattern NAMES =
            Pattern.compile("milo|netty|nioeventloop|globaleventexecutor|certificate-store");

    private MiloThreads() {}

    /** @return those alive now */
    static List<Thread> alive() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(thread ->
                        NAMES.matcher(thread.getName().toLowerCase(Locale.ROOT)).find())
                .toList();
    }
}
