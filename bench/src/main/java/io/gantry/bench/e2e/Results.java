package io.gantry.bench.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the end-to-end run found: figures, and for each benchmark that could not run, why. Printed
 * as it goes so a long run shows progress; written as JSON for the summary.
 */
final class Results {
    private final List<Map<String, Object>> entries = new ArrayList<>();

    void add(Figure figure) {
        entries.add(figure.toJson());
        System.out.printf(
                "  %-55s median %10.2f %-6s min %10.2f  max %10.2f  (%d runs)%n",
                figure.name(),
                figure.median(),
                figure.unit(),
                figure.min(),
                figure.max(),
                figure.samples().size());
    }

    /** @param reason why it did not run, e.g. {@code endpoint not available: 404} */
    void skip(String name, String reason) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", name);
        entry.put("skipped", reason);
        entries.add(entry);
        System.out.printf("  %-55s skipped: %s%n", name, reason);
    }

    void write(Path file) throws IOException {
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), entries);
    }
}
