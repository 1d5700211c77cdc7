package io.gantry.engine.core.internal.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gantry.engine.api.execution.ExecutionError;
import io.gantry.engine.api.function.FunctionDescriptor;
import io.gantry.engine.api.pipeline.NodeDefinition;
import io.gantry.engine.core.internal.events.EventPublisher;
import io.gantry.engine.core.internal.execution.PlanNode;
import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

class DeviceBreakersTest {
    private final BlockingQueue<Event> posted = new LinkedBlockingQueue<>();
    private final EventPublisher events = new EventPublisher(new EventAdmin() {
        @Override
        public void postEvent(Event event) {
            posted.add(event);
        }

        @Override
        public void sendEvent(Event event) {
            posted.add(event);
        }
    });
    private final PlanNode move = node("move", "axis-1");

    @Test
    void onlyDeviceTroubleCountsAndTheOpeningIsAnnounced() throws Exception {
        DeviceBreakers breakers = new DeviceBreakers(config(true, 2), events);
        breakers.record(move, error("cancelled"));
        breakers.record(move, error("validation"));
        breakers.record(move, error("internal"));
        breakers.record(move, error("device-timeout"));
        assertThat(breakers.state("axis-1")).isEqualTo("CLOSED");

        breakers.record(move, error("device-fault"));

        assertThat(breakers.state("axis-1")).isEqualTo("OPEN");
        assertThatThrownBy(() -> breakers.admit(move)).hasMessageContaining("last error: device-fault happened");
        Event opened = posted.poll(5, TimeUnit.SECONDS);
        assertThat(opened.getTopic()).isEqualTo("gantry/breaker/OPENED");
        assertThat(opened.getProperty("deviceId")).isEqualTo("axis-1");
        assertThat(opened.getProperty("status")).isEqualTo("OPEN");
        assertThat(opened.getProperty("error")).isEqualTo("device-fault happened");
        breakers.forget("axis-1");
        assertThat(breakers.state("axis-1")).isEqualTo("CLOSED");
        breakers.stop();
    }

    @Test
    void aDisabledBreakerAdmitsEverything() {
        DeviceBreakers breakers = new DeviceBreakers(config(false, 1), events);
        breakers.record(move, error("device-fault"));

        breakers.admit(move);

        assertThat(breakers.state("axis-1")).isEqualTo("CLOSED");
        breakers.stop();
    }

    private static ExecutionError error(String code) {
        return new ExecutionError(code, code + " happened", "move", "axis-1");
    }

    private static PlanNode node(String id, String device) {
        FunctionDescriptor function = new FunctionDescriptor("servo.move_to", "move", "mock-servo", List.of(), List.of(),
                null, 0);
        return new PlanNode(0, new NodeDefinition(id, function.id(), device, Map.of(), null, null), function, Map.of(),
                List.of(), List.of());
    }

    private static BreakerConfiguration config(boolean enabled, int failureThreshold) {
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
                return false;
            }
        };
    }
}
