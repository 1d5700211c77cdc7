package io.gantry.itests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The initial admin token a controller writes to {@code <data>/initial-admin.token} on its first start:
 * what every test, like a script or a first login, authenticates with.
 */
public final class AdminToken {
    /** The file's name in the data folder. */
    public static final String FILE = "initial-admin.token";

    private AdminToken() {}

    /**
     * @param dataFolder a controller's data folder
     * @return the token, once the controller has written it
     */
    public static String read(Path dataFolder) {
        Path file = dataFolder.resolve(FILE);
        Await.until(file + " written", Duration.ofSeconds(60), () -> Files.isRegularFile(file) && size(file) > 0);
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the token of the controller this Pax Exam test runs in (its {@code gantry.data}) */
    public static String ofThisContainer() {
        return read(Path.of(System.getProperty("gantry.data")));
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0; // being replaced: look again
        }
    }
}
