package io.gantry.engine.core.internal.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.engine.core.internal.deploy.DeployFolder.Stamp;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettledFilesTest {
    private final SettledFiles settled = new SettledFiles();

    @Test
    void aFileIsActedOnOnceItLooksTheSameOnTwoScans() {
        assertThat(settled.next(Map.of("a.jar", new Stamp(10, 1))).none()).isTrue();
        assertThat(settled.next(Map.of("a.jar", new Stamp(20, 2))).none())
                .as("still growing")
                .isTrue();
        assertThat(settled.next(Map.of("a.jar", new Stamp(20, 2))).changed()).containsExactly("a.jar");
    }

    @Test
    void whatWasActedOnIsNotActedOnAgainUntilItChanges() {
        settled.next(Map.of("a.jar", new Stamp(10, 1)));
        settled.next(Map.of("a.jar", new Stamp(10, 1)));
        settled.actedOn("a.jar", new Stamp(10, 1));
        assertThat(settled.next(Map.of("a.jar", new Stamp(10, 1))).none()).isTrue();
        settled.next(Map.of("a.jar", new Stamp(11, 3)));
        assertThat(settled.next(Map.of("a.jar", new Stamp(11, 3))).changed()).containsExactly("a.jar");
    }

    @Test
    void aFileActedOnThatIsGoneIsRemovedOnce() {
        settled.next(Map.of("a.jar", new Stamp(10, 1)));
        settled.actedOn("a.jar", new Stamp(10, 1));
        SettledFiles.Changes changes = settled.next(Map.of());
        assertThat(changes.removed()).containsExactly("a.jar");
        settled.actedOn("a.jar", null);
        assertThat(settled.next(Map.of()).none()).isTrue();
    }

    @Test
    void aFileNeverActedOnLeavesNothingToRemove() {
        settled.next(Map.of("a.jar", new Stamp(10, 1)));
        assertThat(settled.next(Map.of()).none()).isTrue();
    }
}
