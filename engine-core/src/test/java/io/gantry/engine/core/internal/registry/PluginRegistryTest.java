package io.gantry.engine.core.internal.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.engine.api.device.Device;
import io.gantry.engine.api.device.DeviceContext;
import io.gantry.engine.api.device.DeviceDriver;
import io.gantry.engine.api.device.DeviceTypeDescriptor;
import io.gantry.engine.api.event.Topics;
import io.gantry.engine.api.function.FunctionDescriptor;
import io.gantry.engine.api.function.Invocation;
import io.gantry.engine.api.function.PipelineFunction;
import io.gantry.engine.api.function.PortDescriptor;
import io.gantry.engine.api.function.PortType;
import io.gantry.engine.api.service.PluginInfo;
import io.gantry.engine.core.internal.events.EventPublisher;
import io.gantry.engine.core.internal.schema.JsonSchemaChecker;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;

class PluginRegistryTest {
    private final FakeFramework framework = new FakeFramework();
    private final PluginProblems problems = new PluginProblems();
    private final EventPublisher events = new EventPublisher(framework.eventAdmin);
    private final PluginRegistry registry =
            new PluginRegistry(framework.context, problems, events, new JsonSchemaChecker());

    @AfterEach
    void stop() {
        registry.stop(); // the publisher's thread is a daemon and idles on an empty queue
    }

    @Test
    void aDeployedPluginServesOnlyOnceAdmitted() {
        Bundle core = framework.hotDeployed("core", "1.0.0");
        PipelineFunction add = function("core.add");
        registry.bindFunction(add, framework.reference(core));
        assertThat(registry.liveFunction("core.add")).isEmpty();

        assertThat(registry.admit(core)).isEmpty();
        assertThat(registry.liveFunction("core.add"))
                .get()
                .extracting(Provided::service)
                .isSameAs(add);
    }

    @Test
    void aPluginRegisteringAnotherPluginsIdIsRefusedAsAWholeAndNamesTheOwner() {
        Bundle core = admitted("core", function("core.add"));
        Bundle vendor = framework.hotDeployed("vendor", "1.0.0");
        registry.bindFunction(function("vendor.scale"), framework.reference(vendor));
        registry.bindFunction(function("core.add"), framework.reference(vendor));

        List<String> refusal = registry.admit(vendor);

        assertThat(refusal).containsExactly("function 'core.add' belongs to plugin core");
        assertThat(registry.liveFunction("vendor.scale"))
                .as("refused as a whole")
                .isEmpty();
        assertThat(registry.liveFunction("core.add"))
                .get()
                .extracting(Provided::bundle)
                .isSameAs(core);
        PluginInfo listed = registry.plugins().stream()
                .filter(p -> p.symbolicName().equals("vendor"))
                .findFirst()
                .orElseThrow();
        assertThat(listed.state()).isEqualTo("REFUSED");
        assertThat(listed.lastError()).contains("version 1.0.0", "core.add", "belongs to plugin core");
    }

    @Test
    void noPluginMayTakeOverTheBuiltInCall() {
        Bundle vendor = framework.hotDeployed("vendor", "1.0.0");
        registry.bindFunction(function("core.call"), framework.reference(vendor));

        assertThat(registry.admit(vendor)).containsExactly("function 'core.call' is built into the controller");
        assertThat(registry.function("core.call"))
                .get()
                .extracting(f -> f.plugin())
                .isEqualTo("built-in");
    }

    @Test
    void ownershipStaysWithTheOwnerWhileItIsAwayForItsOwnUpdate() {
        Bundle core = admitted("core", function("core.add"));
        registry.unbindFunction(registry.liveFunction("core.add").orElseThrow().service());
        framework.fire(core, BundleEvent.STOPPED);
        assertThat(registry.liveFunction("core.add")).isEmpty();

        Bundle vendor = framework.hotDeployed("vendor", "1.0.0");
        registry.bindFunction(function("core.add"), framework.reference(vendor));
        assertThat(registry.admit(vendor)).containsExactly("function 'core.add' belongs to plugin core");

        PipelineFunction updated = function("core.add");
        registry.bindFunction(updated, framework.reference(core));
        assertThat(registry.admit(core)).isEmpty();
        assertThat(registry.liveFunction("core.add"))
                .get()
                .extracting(Provided::service)
                .isSameAs(updated);
    }

    @Test
    void ownershipIsReleasedWhenTheOwnerIsUninstalled() {
        Bundle core = admitted("core", function("core.add"));
        registry.unbindFunction(registry.liveFunction("core.add").orElseThrow().service());
        framework.fire(core, BundleEvent.STOPPED);
        framework.fire(core, BundleEvent.UNINSTALLED);

        Bundle vendor = framework.hotDeployed("vendor", "1.0.0");
        registry.bindFunction(function("core.add"), framework.reference(vendor));
        assertThat(registry.admit(vendor)).isEmpty();
    }

    @Test
    void aServiceArrivingLateWithAnOwnedIdRefusesItsBundleWhichWasServing() {
        admitted("core", function("core.add"));
        Bundle other = framework.bundle("other", "1.0.0", "file:/elsewhere/other.jar");
        registry.bindFunction(function("other.ok"), framework.reference(other));
        assertThat(registry.liveFunction("other.ok"))
                .as("admitted on arrival: not from deploy/")
                .isPresent();

        registry.bindFunction(function("core.add"), framework.reference(other));

        assertThat(registry.liveFunction("other.ok")).isEmpty();
        assertThat(registry.plugins())
                .filteredOn(p -> p.symbolicName().equals("other"))
                .extracting(PluginInfo::state)
                .containsExactly("REFUSED");
        awaitEvent(Topics.PLUGIN_REFUSED);
    }

