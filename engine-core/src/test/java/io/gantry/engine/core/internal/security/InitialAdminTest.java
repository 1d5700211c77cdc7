package io.gantry.engine.core.internal.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.engine.api.security.Identity;
import io.gantry.engine.api.security.Role;
import io.gantry.engine.api.security.TokenInfo;
import io.gantry.engine.api.security.UserInfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitialAdminTest {
    @TempDir
    Path dir;

    @Test
    void aFirstStartMakesAnAdminAndHandsItsTokenOverInAFileOnlyTheOwnerReads() throws Exception {
        try (SecurityTestbed bed = new SecurityTestbed(dir)) {
            assertThat(bed.users.users())
                    .containsExactly(new UserInfo("admin", Role.ADMIN, false, bed.clock.instant()));
            TokenInfo token = bed.users.tokens("admin").get(0);
            assertThat(token.name()).isEqualTo("initial-admin");
            assertThat(token.role()).isEqualTo(Role.ADMIN);
            assertThat(token.expiresAt()).isNull();

            String text = Files.readString(bed.tokenFile(), StandardCharsets.US_ASCII);
            assertThat(text).endsWith("\n").hasSize(TokenSecrets.SECRET_LENGTH + 1);
            assertThat(bed.credentials.authenticateToken(text.strip()))
                    .contains(new Identity("admin", token.id(), Role.ADMIN));
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(bed.tokenFile())))
                        .isEqualTo("rw-------");
            }
            assertThat(Files.list(bed.dataFolder)).as("no temporary file left").containsExactly(bed.tokenFile());
        }
    }

    @Test
    void aLaterStartLeavesTheFileAndTheUsersAlone() throws Exception {
        try (SecurityTestbed bed = new SecurityTestbed(dir)) {
            byte[] first = Files.readAllBytes(bed.tokenFile());
            FileTime written = Files.getLastModifiedTime(bed.tokenFile());

            bed.restart();

            assertThat(Files.readAllBytes(bed.tokenFile())).isEqualTo(first);
            assertThat(Files.getLastModifiedTime(bed.tokenFile())).isEqualTo(written);
            assertThat(bed.users.users()).hasSize(1);
            assertThat(bed.users.tokens(null)).hasSize(1);
            assertThat(bed.credentials.authenticateToken(new String(first, StandardCharsets.US_ASCII).strip()))
                    .isPresent();
        }
    }

    @Test
    void aLaterStartDoesNotRewriteADeletedFile() throws Exception {
        try (SecurityTestbed bed = new SecurityTestbed(dir)) {
            Files.delete(bed.tokenFile());

            bed.restart();

            assertThat(bed.tokenFile()).doesNotExist();
        }
    }

    @Test
    void aTokenThatCannotBeWrittenIsRevoked() throws Exception {
        Assumptions.assumeTrue(Files.notExists(dir.resolve("data")));
        Files.writeString(dir.resolve("data"), "a file where the data folder should be");

        try (SecurityTestbed bed = new SecurityTestbed(dir)) {
            assertThat(bed.users.users()).extracting(UserInfo::name).containsExactly("admin");
            assertThat(bed.users.tokens("admin"))
                    .singleElement()
                    .satisfies(token -> assertThat(token.revokedAt()).isNotNull());
        }
    }
}
