package io.gantry.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import aQute.bnd.osgi.Builder;
import aQute.bnd.osgi.Jar;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.annotation.bundle.Export;

/**
 * The root bnd.bnd's rule that an exported API must not mention a private type is an error, proven
 * on a bundle that breaks it: bnd, with the instructions every Gantry bundle uses, must fail it.
 */
class ExportRulesTest {
    @TempDir
    Path folder;

    @Test
    void anExportedPackageLeakingAPrivateTypeFailsTheBuild() throws Exception {
        Builder builder = build("leak.api.Api", """
                package leak.api;
                public interface Api { leak.internal.Secret secret(); }
                """);
        assertThat(builder.getErrors())
                .as("warnings: " + builder.getWarnings())
                .anyMatch(error -> error.contains("private references") && error.contains("leak.api"));
    }

    @Test
    void anExportedPackageUsingOnlyExportedTypesBuilds() throws Exception {
        Builder builder = build("leak.api.Api", """
                package leak.api;
                public interface Api { String name(); }
                """);
        assertThat(builder.getErrors()).isEmpty();
    }

    private Builder build(String apiClass, String apiSource) throws Exception {
        Path sources = Files.createDirectories(folder.resolve("src"));
        write(sources, "leak/api/Api.java", apiSource);
        write(sources, "leak/api/package-info.java", """
                @org.osgi.annotation.bundle.Export
                @org.osgi.annotation.versioning.Version("1.0.0")
                package leak.api;
                """);
        write(sources, "leak/internal/Secret.java", "package leak.internal;\npublic final class Secret {}\n");
        Path classes = Files.createDirectories(folder.resolve("classes"));
        List<String> arguments = new java.util.ArrayList<>(
                List.of("--release", "17", "-d", classes.toString(), "-classpath", annotations()));
        try (var files = Files.walk(sources)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> arguments.add(f.toString()));
        }
        assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, arguments.toArray(String[]::new)))
                .isZero();

        Builder builder = new Builder();
        builder.setBase(folder.toFile());
        builder.setProperty("project.artifactId", "leak-test");
        builder.setProperties(Path.of("../bnd.bnd").toAbsolutePath().toFile());
        builder.setProperty("-includepackage", "leak.*");
        builder.addClasspath(new Jar(classes.toFile()));
        builder.addClasspath(new File(annotations()));
        builder.build();
        return builder;
    }

    private static void write(Path root, String name, String content) throws IOException {
        Path file = root.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private static String annotations() throws URISyntaxException {
        return Path.of(Export.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .toString();
    }
}
