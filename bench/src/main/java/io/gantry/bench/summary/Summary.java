package io.gantry.bench.summary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.gantry.bench.e2e.Figure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code summary.txt} (to read) and {@code summary.json} (to compare by script) from JMH's
 * result and the end-to-end harness's, with the machine and the date.
 *
 * <pre>java -cp benchmarks.jar io.gantry.bench.summary.Summary JMH_JSON E2E_JSON OUT_DIR MODE</pre>
 */
public final class Summary {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Summary() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: Summary JMH_JSON E2E_JSON OUT_DIR MODE");
            System.exit(2);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        summary.put("mode", args[3]);
        summary.put("machine", Machine.describe());
        summary.put("engine", entries(JmhFigures.of(read(Path.of(args[0])))));
        summary.put("endToEnd", read(Path.of(args[1])));
        Path out = Files.createDirectories(Path.of(args[2]));
        JSON.writeValue(out.resolve("summary.json").toFile(), summary);
        String text = SummaryText.render(JSON.valueToTree(summary));
        Files.writeString(out.resolve("summary.txt"), text, StandardCharsets.UTF_8);
        System.out.print(text);
    }

    /** @return the file's JSON, or an empty array when that part did not run */
    private static JsonNode read(Path file) throws IOException {
        return Files.exists(file) ? JSON.readTree(file.toFile()) : JSON.createArrayNode();
    }

    private static List<Map<String, Object>> entries(List<Figure> figures) {
        return figures.stream().map(Figure::toJson).toList();
    }
}
