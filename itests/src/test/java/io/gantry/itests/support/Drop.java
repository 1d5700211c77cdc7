package io.gantry.itests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Drops a file into a deploy/ folder the way an operator should: written aside, then moved in atomically. */
public final class Drop {
    private Drop() {}

    /**
     * @param deploy the deploy/ folder
     * @param source the file to drop
     * @param name   its name in deploy/
     */
    public static void into(Path deploy, Path source, String name) {
        try {
            Path temporary = deploy.resolve(name + ".tmp");
            Files.copy(source, temporary, StandardCopyOption.REPLACE_EXISTING);
            Files.move(
                    temporary,
                    deploy.resolve(name),
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
