package io.gantry.bench.jmh;

import io.gantry.engine.api.function.FunctionDescriptor;
import io.gantry.engine.api.function.Invocation;
import io.gantry.engine.api.function.PipelineFunction;
import io.gantry.engine.api.function.PortDescriptor;
import io.gantry.engine.api.function.PortType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Functions that cost (next to) nothing, so what a benchmark measures is the engine: passing values,
 * scheduling successors, keeping records. Written here rather than taken from the core-functions
 * plugin so the benchmark jar needs no plugin and no OSGi.
 */
final class BenchFunctions {
    static final String PASS = "bench.pass";
    static final String GATHER = "bench.gather";
    static final String DELAY = "bench.delay";
    static final String FLAG = "bench.flag";
    static final String COUNTDOWN = "bench.countdown";
    /** The countdown's boolean output, the port an {@code until} loop watches. */
    static final String DONE = "done";
    /** How many inputs the gathering sink offers; a fan-out may use any number up to it. */
    static final int GATHER_WIDTH = 1000;

    private static final List<PortDescriptor> IN = List.of(PortDescriptor.optional("in", PortType.JSON));
    private static final List<PortDescriptor> OUT = List.of(PortDescriptor.output("out", PortType.JSON));

    private BenchFunctions() {}

    /** {@code out = in}, answered at once on the calling thread. */
    static PipelineFunction pass() {
        return function(PASS, IN, call -> CompletableFuture.completedFuture(echo(call)));
    }

    /** {@code ok = true}, {@code out = in}, answered at once: a decision for {@code when} conditions. */
    static PipelineFunction flag() {
        List<PortDescriptor> outputs = List.of(PortDescriptor.output("ok", PortType.BOOLEAN), OUT.get(0));
        return function(FLAG, IN, outputs, call -> {
            Object in = call.inputs().get("in");
            return CompletableFuture.completedFuture(in == null ? Map.of("ok", true) : Map.of("ok", true, "out", in));
        });
    }

    /**
     * {@code done} false until the {@code calls}-th call of a run, then true; {@code out = in}: the
     * end condition of an {@code until} loop, since a call cannot see which iteration it is.
     */
    static PipelineFunction countdown(int calls) {
        List<PortDescriptor> outputs = List.of(PortDescriptor.output(DONE, PortType.BOOLEAN), OUT.get(0));
        Countdown countdown = new Countdown(calls);
        return function(COUNTDOWN, IN, outputs, call -> {
            boolean done = countdown.next(call.executionId());
            return CompletableFuture.completedFuture(
                    Map.of(DONE, done, "out", call.inputs().get("in")));
        });
    }

    /** The sink of a fan-in: inputs {@code i0 … i999}, all optional; {@code out} = how many arrived. */
    static PipelineFunction gather() {
        List<PortDescriptor> inputs = new ArrayList<>(GATHER_WIDTH);
        for (int i = 0; i < GATHER_WIDTH; i++) {
            inputs.add(PortDescriptor.optional(gatherPort(i), PortType.JSON));
        }
        return function(
                GATHER,
                inputs,
                call -> CompletableFuture.completedFuture(
                        Map.of("out", call.inputs().size())));
    }

    /** {@code out = in} after {@code ms} on a timer: waits without holding an engine thread. */
    static PipelineFunction delay(ScheduledExecutorService timer, long ms) {
        return function(DELAY, IN, call -> {
            CompletableFuture<Map<String, Object>> answer = new CompletableFuture<>();
            timer.schedule(() -> answer.complete(echo(call)), ms, TimeUnit.MILLISECONDS);
            return answer;
        });
    }

    static String gatherPort(int index) {
        return "i" + index;
    }

    private static Map<String, Object> echo(Invocation call) {
        Object in = call.inputs().get("in");
        return in == null ? Map.of() : Map.of("out", in);
    }

    private static PipelineFunction function(
            String id, List<PortDescriptor> inputs, Function<Invocation, CompletionStage<Map<String, Object>>> body) {
        return function(id, inputs, OUT, body);
    }

    private static PipelineFunction function(
            String id,
            List<PortDescriptor> inputs,
            List<PortDescriptor> outputs,
            Function<Invocation, CompletionStage<Map<String, Object>>> body) {
        FunctionDescriptor descriptor = new FunctionDescriptor(id, id, null, inputs, outputs, null, 0);
        return new PipelineFunction() {
            @Override
            public FunctionDescriptor descriptor() {
                return descriptor;
            }

            @Override
            public CompletionStage<Map<String, Object>> invoke(Invocation invocation) {
                return body.apply(invocation);
            }
        };
    }

    /**
     * Counts the calls of the current run; a new execution id starts again from 1, so a run that
     * broke off mid-loop cannot shift the next one. The iterations of a loop follow one another,
     * possibly on different threads, hence the lock (never contended).
     */
    private static final class Countdown {
        private final int calls;
        private String executionId;
        private int count;

        Countdown(int calls) {
            this.calls = calls;
        }

        synchronized boolean next(String execution) {
            if (!execution.equals(executionId)) {
                executionId = execution;
                count = 0;
            }
            return ++count >= calls;
        }
    }
}
