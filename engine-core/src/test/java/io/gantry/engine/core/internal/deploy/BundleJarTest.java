package io.gantry.engine.core.internal.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleJarTest {
    @TempDir
    Path folder;

    @Test
    void aBundleHasNoProblem() throws IOException {
        assertThat(BundleJar.problem(jar("ok.jar", "io.example.driver").toFile())).isNull();
    }

    @Test
    void aFileThatIsNoZipIsRefusedWithTheReason() throws IOException {
        Path broken = Files.writeString(folder.resolve("broken.jar"), "not a zip");
        assertThat(BundleJar.problem(broken.toFile())).startsWith("it cannot be read as a jar");
    }

    @Test
    void aPlainJarIsRefusedBecauseItIsNoBundle() throws IOException {
        assertThat(BundleJar.problem(jar("plain.jar", null).toFile())).contains("no Bundle-SymbolicName");
    }

    @Test
    void theReporterClaimsOnlyBrokenJarsAndRemembersThem() throws IOException {
        RejectedJarReporter reporter = new RejectedJarReporter();
        Path good = jar("good.jar", "io.example.good");
        Path broken = Files.writeString(folder.resolve("broken.jar"), "not a zip");
        assertThat(reporter.canHandle(good.toFile())).isFalse();
        assertThat(reporter.canHandle(broken.toFile())).isTrue();
        reporter.install(broken.toFile());
        assertThat(reporter.rejectedJars()).containsKey("broken.jar");
        reporter.uninstall(broken.toFile());
        assertThat(reporter.rejectedJars()).isEmpty();
    }

    private Path jar(String name, String symbolicName) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (symbolicName != null) {
            manifest.getMainAttributes().putValue("Bundle-SymbolicName", symbolicName);
        }
        Path jar = folder.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            return jar;
        }
    }
}
