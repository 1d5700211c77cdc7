package io.gantry.bench.e2e;

import java.nio.file.Path;

/**
 * Where things are and how long to run.
 *
 * @param distribution the built controller, {@code distribution/target/gantry-<version>}
 * @param pluginJar    the core-functions plugin jar dropped in by the hot-deploy benchmark
 * @param work         a scratch folder for the controllers' copies and data
 * @param quick        a short smoke run: fewer rounds, shorter loads
 */
record Setup(Path distribution, Path pluginJar, Path work, boolean quick) {
    /** @return {@code full} normally, {@code quick} in a smoke run */
    int rounds(int full, int quick) {
        return this.quick ? quick : full;
    }

    /** A fresh copy of the distribution in its own folder under {@link #work}. */
    Controller install(String name) {
        return Controller.install(distribution, work.resolve(name));
    }
}
