package io.gantry.engine.core.internal.security;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Gives each test a fresh {@link SecurityTestbed} in a temporary folder, after a first start. */
abstract class SecurityTestSupport {
    static final String PASSWORD = "correct horse battery";

    @TempDir
    Path dir;

    SecurityTestbed bed;

    @BeforeEach
    void startTestbed() {
        bed = new SecurityTestbed(dir);
    }

    @AfterEach
    void stopTestbed() {
        bed.close();
    }
}
