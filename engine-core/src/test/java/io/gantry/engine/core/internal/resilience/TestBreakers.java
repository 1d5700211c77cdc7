package io.gantry.engine.core.internal.resilience;

import io.gantry.engine.api.execution.ExecutionError;
import io.gantry.engine.api.function.FunctionDescriptor;
import io.gantry.engine.api.pipeline.NodeDefinition;
import io.gantry.engine.core.internal.events.EventPublisher;
import io.gantry.engine.core.internal.plan.PlanNode;
import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Map;

/** Device breakers for tests, here and in other packages (their configuration is package-private). */
public final class TestBreakers {
    private TestBreakers() {}

    /**
     * @param events            the bus they announce on
     * @param enabled           whether they count at all
     * @param failureThreshold  device failures in a row that open one
     * @param faultDeviceOnOpen whether an opening breaker faults its device
     * @return breakers whose delay (a minute) keeps an open one open for the test
     */
    public static DeviceBreakers create(
            EventPublisher events, boolean enabled, int failureThreshold, boolean faultDeviceOnOpen) {
        return new DeviceBreakers(config(enabled, failureThreshold, faultDeviceOnOpen), events);
    }

    /**
     * Records one device failure of a node on the device.
     *
     * @param breakers the breakers
     * @param deviceId the device
     * @param code     the failure's code, such as {@code device-fault}
     */
    public static void fail(DeviceBreakers breakers, String deviceId, String code) {
        breakers.record(node("move", deviceId), error(code, deviceId));
    }

    static ExecutionError error(String code, String deviceId) {
        return new ExecutionError(code, code + " happened", "move", deviceId);
    }

    static PlanNode node(String id, String device) {
        FunctionDescriptor function =
                new FunctionDescriptor("servo.move_to", "move", "mock-servo", List.of(), List.of(), null, 0);
        return new PlanNode(
                0,
                new NodeDefinition(id, function.id(), device, Map.of(), null, null),
                function,
                Map.of(),
                List.of(),
                List.of());
    }

    private static BreakerConfiguration config(boolean enabled, int failureThreshold, boolean faultDeviceOnOpen) {
        return new BreakerConfiguration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return BreakerConfiguration.class;
            }

            @Override
            public boolean enabled() {
                return enabled;
            }

            @Override
            public int failureThreshold() {
                return failureThreshold;
            }

            @Override
            public int failureRatePercent() {
                return 0;
            }

            @Override
            public int windowSize() {
                return 20;
            }

            @Override
            public long delayMs() {
                return 60_000;
            }

            @Override
            public int successThreshold() {
                return 1;
            }

            @Override
            public boolean faultDeviceOnOpen() {
                return faultDeviceOnOpen;
            }
        };
    }
}
