package io.gantry.engine.core.internal.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LastGoodCopiesTest {
    @TempDir
    Path folder;

    @Test
    void keepsACopyAndTheOrderOfFirstDeployment() {
        LastGoodCopies copies = new LastGoodCopies(folder);
        copies.keep("b.jar", new byte[] {1});
        copies.keep("a.jar", new byte[] {2});
        copies.keep("b.jar", new byte[] {3});
        assertThat(copies.order()).containsExactly("b.jar", "a.jar");
        assertThat(copies.read("b.jar")).get().isEqualTo(new byte[] {3});
        assertThat(copies.kept()).containsExactlyInAnyOrder("a.jar", "b.jar");
    }

    @Test
    void forgettingDropsTheCopyAndItsPlace() {
        LastGoodCopies copies = new LastGoodCopies(folder);
        copies.keep("a.jar", new byte[] {1});
        copies.keep("b.jar", new byte[] {1});
        copies.forget("a.jar");
        assertThat(copies.read("a.jar")).isEmpty();
        assertThat(copies.order()).containsExactly("b.jar");
    }

    @Test
    void whatAKillLeftHalfWrittenIsCleanedAndNeverReadAsACopy() throws IOException {
        LastGoodCopies copies = new LastGoodCopies(folder);
        copies.keep("a.jar", new byte[] {1, 2, 3});
        Files.write(folder.resolve(".a.jar.tmp"), new byte[] {9});
        assertThat(copies.kept()).containsExactly("a.jar");
        copies.clean();
        assertThat(folder.resolve(".a.jar.tmp")).doesNotExist();
        assertThat(copies.read("a.jar")).get().isEqualTo(new byte[] {1, 2, 3});
    }
}
