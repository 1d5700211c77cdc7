package io.gantry.bench.summary;

import com.fasterxml.jackson.databind.JsonNode;

/** The summary as a table to read: one line per figure, its aim beside it, skipped benchmarks and why. */
final class SummaryText {
    // wide enough for the longest names and units (the loop's "…, per iteration, loop=until", "us/iteration")
    private static final String ROW = "  %-70s %12s %12s %12s  %-12s %s%n";

    private SummaryText() {}

    static String render(JsonNode summary) {
        StringBuilder text = new StringBuilder();
        JsonNode machine = summary.path("machine");
        text.append(String.format(
                "Gantry benchmarks, %s (%s run)%n",
                summary.path("date").asText(), summary.path("mode").asText()));
        text.append(String.format(
                "machine: %d cores, %s; load average at the end: %s%n",
                machine.path("cores").asInt(),
                machine.path("cpu").asText(),
                machine.path("loadAverage").asText()));
        text.append(String.format("java: %s%n%n", machine.path("java").asText()));
        text.append(String.format(ROW, "", "median", "min", "max", "unit", "aim"));
        section(text, "Engine in-process (JMH)", summary.path("engine"));
        section(text, "End to end (the distribution as a process)", summary.path("endToEnd"));
        text.append(String.format("%nmin/max span every measured iteration (JMH) or run (end to end); "
                + "summary.json has every sample and how it was measured.%n"));
        return text.toString();
    }

    private static void section(StringBuilder text, String title, JsonNode figures) {
        text.append(title).append('\n');
        if (figures.isEmpty()) {
            text.append("  (not run)\n");
        }
        for (JsonNode figure : figures) {
            String name = figure.path("name").asText();
            if (figure.has("skipped")) {
                text.append(String.format(
                        "  %-70s skipped: %s%n", name, figure.path("skipped").asText()));
            } else {
                text.append(String.format(
                        ROW,
                        name,
                        number(figure.path("median")),
                        number(figure.path("min")),
                        number(figure.path("max")),
                        figure.path("unit").asText(),
                        Aims.of(name)));
            }
        }
    }

    private static String number(JsonNode value) {
        double number = value.asDouble();
        return Math.abs(number) >= 100 ? String.format("%,.0f", number) : String.format("%.3f", number);
    }
}
