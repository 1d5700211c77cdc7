package io.gantry.itests.support;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text exposition format 0.0.4: every line must be a HELP, a TYPE
 * or a sample of a family whose TYPE came first; names, labels and values must be well formed; no
 * series may repeat; every histogram's {@code +Inf} bucket must equal its count. The Prometheus Java
 * client ships writers only, so the tests read the format with this.
 */
public final class PrometheusText {
    private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
    private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") .*");
    private static final Pattern TYPE =
            Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|histogram|summary|untyped)");
    private static final Pattern SAMPLE =
            Pattern.compile("(" + NAME + ")(\\{(?:[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\[\\\\\"n])*\",?)*\\})?"
                    + " (NaN|[+-]Inf|[+-]?[0-9]+(?:\\.[0-9]*)?(?:[eE][+-]?[0-9]+)?)(?: -?[0-9]+)?");

    private final Map<String, Double> samples = new HashMap<>();

    private PrometheusText() {}

    /**
     * @param text a scrape
     * @return its samples by series ({@code name{labels}} exactly as written)
     * @throws AssertionError naming the first line that breaks the format
     */
    public static PrometheusText parse(String text) {
        PrometheusText parsed = new PrometheusText();
        Map<String, String> types = new HashMap<>();
        Set<String> seen = new HashSet<>();
        int number = 0;
        for (String line : text.split("\n", -1)) {
            number++;
            if (line.isEmpty()) {
                continue;
            }
            Matcher type = TYPE.matcher(line);
            if (type.matches()) {
                if (types.put(type.group(1), type.group(2)) != null) {
                    throw new AssertionError("line " + number + ": second TYPE for " + type.group(1));
                }
                continue;
            }
            if (HELP.matcher(line).matches()) {
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            if (!sample.matches()) {
                throw new AssertionError("line " + number + " is not Prometheus text: " + line);
            }
            String name = sample.group(1);
            if (family(name, types) == null) {
                throw new AssertionError("line " + number + ": sample before its TYPE: " + line);
            }
            String series = name + (sample.group(2) == null ? "" : sample.group(2));
            if (!seen.add(series)) {
                throw new AssertionError("line " + number + ": series repeated: " + series);
            }
            parsed.samples.put(series, Double.parseDouble(sample.group(3).replace("Inf", "Infinity")));
        }
        parsed.checkHistograms(types);
        return parsed;
    }

    /**
     * @param series {@code name{labels}} as written, labels in the writer's (sorted) order
     * @return its value, or null when absent
     */
    public Double value(String series) {
        return samples.get(series);
    }

    /** @return the value, 0 when absent */
    public double valueOrZero(String series) {
        Double value = samples.get(series);
        return value == null ? 0 : value;
    }

    /** @return whether any series of this metric name is present */
    public boolean has(String name) {
        return samples.keySet().stream().anyMatch(s -> s.equals(name) || s.startsWith(name + "{"));
    }

    private static String family(String name, Map<String, String> types) {
        if (types.containsKey(name)) {
            return name;
        }
        for (String suffix : new String[] {"_total", "_bucket", "_count", "_sum", "_created", "_max"}) {
            if (name.endsWith(suffix) && types.containsKey(name.substring(0, name.length() - suffix.length()))) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return null;
    }

    private void checkHistograms(Map<String, String> types) {
        for (Map.Entry<String, Double> sample : samples.entrySet()) {
            String series = sample.getKey();
            int labels = series.indexOf('{');
            String name = labels < 0 ? series : series.substring(0, labels);
            if (!name.endsWith("_count") || !"histogram".equals(types.get(name.substring(0, name.length() - 6)))) {
                continue;
            }
            String family = name.substring(0, name.length() - 6);
            String labelText = labels < 0 ? "" : series.substring(labels + 1, series.length() - 1);
            String inf = family + "_bucket{" + (labelText.isEmpty() ? "" : labelText + ",") + "le=\"+Inf\"}";
            if (!sample.getValue().equals(samples.get(inf))) {
                throw new AssertionError(
                        "histogram " + series + " = " + sample.getValue() + " but " + inf + " = " + samples.get(inf));
            }
        }
    }
}
