package io.gantry.bench.e2e;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The JDK's jcmd, to force a full GC and read how much heap is still in use after it. */
final class Jcmd {
    /** A heap line of GC.heap_info, e.g. {@code def new generation   total 9792K, used 1234K} or {@code garbage-first heap ...}. */
    private static final Pattern HEAP_LINE =
            Pattern.compile("(?m)^\\s*\\S.*?(generation|heap)\\s+total (\\d+)K, used (\\d+)K");

    private Jcmd() {}

    /** @return heap in use right after a full GC, in MiB (all generations) */
    static double heapUsedAfterGcMiB(long pid) {
        Command.run(List.of("jcmd", String.valueOf(pid), "GC.run"));
        Matcher line = HEAP_LINE.matcher(Command.run(List.of("jcmd", String.valueOf(pid), "GC.heap_info")));
        long usedKiB = 0;
        boolean found = false;
        while (line.find()) {
            usedKiB += Long.parseLong(line.group(3));
            found = true;
        }
        if (!found) {
            throw new IllegalStateException("no heap figures in jcmd " + pid + " GC.heap_info");
        }
        return usedKiB / 1024.0;
    }
}
