package io.gantry.engine.core.internal.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.engine.api.storage.StoredDevice;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SqliteDeviceRepositoryTest extends DatabaseTestSupport {
    private SqliteDeviceRepository repository;

    @BeforeEach
    void createRepository() {
        repository = new SqliteDeviceRepository(database);
    }

    private static StoredDevice servo(String id, double maxSpeed) {
        return new StoredDevice(
                id,
                "mock-servo",
                "Axis " + id,
                Map.of("minPosition", 0, "maxPosition", 100, "maxSpeed", maxSpeed),
                false);
    }

    @Test
    void savesAndFindsADevice() {
        repository.save(servo("x", 50.5));

        assertThat(repository.find("x")).contains(servo("x", 50.5));
        assertThat(repository.find("y")).isEmpty();
    }

    @Test
    void saveReplacesTheStoredDevice() {
        repository.save(servo("x", 50.5));
        StoredDevice renamed = new StoredDevice("x", "mock-servo", "renamed", Map.of("maxSpeed", 9.5), true);

        repository.save(renamed);

        assertThat(repository.find("x")).contains(renamed);
        assertThat(repository.findAll()).hasSize(1);
    }

    @Test
    void listsEveryDeviceById() {
        repository.save(servo("b", 1.5));
        repository.save(servo("a", 2.5));

        assertThat(repository.findAll()).extracting(StoredDevice::id).containsExactly("a", "b");
    }

    @Test
    void recordsTheWantedConnectionStateAlone() {
        repository.save(servo("x", 50.5));

        assertThat(repository.setShouldBeConnected("x", true)).isTrue();
        assertThat(repository.find("x")).contains(servo("x", 50.5).withShouldBeConnected(true));
        assertThat(repository.setShouldBeConnected("missing", true)).isFalse();
    }

    @Test
    void deletesADevice() {
        repository.save(servo("x", 50.5));

        assertThat(repository.delete("x")).isTrue();
        assertThat(repository.delete("x")).isFalse();
        assertThat(repository.find("x")).isEmpty();
    }
}
