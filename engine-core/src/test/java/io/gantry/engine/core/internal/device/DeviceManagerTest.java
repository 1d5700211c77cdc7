package io.gantry.engine.core.internal.device;

import static io.gantry.engine.api.event.Topics.DEVICE_CONNECTED;
import static io.gantry.engine.api.event.Topics.DEVICE_CREATED;
import static io.gantry.engine.api.event.Topics.DEVICE_DISCONNECTED;
import static io.gantry.engine.api.event.Topics.DEVICE_FAULT;
import static io.gantry.engine.api.event.Topics.DEVICE_REMOVED;
import static io.gantry.engine.api.event.Topics.DEVICE_UNAVAILABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gantry.engine.api.device.DeviceStatus;
import io.gantry.engine.api.error.ConflictException;
import io.gantry.engine.api.error.DeviceNotConnectedException;
import io.gantry.engine.api.error.InvalidConfigException;
import io.gantry.engine.api.error.NotFoundException;
import io.gantry.engine.api.error.PipelineValidationException;
import io.gantry.engine.api.error.PluginUnavailableException;
import io.gantry.engine.api.event.EventProperties;
import io.gantry.engine.api.service.DeviceInfo;
import io.gantry.engine.api.service.DeviceSpec;
import io.gantry.engine.core.internal.resilience.TestBreakers;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeviceManagerTest {
    private static final String SERVO = "servo";

    private DeviceTestbed bed = new DeviceTestbed(10_000);

    @AfterEach
    void close() {
        bed.close();
    }

    @Test
    void devicesAttachWhenTheirDriverArrivesAndThoseThatShouldBeConnectedReconnect() {
        bed.stored("axis-1", SERVO, true).stored("axis-2", SERVO, false);
        DeviceManager devices = bed.start();
        assertThat(devices.get("axis-1").status()).isEqualTo(DeviceStatus.UNAVAILABLE);

        FakeDriver servo = new FakeDriver(SERVO);
        bed.drivers.serve(servo);
        Map<String, FakeDevice> instances = byId(servo, 2);
        instances.get("axis-1").nextConnect().complete(null);

        bed.events.take(DEVICE_CONNECTED, "axis-1");
        assertThat(devices.get("axis-1").status()).isEqualTo(DeviceStatus.CONNECTED);
        assertThat(devices.connectedInstance("axis-1")).isSameAs(instances.get("axis-1"));
        assertThat(instances.get("axis-2").connects).isEmpty();
        // a fresh instance becomes DISCONNECTED without an event: only then has it left UNAVAILABLE
        Await.until(() -> devices.get("axis-2").status() == DeviceStatus.DISCONNECTED, "axis-2 attached");

        bed.drivers.withdraw(SERVO);

        bed.events.take(DEVICE_UNAVAILABLE, "axis-1");
        bed.events.take(DEVICE_UNAVAILABLE, "axis-2");
        Await.done(instances.get("axis-1").closed, "axis-1 closed");
        Await.done(instances.get("axis-2").closed, "axis-2 closed");
        assertThat(devices.get("axis-1").status()).isEqualTo(DeviceStatus.UNAVAILABLE);
        assertThatThrownBy(() -> devices.connectedInstance("axis-1")).isInstanceOf(PluginUnavailableException.class);
    }

    @Test
    void aDriverReplacedByAnotherObjectTakesOverItsDevices() {
        bed.stored("axis", SERVO, true);
        DeviceManager devices = bed.start();
        FakeDriver old = new FakeDriver(SERVO).answering();
        FakeDevice first = connectedOn(old, "axis");

        FakeDevice second = takenOver(first, new FakeDriver(SERVO), "axis");
        assertThat(devices.connectedInstance("axis")).isSameAs(second);
        assertThat(second.context.deviceId()).isEqualTo("axis");
    }

    @Test
    void aBurstOfDriverChangesLeavesEveryDeviceOnTheLastDriver() {
        List<String> ids = List.of("axis-1", "axis-2", "axis-3", "axis-4", "axis-5");
        ids.forEach(id -> bed.stored(id, SERVO, true));
        DeviceManager devices = bed.start();
        FakeDriver original = new FakeDriver(SERVO).answering();
        bed.drivers.serve(original);
        ids.forEach(id -> bed.events.take(DEVICE_CONNECTED, id));
        List<FakeDriver> passing = new ArrayList<>(List.of(original));

        // an update registers, unregisters and registers again, with no time between the changes
        for (int burst = 0; burst < 5; burst++) {
            FakeDriver shortLived = new FakeDriver(SERVO);
            FakeDriver next = new FakeDriver(SERVO).answering();
            passing.add(shortLived);
            passing.add(next);
            bed.drivers.serve(shortLived);
            bed.drivers.withdraw(SERVO);
            bed.drivers.serve(next);
        }
        FakeDriver last = new FakeDriver(SERVO);
        bed.drivers.serve(last);

        Map<String, FakeDevice> instances = byId(last, ids.size());
        for (String id : ids) {
            instances.get(id).nextConnect().complete(null);
            // a driver of the burst may have connected the device before: wait for the last one's CONNECTED
            while (!connectedTo(devices, id, instances.get(id))) {
                bed.events.take(DEVICE_CONNECTED, id);
            }
        }
        for (FakeDriver driver : passing) {
            driver.all.forEach(instance -> Await.done(instance.closed, "an instance of a driver that left, closed"));
        }
    }

    @Test
    void aConnectThatHangsFaultsOnlyItsOwnDevice() {
        bed = new DeviceTestbed(200);
        bed.stored("slow", "slow-type", true);
        List<String> fast = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            fast.add("fast-" + i);
            bed.stored("fast-" + i, "fast-type", true);
        }
        bed.start();
        CountDownLatch connectEntered = new CountDownLatch(1);
        CountDownLatch release = bed.gate();
        FakeDriver slow = new FakeDriver("slow-type");
        // holds the calling thread, and then never answers
        slow.connects = calls -> {
            connectEntered.countDown();
            Await.uninterruptibly(release);
            return new CompletableFuture<>();
        };
        bed.drivers.serve(slow);
        Await.latch(connectEntered, "the slow device's connect");

        bed.drivers.serve(new FakeDriver("fast-type").answering());

        fast.forEach(id -> bed.events.take(DEVICE_CONNECTED, id));
        assertThat(bed.events.errorOf(DEVICE_FAULT, "slow")).isEqualTo("reconnect did not complete within 200 ms");
        assertThat(release.getCount())
                .as("the slow connect still holds its thread")
                .isEqualTo(1);
    }

    @Test
    void aCreateThatHangsHoldsUpNoOtherDeviceAndItsLateInstanceIsClosed() {
        bed = new DeviceTestbed(200);
        bed.stored("stuck", "stuck-type", true).stored("fast-1", SERVO, true).stored("fast-2", SERVO, true);
        DeviceManager devices = bed.start();
        FakeDriver stuck = new FakeDriver("stuck-type").answering();
        CountDownLatch release = bed.gate();
        stuck.createGate = release;
        bed.drivers.serve(stuck);
        Await.latch(stuck.createEntered, "the stuck create");

        bed.drivers.serve(new FakeDriver(SERVO).answering());

        bed.events.take(DEVICE_CONNECTED, "fast-1");
        bed.events.take(DEVICE_CONNECTED, "fast-2");
        assertThat(bed.events.errorOf(DEVICE_FAULT, "stuck")).isEqualTo("create did not complete within 200 ms");
        assertThatThrownBy(() -> devices.connectedInstance("stuck")).isInstanceOf(DeviceNotConnectedException.class);

        stuck.createGate = null;
        release.countDown();
        Await.done(stuck.next().closed, "the instance that came after its deadline, closed");

        // a client's connect tries the driver again
        assertThat(devices.connect("stuck").status()).isEqualTo(DeviceStatus.CONNECTED);
        assertThat(devices.connectedInstance("stuck")).isSameAs(stuck.next());
    }

    @Test
    void theRegistrysChangeCallbackNeverWaitsForAPlugin() {
        bed.stored("axis", SERVO, true);
        DeviceManager devices = bed.start();
        CountDownLatch connectEntered = new CountDownLatch(1);
        CountDownLatch release = bed.gate();
        FakeDriver blocking = new FakeDriver(SERVO);
        blocking.connects = calls -> {
            connectEntered.countDown();
            Await.uninterruptibly(release);
            return CompletableFuture.completedFuture(null);
        };

        Await.done(CompletableFuture.runAsync(() -> bed.drivers.serve(blocking)), "the driver's registration");
        Await.latch(connectEntered, "the blocking connect");
        assertThat(devices.get("axis").status()).isEqualTo(DeviceStatus.CONNECTING);
        Await.done(CompletableFuture.runAsync(() -> bed.drivers.withdraw(SERVO)), "the driver's unregistration");

        bed.events.take(DEVICE_UNAVAILABLE, "axis");
        assertThat(release.getCount()).as("the connect still blocks").isEqualTo(1);
        assertThat(devices.get("axis").status()).isEqualTo(DeviceStatus.UNAVAILABLE);
    }

    @Test
    void reportsFromAReplacedInstanceAreIgnored() {
        bed.stored("axis", SERVO, true);
        DeviceManager devices = bed.start();
        FakeDriver old = new FakeDriver(SERVO).answering();
        FakeDevice first = connectedOn(old, "axis");
        FakeDriver updated = new FakeDriver(SERVO).answering();
        FakeDevice second = connectedOn(updated, "axis");

        first.context.reportFault("late fault");
        first.context.reportDisconnected("late drop");

        DeviceInfo axis = devices.get("axis");
        assertThat(axis.status()).isEqualTo(DeviceStatus.CONNECTED);
        assertThat(axis.lastError()).isNull();
        second.context.reportFault("current fault");
        assertThat(bed.events.errorOf(DEVICE_FAULT, "axis")).isEqualTo("current fault");
        assertThat(bed.events.seen())
                .noneMatch(event ->
                        String.valueOf(event.getProperty(EventProperties.ERROR)).startsWith("late"));
    }

    @Test
    void aPendingConnectIsAbandonedWhenItsInstanceIsReplacedAndItsLateAnswerIgnored() {
        bed = new DeviceTestbed(60_000); // far beyond the test's waits: only abandoning lets the device move on
        bed.stored("axis", SERVO, true);
        DeviceManager devices = bed.start();
        FakeDriver vendor = new FakeDriver(SERVO); // its connect never answers, not even when closed
        bed.drivers.serve(vendor);
        FakeDevice first = vendor.next();
        CompletableFuture<Void> neverAnswered = first.nextConnect();
        assertThat(devices.get("axis").status()).isEqualTo(DeviceStatus.CONNECTING);

        FakeDevice second = takenOver(first, new FakeDriver(SERVO), "axis");

        neverAnswered.completeExceptionally(new IllegalStateException("late failure"));

        DeviceInfo axis = devices.get("axis");
        assertThat(axis.status()).isEqualTo(DeviceStatus.CONNECTED);
        assertThat(axis.lastError()).isNull();
        assertThat(devices.connectedInstance("axis")).isSameAs(second);
    }

    @Test
    void aCloseThatNeverReturnsHoldsUpNeitherTheNextAttachmentNorTheStop() {
        bed = new DeviceTestbed(200);
        bed.stored("axis", SERVO, true);
        DeviceManager devices = bed.start();
        FakeDriver old = new FakeDriver(SERVO).answering();
        old.closeGate = bed.gate();
        FakeDevice first = connectedOn(old, "axis");

        FakeDriver updated = new FakeDriver(SERVO).answering();
        updated.closeGate = bed.gate();
        bed.drivers.serve(updated);

        Await.done(first.closed, "the old instance's close called");
        FakeDevice second = updated.next();
        bed.events.take(DEVICE_CONNECTED, "axis");
        assertThat(devices.connectedInstance("axis")).isSameAs(second);

        bed.stop();

        assertThat(second.closed).isDone();
        assertThat(bed.drivers.listeners()).isZero();
    }

    @Test
    void aConnectThatFailsFaultsTheDeviceWithThePluginsOwnMessage() {
        DeviceManager devices = bed.start();
        FakeDriver driver = new FakeDriver(SERVO);
        bed.drivers.serve(driver);
        devices.create(spec("axis"));

        driver.connects = calls -> {
            throw new IllegalStateException("serial port busy");
        };
        DeviceInfo thrown = devices.connect("axis");
        driver.connects = calls -> null;
        DeviceInfo nothing = devices.connect("axis");
        driver.connects = calls -> CompletableFuture.failedFuture(new RuntimeException(new IOException("refused")));
        DeviceInfo wrapped = devices.connect("axis");

        assertThat(thrown.status()).isEqualTo(DeviceStatus.FAULT);
        assertThat(thrown.lastError()).isEqualTo("connect failed: serial port busy");
        assertThat(nothing.lastError()).isEqualTo("connect failed: connect() returned null");
        assertThat(wrapped.lastError()).isEqualTo("connect failed: refused");
        assertThat(bed.events.errorOf(DEVICE_FAULT, "axis")).isEqualTo("connect failed: serial port busy");
    }

    @Test
    void aClientsConnectAndDisconnectWaitForTheOutcome() {
        DeviceManager devices = bed.start();
        FakeDriver driver = new FakeDriver(SERVO);
        driver.disconnects = FakeDriver.LATER;
        bed.drivers.serve(driver);
        assertThat(devices.create(spec("axis")).status()).isEqualTo(DeviceStatus.DISCONNECTED);
        FakeDevice axis = driver.next();

        CompletableFuture<DeviceInfo> connecting = CompletableFuture.supplyAsync(() -> devices.connect("axis"));
        CompletableFuture<Void> answer = axis.nextConnect();
        assertThat(connecting).isNotDone();
        answer.complete(null);

        assertThat(Await.done(connecting, "the connect").status()).isEqualTo(DeviceStatus.CONNECTED);
        assertThat(bed.repository.find("axis").orElseThrow().shouldBeConnected())
                .isTrue();
        bed.events.take(DEVICE_CONNECTED, "axis");

        CompletableFuture<DeviceInfo> disconnecting = CompletableFuture.supplyAsync(() -> devices.disconnect("axis"));
        CompletableFuture<Void> closedLink = Await.take(axis.disconnects, "the disconnect");
        assertThat(disconnecting).isNotDone();
        closedLink.complete(null);

        assertThat(Await.done(disconnecting, "the disconnect").status()).isEqualTo(DeviceStatus.DISCONNECTED);
        assertThat(bed.repository.find("axis").orElseThrow().shouldBeConnected())
                .isFalse();
        bed.events.take(DEVICE_DISCONNECTED, "axis");
    }

    @Test
    void aClientsConnectThatGetsNoAnswerFaultsInTime() {
        bed = new DeviceTestbed(200);
        DeviceManager devices = bed.start();
        bed.drivers.serve(new FakeDriver(SERVO));
        devices.create(spec("axis"));

        DeviceInfo axis = devices.connect("axis");

        assertThat(axis.status()).isEqualTo(DeviceStatus.FAULT);
        assertThat(axis.lastError()).isEqualTo("connect did not complete within 200 ms");
    }

    @Test
    void connectingRefusesADeviceWithoutDriverAndTheEngineOnlyGetsConnectedOnes() {
        bed.stored("axis", SERVO, false);
        DeviceManager devices = bed.start();

        assertThatThrownBy(() -> devices.connect("axis"))
                .isInstanceOf(PluginUnavailableException.class)
                .hasMessageContaining("no plugin offers type 'servo'");
        assertThat(bed.repository.find("axis").orElseThrow().shouldBeConnected())
                .isFalse();
        assertThatThrownBy(() -> devices.connect("nope")).isInstanceOf(NotFoundException.class);

        bed.drivers.serve(new FakeDriver(SERVO).answering());
        devices.create(spec("created"));
        assertThatThrownBy(() -> devices.connectedInstance("created"))
                .isInstanceOf(DeviceNotConnectedException.class)
                .hasMessageContaining("DISCONNECTED");
    }

    @Test
    void deletingClosesTheInstanceAndForgetsTheDevice() {
        DeviceManager devices = bed.start();
        FakeDriver driver = new FakeDriver(SERVO).answering();
        bed.drivers.serve(driver);
        FakeDevice axis = createdAndConnected(devices, driver, "axis");
        bed.events.take(DEVICE_CREATED, "axis");

        devices.delete("axis");

        assertThat(axis.closed).isDone();
        assertThatThrownBy(() -> devices.get("axis")).isInstanceOf(NotFoundException.class);
        assertThat(bed.repository.find("axis")).isEmpty();
        bed.events.take(DEVICE_REMOVED, "axis");
        axis.context.reportFault("after delete");
        assertThat(devices.list()).isEmpty();
    }

    @Test
    void updatingCreatesTheInstanceAgainWithTheNewConfigAndReconnectsIt() {
        DeviceManager devices = bed.start();
        FakeDriver driver = new FakeDriver(SERVO).answering();
        bed.drivers.serve(driver);
        devices.create(new DeviceSpec("axis", SERVO, "axis", Map.of("speed", 1)));
        devices.connect("axis");
        FakeDevice first = driver.next();

        DeviceInfo updated = devices.update("axis", "renamed", Map.of("speed", 2));

        FakeDevice second = driver.next();
        assertThat(second.context.config()).isEqualTo(Map.of("speed", 2));
        assertThat(first.closed).isDone();
        assertThat(updated.name()).isEqualTo("renamed");
        assertThat(updated.status()).isEqualTo(DeviceStatus.CONNECTED);
        assertThat(devices.connectedInstance("axis")).isSameAs(second);
    }

    @Test
    void aDroppedLinkLeavesTheDeviceDisconnected() {
        DeviceManager devices = bed.start();
        FakeDriver driver = new FakeDriver(SERVO).answering();
        bed.drivers.serve(driver);
        FakeDevice axis = createdAndConnected(devices, driver, "axis");

        axis.context.reportDisconnected("cable pulled");

        assertThat(bed.events.errorOf(DEVICE_DISCONNECTED, "axis")).isEqualTo("cable pulled");
        // meanwhile a node's call is refused, retryably: a node with a retry rides through the reconnect
        assertThatThrownBy(() -> devices.connectedInstance("axis"))
                .isInstanceOfSatisfying(
                        DeviceNotConnectedException.class,
                        e -> assertThat(e.isRetryable()).isTrue())
                .hasMessageContaining("being connected again: cable pulled");
        DeviceInfo info = devices.get("axis");
        assertThat(info.status()).isEqualTo(DeviceStatus.DISCONNECTED);
        assertThat(info.lastError()).isEqualTo("cable pulled");
        assertThat(axis.connects).hasSize(1);
    }

    @Test
    void anOpeningBreakerFaultsItsDevice() {
        DeviceManager devices = bed.start();
        FakeDriver driver = new FakeDriver(SERVO).answering();
        bed.drivers.serve(driver);
        createdAndConnected(devices, driver, "axis");

        TestBreakers.fail(bed.breakers, "axis", "device-fault");

        assertThat(bed.events.errorOf(DEVICE_FAULT, "axis")).startsWith("circuit breaker opened");
        assertThat(devices.get("axis").breaker()).isEqualTo("OPEN");
        assertThat(devices.get("axis").status()).isEqualTo(DeviceStatus.FAULT);
    }

    @Test
    void aCreateThatFailsFaultsTheDevice() {
        DeviceManager devices = bed.start();
        FakeDriver driver = new FakeDriver(SERVO);
        driver.createFailure = new IllegalStateException("belt controller table missing");
        bed.drivers.serve(driver);

        DeviceInfo axis = devices.create(spec("axis"));

        assertThat(axis.status()).isEqualTo(DeviceStatus.FAULT);
        assertThat(axis.lastError()).isEqualTo("create failed: belt controller table missing");
    }

    @Test
    void aConfigTheDriverRefusesIsBadInputAndNothingIsStored() {
        DeviceManager devices = bed.start();
        FakeDriver driver = new FakeDriver(SERVO);
        driver.createFailure = new InvalidConfigException("signals[2].type: bool needs a coil");
        bed.drivers.serve(driver);

        assertThatThrownBy(() -> devices.create(spec("axis")))
                .isInstanceOf(PipelineValidationException.class)
                .hasMessageContaining("signals[2].type: bool needs a coil");
        assertThat(devices.list()).isEmpty();
        assertThat(bed.repository.findAll()).isEmpty();
    }

    @Test
    void anUpdateTheDriverRefusesLeavesTheDeviceAsItWas() {
        DeviceManager devices = bed.start();
        FakeDriver driver = new FakeDriver(SERVO).answering();
        bed.drivers.serve(driver);
        devices.create(spec("axis"));
        driver.createFailure = new InvalidConfigException("min above max");

        assertThatThrownBy(() -> devices.update("axis", "axis", Map.of("min", 9)))
                .isInstanceOf(PipelineValidationException.class)
                .hasMessageContaining("min above max");
        driver.createFailure = null;
        assertThat(devices.get("axis").config()).isEmpty();
        assertThat(bed.repository.findAll())
                .singleElement()
                .satisfies(d -> assertThat(d.config()).isEmpty());
    }

    @Test
    void creatingChecksIdNameTypeAndConfig() {
        DeviceManager devices = bed.start();
        bed.drivers.serve(new FakeDriver(SERVO, "{\"type\":\"object\",\"required\":[\"port\"]}").answering());

        assertThatThrownBy(() -> devices.create(new DeviceSpec("-bad", SERVO, " ", Map.of())))
                .isInstanceOf(PipelineValidationException.class)
                .hasMessageContaining("id")
                .hasMessageContaining("name");
        assertThatThrownBy(() -> devices.create(new DeviceSpec("axis", "laser", "axis", Map.of())))
                .isInstanceOf(PipelineValidationException.class)
                .hasMessageContaining("laser");
        assertThatThrownBy(() -> devices.create(new DeviceSpec("axis", SERVO, "axis", Map.of())))
                .isInstanceOf(PipelineValidationException.class)
                .hasMessageContaining("port");
        DeviceInfo named = devices.create(new DeviceSpec(null, SERVO, "axis", Map.of("port", "/dev/tty0")));
        assertThat(named.id()).startsWith("servo-");
        assertThatThrownBy(() -> devices.create(new DeviceSpec(named.id(), SERVO, "again", Map.of("port", "x"))))
                .isInstanceOf(ConflictException.class);
    }

    /** Serves the driver and waits for the device to be connected on it. */
    @Test
    void aDroppedLinkIsConnectedAgainWithBackoffUntilItComesBack() {
        bed.stored("axis", SERVO, true);
        DeviceManager devices = bed.start();
        FakeDriver driver = new FakeDriver(SERVO);
        bed.drivers.serve(driver);
        FakeDevice axis = driver.next();
        axis.nextConnect().complete(null);
        bed.events.take(DEVICE_CONNECTED, "axis");

        axis.context.reportDisconnected("cable pulled");

        assertThat(bed.events.errorOf(DEVICE_DISCONNECTED, "axis")).isEqualTo("cable pulled");
        axis.nextConnect().completeExceptionally(new IllegalStateException("no route to host"));
        assertThat(bed.events.errorOf(DEVICE_DISCONNECTED, "axis"))
                .isEqualTo("attempt 1 to connect again: connect failed: no route to host");
        axis.nextConnect().complete(null);
        bed.events.take(DEVICE_CONNECTED, "axis");
        assertThat(devices.get("axis").status()).isEqualTo(DeviceStatus.CONNECTED);
        devices.disconnect("axis");
        assertThatThrownBy(() -> devices.connectedInstance("axis"))
                .as("a device an operator disconnected is not retried")
                .isInstanceOfSatisfying(
                        DeviceNotConnectedException.class,
                        e -> assertThat(e.isRetryable()).isFalse());
    }

    @Test
    void theWaitBetweenAttemptsDoublesUpToItsCeiling() {
        ReconnectPolicy policy = new ReconnectPolicy(1_000, 30_000);

        assertThat(List.of(0, 1, 2, 3, 4, 5, 6, 20).stream().map(policy::delayMs))
                .containsExactly(1_000L, 2_000L, 4_000L, 8_000L, 16_000L, 30_000L, 30_000L, 30_000L);
        assertThat(new ReconnectPolicy(0, 30_000).enabled()).isFalse();
    }

    private FakeDevice connectedOn(FakeDriver driver, String id) {
        bed.drivers.serve(driver);
        FakeDevice instance = driver.next();
        bed.events.take(DEVICE_CONNECTED, id);
        return instance;
    }

    /** Serves another driver object for the type, and waits until it has taken the device over. */
    private FakeDevice takenOver(FakeDevice first, FakeDriver updated, String id) {
        bed.drivers.serve(updated);
        FakeDevice second = updated.next();
        Await.done(first.closed, "the old instance closed");
        second.nextConnect().complete(null);
        bed.events.take(DEVICE_CONNECTED, id);
        return second;
    }

    private static FakeDevice createdAndConnected(DeviceManager devices, FakeDriver driver, String id) {
        devices.create(spec(id));
        assertThat(devices.connect(id).status()).isEqualTo(DeviceStatus.CONNECTED);
        return driver.next();
    }

    private static boolean connectedTo(DeviceManager devices, String id, FakeDevice instance) {
        try {
            return devices.connectedInstance(id) == instance;
        } catch (DeviceNotConnectedException | PluginUnavailableException e) {
            return false;
        }
    }

    private static DeviceSpec spec(String id) {
        return new DeviceSpec(id, SERVO, id, Map.of());
    }

    private static Map<String, FakeDevice> byId(FakeDriver driver, int count) {
        Map<String, FakeDevice> instances = new HashMap<>();
        for (int i = 0; i < count; i++) {
            FakeDevice instance = driver.next();
            instances.put(instance.context.deviceId(), instance);
        }
        assertThat(instances).hasSize(count);
        return instances;
    }
}
