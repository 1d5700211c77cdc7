package io.gantry.engine.core.internal.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

class BundleJarTest {
    @Test
    void aBundleHasNoProblem() throws IOException {
        assertThat(BundleJar.problem(jar("io.example.driver"))).isNull();
    }

    @Test
    void aFileThatIsNoZipIsRefusedWithTheReason() {
        assertThat(BundleJar.problem("not a zip".getBytes(StandardCharsets.UTF_8)))
                .startsWith("it cannot be read as a jar");
    }

    @Test
    void aJarCutShortIsFoundBeforeTheFrameworkMeetsIt() throws IOException {
        byte[] whole = jar("io.example.driver");
        byte[] half = Arrays.copyOf(whole, whole.length / 2);
        assertThat(BundleJar.problem(half)).startsWith("it cannot be read as a jar");
    }

    @Test
    void aPlainJarIsRefusedBecauseItIsNoBundle() throws IOException {
        assertThat(BundleJar.problem(jar(null))).contains("no Bundle-SymbolicName");
    }

    /** A jar with a manifest and one class-sized entry, so that cutting it in half cuts an entry. */
    static byte[] jar(String symbolicName) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (symbolicName != null) {
            manifest.getMainAttributes().putValue("Bundle-SymbolicName", symbolicName);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            jar.putNextEntry(new ZipEntry("io/example/Driver.class"));
            byte[] content = new byte[4096];
            new Random(1).nextBytes(content);
            jar.write(content);
            jar.closeEntry();
        }
        return bytes.toByteArray();
    }
}
