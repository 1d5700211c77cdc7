package io.gantry.plugin.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gantry.engine.api.device.Device;
import io.gantry.engine.api.device.DeviceContext;
import io.gantry.engine.api.device.DeviceDriver;
import io.gantry.engine.api.device.DeviceTypeDescriptor;
import io.gantry.engine.api.function.FunctionDescriptor;
import io.gantry.engine.api.function.Invocation;
import io.gantry.engine.api.function.PipelineFunction;
import io.gantry.engine.api.function.PortDescriptor;
import io.gantry.engine.api.function.PortType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class TestkitTest {
    private static final Duration SHORT = Duration.ofMillis(200);
    private final PluginChecks checks = new PluginChecks();

    @Test
    void aDescriptorTheControllerWouldRefuseFailsWithItsReasons() {
        assertThatThrownBy(() -> checks.assertAdmissible(function("belt.run", "{\"type\":\"array\"}")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(
                        "function 'belt.run': the params schema must be a schema of \"type\": \"object\"");
        checks.assertAdmissible(function("belt.run", "{\"type\":\"object\"}"));
    }

    @Test
    void configsAreCheckedAsTheControllerChecksThem() {
        DeviceDriver driver = driver("{\"type\":\"object\",\"required\":[\"host\"]}", new CompletableFuture<>());
        checks.assertAdmissible(driver);
        assertThat(checks.configProblems(driver, Map.of()))
                .singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("host"));
        assertThat(checks.configProblems(driver, Map.of("host", "10.0.0.5"))).isEmpty();
    }

    @Test
    void aDeviceThatLeavesItsPendingConnectOnCloseIsCaught() {
        Device careless = driver("{\"type\":\"object\"}", new CompletableFuture<>())
                .create(new RecordingDeviceContext("belt-1", Map.of()));
        assertThatThrownBy(() -> Contracts.assertCloseCompletesAPendingConnect(careless, SHORT))
                .hasMessageContaining("did not complete");

        CompletableFuture<Void> pending = new CompletableFuture<>();
        Device careful = new Device() {
            @Override
            public CompletionStage<Void> connect() {
                return pending;
            }

            @Override
            public CompletionStage<Void> disconnect() {
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public void close() {
                pending.completeExceptionally(new IllegalStateException("closed"));
            }
        };
        Contracts.assertCloseCompletesAPendingConnect(careful, SHORT);
    }

    @Test
    void aFunctionThatIgnoresCancellationIsCaughtAndOneThatHonoursItPasses() {
        PipelineFunction deaf = new Slow(false);
        assertThatThrownBy(() -> Contracts.assertCancelEndsTheCall(deaf, TestInvocation.pure(), SHORT))
                .hasMessageContaining("honour Invocation.onCancel");
        assertThat(Contracts.assertCancelEndsTheCall(new Slow(true), TestInvocation.pure(), SHORT))
                .isNull();
    }

    @Test
    void theContextRecordsWhatTheDeviceReports() {
        RecordingDeviceContext context = new RecordingDeviceContext("belt-1", Map.of("host", "h"));
        context.reportFault("belt jammed");
        context.reportDisconnected("link lost");
        assertThat(context.faults()).containsExactly("belt jammed");
        assertThat(context.disconnects()).containsExactly("link lost");
        assertThat(context.config()).containsEntry("host", "h");
    }

    @Test
    void anInvocationCarriesInputsParamsAndCancelsLateListenersAtOnce() {
        TestInvocation call = TestInvocation.pure().input("a", 2).param("op", "<");
        assertThat(call.number("a")).isEqualTo(2.0);
        assertThat(call.params()).containsEntry("op", "<");
        call.cancel();
        boolean[] ran = {false};
        call.onCancel(() -> ran[0] = true);
        assertThat(ran[0]).isTrue();
        assertThat(call.isCancelled()).isTrue();
    }

    private static PipelineFunction function(String id, String paramsSchema) {
        return new Slow(true) {
            @Override
            public FunctionDescriptor descriptor() {
                return new FunctionDescriptor(
                        id,
                        "Run",
                        null,
                        List.of(),
                        List.of(PortDescriptor.output("ok", PortType.BOOLEAN)),
                        paramsSchema,
                        0);
            }
        };
    }

    private static DeviceDriver driver(String configSchema, CompletableFuture<Void> connect) {
        return new DeviceDriver() {
            @Override
            public DeviceTypeDescriptor descriptor() {
                return new DeviceTypeDescriptor("acme-belt", "Belt", configSchema);
            }

            @Override
            public Device create(DeviceContext context) {
                return new Device() {
                    @Override
                    public CompletionStage<Void> connect() {
                        return connect;
                    }

                    @Override
                    public CompletionStage<Void> disconnect() {
                        return CompletableFuture.completedFuture(null);
                    }
                };
            }
        };
    }

    /** A call that ends only when cancelled, if it listens. */
    private static class Slow implements PipelineFunction {
        private final boolean listens;

        Slow(boolean listens) {
            this.listens = listens;
        }

        @Override
        public FunctionDescriptor descriptor() {
            return new FunctionDescriptor("slow", "Slow", null, List.of(), List.of(), null, 0);
        }

        @Override
        public CompletionStage<Map<String, Object>> invoke(Invocation invocation) {
            CompletableFuture<Map<String, Object>> result = new CompletableFuture<>();
            if (listens) {
                invocation.onCancel(() -> result.completeExceptionally(new IllegalStateException("cancelled")));
            }
            return result;
        }
    }
}
