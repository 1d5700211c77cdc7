package io.gantry.engine.core.internal.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watch of a real folder on the machine's file system. */
class FolderWatchTest {
    @TempDir
    Path dir;

    @Test
    void saysSoWhenAFileIsAddedChangedOrRemoved() throws Exception {
        Semaphore changes = new Semaphore(0);
        FolderWatch watch = FolderWatch.start(dir, changes::release);
        assertThat(watch).as("a local folder can be watched").isNotNull();
        try {
            Path jar = dir.resolve("plugin.jar");
            Files.write(jar, new byte[] {1});
            assertThat(changes.tryAcquire(10, TimeUnit.SECONDS)).as("added").isTrue();
            changes.drainPermits();
            Files.write(jar, new byte[] {1, 2});
            assertThat(changes.tryAcquire(10, TimeUnit.SECONDS)).as("changed").isTrue();
            changes.drainPermits();
            Files.delete(jar);
            assertThat(changes.tryAcquire(10, TimeUnit.SECONDS)).as("removed").isTrue();
        } finally {
            watch.close();
        }
    }

    @Test
    void aFolderThatCannotBeWatchedGivesNoWatch() {
        assertThat(FolderWatch.start(dir.resolve("missing"), () -> {})).isNull();
    }
}
