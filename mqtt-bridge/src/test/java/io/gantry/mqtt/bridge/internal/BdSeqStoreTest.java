package io.gantry.mqtt.bridge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BdSeqStoreTest {
    @TempDir
    Path data;

    @Test
    void eachConnectTakesTheNextNumberAndARestartGoesOnFromTheFile() throws Exception {
        Path file = data.resolve("mqtt/bdseq");
        BdSeqStore store = new BdSeqStore(file);

        assertThat(store.take()).isZero();
        assertThat(store.take()).isEqualTo(1);
        assertThat(Files.readString(file).trim()).isEqualTo("2");

        BdSeqStore afterRestart = new BdSeqStore(file);
        assertThat(afterRestart.peek()).isEqualTo(2);
        assertThat(afterRestart.take()).isEqualTo(2);
    }

    @Test
    void wrapsAfter255() throws Exception {
        Path file = data.resolve("bdseq");
        Files.writeString(file, "255\n");
        BdSeqStore store = new BdSeqStore(file);

        assertThat(store.take()).isEqualTo(255);
        assertThat(store.take()).isZero();
    }

    @Test
    void aDamagedFileStartsAgainAtZero() throws Exception {
        Path file = data.resolve("bdseq");
        Files.writeString(file, "many");

        assertThat(new BdSeqStore(file).take()).isZero();
        assertThat(Files.readString(file).trim()).isEqualTo("1");
    }

    @Test
    void theCursorSurvivesToo() {
        Path file = data.resolve("mqtt/cursor");
        CursorStore store = new CursorStore(file);
        assertThat(store.load()).isEmpty();

        assertThat(store.save(new Cursor("k3x9tqzb", 1234))).isTrue();
        assertThat(store.save(new Cursor("k3x9tqzb", 1234))).isFalse();

        assertThat(new CursorStore(file).load()).contains(new Cursor("k3x9tqzb", 1234));
    }
}
