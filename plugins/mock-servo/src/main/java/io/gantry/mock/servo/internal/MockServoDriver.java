package io.gantry.mock.servo.internal;

import io.gantry.engine.api.device.Device;
import io.gantry.engine.api.device.DeviceContext;
import io.gantry.engine.api.device.DeviceDriver;
import io.gantry.engine.api.device.DeviceTypeDescriptor;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver of device type {@value #TYPE_ID}. It owns the one timer thread that completes every
 * command of every mock servo, and stops it when the bundle stops, so no thread outlives the bundle.
 */
@Component(service = DeviceDriver.class)
public final class MockServoDriver implements DeviceDriver {
    /** The device type id that the servo functions name as their {@code deviceType}. */
    public static final String TYPE_ID = "mock-servo";

    private static final Logger LOG = LoggerFactory.getLogger(MockServoDriver.class);
    private static final DeviceTypeDescriptor DESCRIPTOR =
            new DeviceTypeDescriptor(TYPE_ID, "Mock servo axis", MockServoConfig.SCHEMA, MockServo.SIGNALS);

    private final ScheduledThreadPoolExecutor timer;
    // The instances alive now, so that deactivation can fail their pending commands instead of
    // leaving them waiting on a timer that is gone.
    private final Set<MockServo> devices = ConcurrentHashMap.newKeySet();

    /** Starts the timer thread. */
    @Activate
    public MockServoDriver() {
        timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "gantry-mock-servo-timer");
            thread.setDaemon(true);
            return thread;
        });
        // A stopped or cancelled command's timer leaves the queue at once instead of at its due time.
        timer.setRemoveOnCancelPolicy(true);
    }

    /** Closes the remaining devices, failing their pending commands, and stops the timer thread. */
    @Deactivate
    public void deactivate() {
        List.copyOf(devices).forEach(MockServo::close);
        timer.shutdownNow();
        LOG.info("mock-servo driver stopped");
    }

    @Override
    public DeviceTypeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Device create(DeviceContext context) {
        MockServoConfig config = MockServoConfig.from(context.deviceId(), context.config());
        MockServo servo = new MockServo(context, config, timer, devices::remove);
        devices.add(servo);
        LOG.debug("created mock servo '{}' with {}", context.deviceId(), config);
        return servo;
    }
}
