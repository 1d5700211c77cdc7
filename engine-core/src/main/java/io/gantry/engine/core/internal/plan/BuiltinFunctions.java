package io.gantry.engine.core.internal.plan;

import io.gantry.engine.api.function.FunctionDescriptor;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The functions that come with the controller: no plugin may register, take over or remove them. */
public final class BuiltinFunctions {
    /** Their descriptions, by id: {@code core.call} and the signal functions. */
    public static final Map<String, FunctionDescriptor> DESCRIPTORS = List.of(
                    CallTarget.GENERIC,
                    SignalFunctions.READ_DESCRIPTOR,
                    SignalFunctions.WRITE_DESCRIPTOR,
                    SignalFunctions.WAIT_DESCRIPTOR)
            .stream()
            .collect(Collectors.toUnmodifiableMap(FunctionDescriptor::id, Function.identity()));

    private BuiltinFunctions() {}

    /** @return whether the id is a built-in function's */
    public static boolean isBuiltIn(String functionId) {
        return DESCRIPTORS.containsKey(functionId);
    }
}