    @Test
    void wrongDescriptorsAreRefusedAtAdmissionNamingTheFunctionAndTheProblem() {
        Bundle bad = framework.hotDeployed("bad", "1.0.0");
        registry.bindFunction(
                function(new FunctionDescriptor(
                        "bad.json", "Bad", null, List.of(), List.of(), "{\"type\":\"object\",", 0)),
                framework.reference(bad));
        registry.bindFunction(
                function(new FunctionDescriptor(
                        "bad.array", "Bad", null, List.of(), List.of(), "{\"type\":\"array\"}", 0)),
                framework.reference(bad));
        registry.bindFunction(
                function(new FunctionDescriptor(
                        "bad.ports",
                        "Bad",
                        null,
                        List.of(
                                PortDescriptor.required("a.b", PortType.NUMBER),
                                PortDescriptor.required("x", PortType.NUMBER),
                                PortDescriptor.required("x", PortType.NUMBER)),
                        List.of(),
                        null,
                        0)),
                framework.reference(bad));
        registry.bindDriver(
                driver(new DeviceTypeDescriptor("bad-device", "Bad", "not json")), framework.reference(bad));
        registry.bindFunction(function("bad.twice"), framework.reference(bad));
        registry.bindFunction(function("bad.twice"), framework.reference(bad));

        List<String> refusal = registry.admit(bad);

        assertThat(refusal)
                .anyMatch(p -> p.startsWith("function 'bad.json': the params schema is not JSON"))
                .anyMatch(p -> p.startsWith(
                        "function 'bad.array': the params schema must be a schema of \"type\": \"object\""))
                .anyMatch(
                        p -> p.equals(
                                "function 'bad.ports': input port 'a.b' must be a letter or '_' followed by letters, digits or '_'"))
                .anyMatch(p -> p.equals("function 'bad.ports': input port 'x' is declared twice"))
                .anyMatch(p -> p.startsWith("device type 'bad-device': the config schema is not JSON"))
                .anyMatch(p -> p.equals("function 'bad.twice' is registered twice by this plugin"));
        assertThat(registry.functions())
                .as("only the built-ins")
                .extracting(f -> f.descriptor().id())
                .containsExactly("core.call", "core.read_signal", "core.wait_signal", "core.write_signal");
        assertThat(registry.deviceTypes()).isEmpty();
    }

    @Test
    void aServiceThatCannotDescribeItselfRefusesItsPluginWithTheCause() {
        Bundle bad = framework.hotDeployed("bad", "1.0.0");
        PipelineFunction throwing = new PipelineFunction() {
            @Override
            public FunctionDescriptor descriptor() {
                throw new IllegalStateException("belt controller table missing");
            }

            @Override
            public CompletionStage<Map<String, Object>> invoke(Invocation invocation) {
                throw new UnsupportedOperationException();
            }
        };
        registry.bindFunction(throwing, framework.reference(bad));
        assertThat(registry.admit(bad))
                .containsExactly("a function service's descriptor() failed: belt controller table missing");
    }

    @Test
    void listenersHearEveryChangeAndTheDriverIdentityChangesWithAnUpdate() {
        AtomicInteger changes = new AtomicInteger();
        registry.onChange(changes::incrementAndGet);
        Bundle servo = framework.hotDeployed("servo", "1.0.0");
        DeviceDriver first = driver(new DeviceTypeDescriptor("servo", "Servo", "{\"type\":\"object\"}"));
        registry.bindDriver(first, framework.reference(servo));
        registry.admit(servo);
        registry.unbindDriver(first);
        framework.fire(servo, BundleEvent.STOPPED);
        DeviceDriver second = driver(new DeviceTypeDescriptor("servo", "Servo", "{\"type\":\"object\"}"));
        registry.bindDriver(second, framework.reference(servo));
        registry.admit(servo);

        assertThat(registry.liveDriver("servo"))
                .get()
                .extracting(Provided::service)
                .isSameAs(second);
        assertThat(changes.get()).isGreaterThanOrEqualTo(4);
    }

    private Bundle admitted(String name, PipelineFunction... functions) {
        Bundle bundle = framework.hotDeployed(name, "1.0.0");
        for (PipelineFunction function : functions) {
            registry.bindFunction(function, framework.reference(bundle));
        }
        assertThat(registry.admit(bundle)).isEmpty();
        return bundle;
    }

    private void awaitEvent(String topic) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (framework.events.stream().noneMatch(e -> e.getTopic().equals(topic))) {
            assertThat(System.nanoTime()).as("event " + topic).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    private static PipelineFunction function(String id) {
        return function(new FunctionDescriptor(
                id,
                id,
                null,
                List.of(PortDescriptor.required("a", PortType.NUMBER)),
                List.of(PortDescriptor.output("result", PortType.NUMBER)),
                null,
                0));
    }

    private static PipelineFunction function(FunctionDescriptor descriptor) {
        return new PipelineFunction() {
            @Override
            public FunctionDescriptor descriptor() {
                return descriptor;
            }

            @Override
            public CompletionStage<Map<String, Object>> invoke(Invocation invocation) {
                throw new UnsupportedOperationException();
            }
        };
    }

    private static DeviceDriver driver(DeviceTypeDescriptor descriptor) {
        return new DeviceDriver() {
            @Override
            public DeviceTypeDescriptor descriptor() {
                return descriptor;
            }

            @Override
            public Device create(DeviceContext context) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
