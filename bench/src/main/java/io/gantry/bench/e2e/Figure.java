package io.gantry.bench.e2e;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One measured quantity over several runs. The median is what to compare; min and max show how much
 * the runs disagreed.
 *
 * @param name    what was measured, e.g. {@code start to ready}
 * @param unit    the samples' unit, e.g. {@code ms}
 * @param samples one value per run
 * @param note    how it was measured where that matters for reading it, or null
 */
public record Figure(String name, String unit, List<Double> samples, String note) {
    public Figure {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("figure '" + name + "' has no samples");
        }
        samples = List.copyOf(samples);
    }

    public double median() {
        List<Double> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    public double min() {
        return Collections.min(samples);
    }

    public double max() {
        return Collections.max(samples);
    }

    /** @return the figure as it goes into the JSON results: median, min, max, every sample */
    public Map<String, Object> toJson() {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", name);
        entry.put("unit", unit);
        entry.put("median", median());
        entry.put("min", min());
        entry.put("max", max());
        entry.put("runs", samples.size());
        entry.put("samples", samples);
        if (note != null) {
            entry.put("note", note);
        }
        return entry;
    }
}
