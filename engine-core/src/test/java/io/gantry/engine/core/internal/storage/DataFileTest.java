package io.gantry.engine.core.internal.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFileTest {
    @TempDir
    Path dir;

    @Test
    void replacesTheDataPlaceholderAndCreatesTheFolder() {
        Path file = DataFile.resolve("${gantry.data}/db/gantry.db", dir.toString());

        assertThat(file).isEqualTo(dir.resolve("db/gantry.db"));
        assertThat(file.getParent()).isDirectory();
    }

    @Test
    void fallsBackToTheDataFolderInTheWorkingDirectory() {
        assertThat(DataFile.resolve("${gantry.data}/gantry.db", null))
                .isEqualTo(Path.of("data/gantry.db").toAbsolutePath());
    }
}
