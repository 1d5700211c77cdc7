package io.gantry.engine.core.internal.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gantry.engine.api.execution.ExecutionError;
import io.gantry.engine.core.internal.events.EventPublisher;
import io.gantry.engine.core.internal.plan.PlanNode;
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
    private final PlanNode move = TestBreakers.node("move", "axis-1");

    @Test
    void onlyDeviceTroubleCountsAndTheOpeningIsAnnounced() throws Exception {
        DeviceBreakers breakers = TestBreakers.create(events, true, 2, false);
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
        DeviceBreakers breakers = TestBreakers.create(events, false, 1, false);
        breakers.record(move, error("device-fault"));

        breakers.admit(move);

        assertThat(breakers.state("axis-1")).isEqualTo("CLOSED");
        breakers.stop();
    }

    private static ExecutionError error(String code) {
        return TestBreakers.error(code, "axis-1");
    }
}
