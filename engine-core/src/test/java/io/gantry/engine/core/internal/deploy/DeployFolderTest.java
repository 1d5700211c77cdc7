package io.gantry.engine.core.internal.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeployFolderTest {
    @TempDir
    Path folder;

    @Test
    void theDeployerSeesJarsAndStrayFilesButNotConfigurationsOrFilesInTransit() throws IOException {
        for (String name : new String[] {
            "driver.jar",
            "notes.txt",
            "belt.cfg",
            "servo.config",
            ".hidden.jar",
            "driver.jar.tmp",
            "big.jar.part",
            "edit.jar~"
        }) {
            Files.writeString(folder.resolve(name), name);
        }
        Files.createDirectories(folder.resolve("sub.jar"));

        assertThat(new DeployFolder(folder).scan()).containsOnlyKeys("driver.jar", "notes.txt");
    }

    @Test
    void aStampChangesWithTheContent() throws IOException {
        DeployFolder deploy = new DeployFolder(folder);
        Files.writeString(folder.resolve("driver.jar"), "one");
        DeployFolder.Stamp first = deploy.scan().get("driver.jar");
        Files.writeString(folder.resolve("driver.jar"), "longer content");
        assertThat(deploy.scan().get("driver.jar")).isNotEqualTo(first);
    }

    @Test
    void aMissingFolderIsEmpty() {
        assertThat(new DeployFolder(folder.resolve("absent")).scan()).isEmpty();
    }
}
