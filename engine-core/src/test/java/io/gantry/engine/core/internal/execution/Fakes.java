package io.gantry.engine.core.internal.execution;

import io.gantry.engine.api.function.Invocation;
import io.gantry.engine.api.function.PortDescriptor;
import io.gantry.engine.api.function.PortType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** Function fakes for scheduler tests. */
final class Fakes {
    static final List<PortDescriptor> PASS_IN = List.of(PortDescriptor.optional("in", PortType.JSON));
    static final List<PortDescriptor> PASS_OUT = List.of(PortDescriptor.output("out", PortType.JSON));

    private Fakes() {}

    /** {@code out = in}, at once. */
    static TestFunction pass(String id) {
        return new TestFunction(TestFunction.descriptor(id, null, PASS_IN, PASS_OUT, 0), Fakes::echo);
    }

    /** {@code ok} = its param {@code ok} (a boolean), {@code out = in}, at once. */
    static TestFunction flag(String id) {
        return new TestFunction(
                TestFunction.descriptor(
                        id, null, PASS_IN, List.of(PortDescriptor.output("ok", PortType.BOOLEAN), PASS_OUT.get(0)), 0),
                call -> {
                    Map<String, Object> out = new HashMap<>();
                    out.put("ok", call.params().get("ok"));
                    out.put("out", call.inputs().get("in"));
                    return CompletableFuture.completedFuture(out);
                });
    }

    /** {@code result = a + b}, at once. */
    static TestFunction sum(String id) {
        return new TestFunction(
                TestFunction.descriptor(
                        id,
                        null,
                        List.of(
                                PortDescriptor.required("a", PortType.NUMBER),
                                PortDescriptor.required("b", PortType.NUMBER)),
                        List.of(PortDescriptor.output("result", PortType.NUMBER)),
                        0),
                call -> CompletableFuture.completedFuture(Map.of("result", call.number("a") + call.number("b"))));
    }

    /** Adds up every input it is given; has {@code width} optional number inputs i0, i1, ... */
    static TestFunction collect(String id, int width) {
        List<PortDescriptor> inputs = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            inputs.add(PortDescriptor.optional("i" + i, PortType.JSON));
        }
        return new TestFunction(
                TestFunction.descriptor(id, null, inputs, List.of(PortDescriptor.output("result", PortType.NUMBER)), 0),
                call -> CompletableFuture.completedFuture(Map.of(
                        "result",
                        call.inputs().values().stream()
                                .mapToDouble(v -> ((Number) v).doubleValue())
                                .sum())));
    }

    /** {@code out = in} after a delay on the scheduler, noting how many run at once. */
    static TestFunction delayed(
            String id, String deviceType, ScheduledExecutorService scheduler, long ms, Overlap overlap) {
        return new TestFunction(TestFunction.descriptor(id, deviceType, PASS_IN, PASS_OUT, 0), call -> {
            overlap.enter();
            CompletableFuture<Map<String, Object>> answer = new CompletableFuture<>();
            scheduler.schedule(
                    () -> {
                        overlap.leave();
                        answer.complete(outOf(call));
                    },
                    ms,
                    TimeUnit.MILLISECONDS);
            return answer;
        });
    }

    /** Fails its first {@code failures} calls with the given error, then passes {@code in} through. */
    static TestFunction failing(String id, int failures, Supplier<RuntimeException> error) {
        AtomicInteger calls = new AtomicInteger();
        return new TestFunction(
                TestFunction.descriptor(id, null, PASS_IN, PASS_OUT, 0),
                call -> calls.incrementAndGet() <= failures ? CompletableFuture.failedFuture(error.get()) : echo(call));
    }

    /** Never answers; counts down {@code started} when called and {@code cancelled} from onCancel. */
    static TestFunction hanging(String id, String deviceType, CountDownLatch started, CountDownLatch cancelled) {
        return new TestFunction(TestFunction.descriptor(id, deviceType, PASS_IN, PASS_OUT, 0), call -> {
            call.onCancel(cancelled::countDown);
            started.countDown();
            return new CompletableFuture<>();
        });
    }

    static CompletionStage<Map<String, Object>> echo(Invocation call) {
        return CompletableFuture.completedFuture(outOf(call));
    }

    private static Map<String, Object> outOf(Invocation call) {
        Map<String, Object> out = new HashMap<>();
        out.put("out", call.inputs().get("in"));
        return out;
    }

    /** Tracks how many calls run at once, and the most ever seen. */
    static final class Overlap {
        private final AtomicInteger now = new AtomicInteger();
        private final AtomicInteger most = new AtomicInteger();

        void enter() {
            most.accumulateAndGet(now.incrementAndGet(), Math::max);
        }

        void leave() {
            now.decrementAndGet();
        }

        int most() {
            return most.get();
        }
    }
}
