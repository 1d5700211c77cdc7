package io.gantry.bench.summary;

import java.util.LinkedHashMap;
import java.util.Map;

/** The aims, printed beside the figure they are about (matched by the start of its name). */
final class Aims {
    private static final Map<String, String> BY_NAME_PREFIX = new LinkedHashMap<>();

    static {
        BY_NAME_PREFIX.put("engine: 1,000-node chain of no-ops, per node", "a few µs");
        BY_NAME_PREFIX.put("engine: 1 → 1,000 no-ops → 1 fan-out/fan-in, per node", "a few µs");
        BY_NAME_PREFIX.put("engine: one node looping 1,000 times, per iteration", "a few µs");
        BY_NAME_PREFIX.put("engine: wall time of 50 ms branches", "4 within 2% of 1");
        BY_NAME_PREFIX.put("REST 10-node wait=true, 16 conn: requests/s", "≥ 11,400 (3× Node-RED's 3,800)");
        BY_NAME_PREFIX.put("REST 10-node wait=true, 16 conn: p99", "< 8 ms");
        BY_NAME_PREFIX.put("REST 4 branch(es)", "within 2% of 1 branch");
        BY_NAME_PREFIX.put("start to ready", "about 1 s");
        BY_NAME_PREFIX.put("hot deploy", "< 1 s");
        BY_NAME_PREFIX.put("idle RSS", "near 120 MiB");
    }

    private Aims() {}

    /** @return the aim for this figure, or an empty string */
    static String of(String figureName) {
        return BY_NAME_PREFIX.entrySet().stream()
                .filter(aim -> figureName.startsWith(aim.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse("");
    }
}
