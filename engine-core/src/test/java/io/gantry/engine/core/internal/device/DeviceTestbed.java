package io.gantry.engine.core.internal.device;

import io.gantry.engine.api.storage.StoredDevice;
import io.gantry.engine.core.internal.events.EventPublisher;
import io.gantry.engine.core.internal.resilience.DeviceBreakers;
import io.gantry.engine.core.internal.resilience.TestBreakers;
import io.gantry.engine.core.internal.schema.JsonSchemaChecker;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/** A device manager over fake drivers, an in-memory store and recorded events. */
final class DeviceTestbed implements AutoCloseable {
    final FakeDrivers drivers = new FakeDrivers();
    final InMemoryDeviceRepository repository = new InMemoryDeviceRepository();
    final RecordedEvents events = new RecordedEvents();
    final EventPublisher publisher = new EventPublisher(events);
    final DeviceBreakers breakers = TestBreakers.create(publisher, true, 1, true);
    private final long connectTimeoutMs;
    private final List<CountDownLatch> gates = new ArrayList<>();
    private DeviceManager manager;

    DeviceTestbed(long connectTimeoutMs) {
        this.connectTimeoutMs = connectTimeoutMs;
    }

    /** A device as it was stored before the manager started. */
    DeviceTestbed stored(String id, String type, boolean shouldBeConnected) {
        repository.save(new StoredDevice(id, type, id, Map.of(), shouldBeConnected));
        return this;
    }

    DeviceManager start() {
        manager = new DeviceManager(
                config(connectTimeoutMs), repository, drivers, publisher, new JsonSchemaChecker(), breakers);
        return manager;
    }

    /** @return a gate the test opens when it wants a hung plugin call to return; opened at the end anyway */
    CountDownLatch gate() {
        CountDownLatch gate = new CountDownLatch(1);
        gates.add(gate);
        return gate;
    }

    /** Stops the manager, bounded even when a plugin hangs, as DS would on deactivation. */
    void stop() {
        DeviceManager stopping = manager;
        manager = null;
        if (stopping != null) {
            Await.done(CompletableFuture.runAsync(stopping::stop), "the device manager's stop");
        }
    }

    @Override
    public void close() {
        try {
            stop();
        } finally {
            gates.forEach(CountDownLatch::countDown);
        }
    }

    static DeviceManagerConfiguration config(long connectTimeoutMs) {
        return new DeviceManagerConfiguration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return DeviceManagerConfiguration.class;
            }

            @Override
            public long connectTimeoutMs() {
                return connectTimeoutMs;
            }

            @Override
            public long reconnectInitialDelayMs() {
                return 10;
            }

            @Override
            public long reconnectMaxDelayMs() {
                return 40;
            }
        };
    }
}
