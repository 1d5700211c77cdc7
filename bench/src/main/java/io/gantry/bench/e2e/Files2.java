package io.gantry.bench.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** The file moves the harness makes: copying a distribution, dropping a plugin the atomic way. */
final class Files2 {
    private Files2() {}

    static void copyTree(Path from, Path to) {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path source : all.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code jar} as {@code folder/name.tmp} and moves it in, so FileInstall never sees half a file. */
    static Path dropInto(Path folder, Path jar, String name) {
        try {
            Path aside = folder.resolve(name + ".tmp");
            Files.copy(jar, aside, StandardCopyOption.REPLACE_EXISTING);
            return Files.move(aside, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
