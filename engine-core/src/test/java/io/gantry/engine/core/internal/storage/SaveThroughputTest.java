package io.gantry.engine.core.internal.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.engine.api.pipeline.PipelineDefinition;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Measures durable pipeline saves per second; logs the figure and asserts nothing about speed. */
class SaveThroughputTest {
    private static final Logger LOG = LoggerFactory.getLogger(SaveThroughputTest.class);
    private static final int WARM_UP = 50;
    private static final int SAVES = 500;

    @TempDir
    Path dir;

    @Test
    void measuresPipelineSavesPerSecond() {
        try (SqliteDatabase database = TestDatabases.open(dir.resolve("gantry.db"))) {
            SqlitePipelineRepository repository = new SqlitePipelineRepository(database, Clock.systemUTC());
            PipelineDefinition definition = SqlitePipelineRepositoryTest.pipeline("p", "throughput");
            repository.create(definition);
            for (int i = 0; i < WARM_UP; i++) {
                repository.saveNewVersion("p", definition, null);
            }

            long start = System.nanoTime();
            for (int i = 0; i < SAVES; i++) {
                repository.saveNewVersion("p", definition, null);
            }
            double seconds = (System.nanoTime() - start) / 1e9;

            LOG.info(
                    "{} pipeline saves (synchronous=FULL, WAL) in {} s: {} saves/s, {} ms each",
                    SAVES,
                    String.format("%.3f", seconds),
                    Math.round(SAVES / seconds),
                    String.format("%.3f", seconds * 1000 / SAVES));
            assertThat(repository.versions("p")).hasSize(1 + WARM_UP + SAVES);
        }
    }
}
