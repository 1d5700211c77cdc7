package io.gantry.engine.core.internal.storage;

import com.fasterxml.jackson.core.type.TypeReference;
import io.gantry.engine.api.storage.DeviceRepository;
import io.gantry.engine.api.storage.StoredDevice;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Device instances in SQLite: one {@code device} row each, the config as JSON. */
public class SqliteDeviceRepository implements DeviceRepository {
    private static final TypeReference<Map<String, Object>> CONFIG = new TypeReference<>() {};
    private static final String SELECT = "SELECT id, type, name, config, should_be_connected FROM device ";

    private final SqliteDatabase database;

    /**
     * @param database the database
     */
    public SqliteDeviceRepository(SqliteDatabase database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public void save(StoredDevice device) {
        String config = JsonCodec.write(device.config());
        database.write(
                "save device '" + device.id() + "'",
                c -> Sql.update(
                        c,
                        "INSERT INTO device (id, type, name, config, should_be_connected) VALUES (?, ?, ?, ?, ?) "
                                + "ON CONFLICT (id) DO UPDATE SET type = excluded.type, name = excluded.name, "
                                + "config = excluded.config, should_be_connected = excluded.should_be_connected",
                        device.id(),
                        device.type(),
                        device.name(),
                        config,
                        device.shouldBeConnected() ? 1 : 0));
    }

    @Override
    public Optional<StoredDevice> find(String id) {
        return database.queryFirst(
                "read device '" + id + "'", SELECT + "WHERE id = ?", SqliteDeviceRepository::device, id);
    }

    @Override
    public List<StoredDevice> findAll() {
        return database.query("list devices", SELECT + "ORDER BY id", SqliteDeviceRepository::device);
    }

    @Override
    public boolean delete(String id) {
        return database.write(
                "delete device '" + id + "'", c -> Sql.update(c, "DELETE FROM device WHERE id = ?", id) > 0);
    }

    @Override
    public boolean setShouldBeConnected(String id, boolean connected) {
        return database.write(
                "mark device '" + id + "' " + (connected ? "connected" : "disconnected"),
                c -> Sql.update(c, "UPDATE device SET should_be_connected = ? WHERE id = ?", connected ? 1 : 0, id)
                        > 0);
    }

    private static StoredDevice device(ResultSet row) throws SQLException {
        return new StoredDevice(
                row.getString("id"),
                row.getString("type"),
                row.getString("name"),
                JsonCodec.read(row.getString("config"), CONFIG),
                row.getInt("should_be_connected") != 0);
    }
}
