package io.gantry.engine.core.internal.validation;

import static io.gantry.engine.core.internal.validation.NodeTable.path;

import io.gantry.engine.api.error.Problem;
import io.gantry.engine.api.function.FunctionDescriptor;
import io.gantry.engine.api.function.PortDescriptor;
import io.gantry.engine.api.pipeline.NodeDefinition;
import io.gantry.engine.api.pipeline.RetrySpec;
import io.gantry.engine.core.internal.plan.CallTarget;
import io.gantry.engine.core.internal.plan.SignalFunctions;
import io.gantry.engine.core.internal.schema.ParamsSchemaChecker;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Checks each node on its own: id, function, device, retry, timeout, repeat, params and constant inputs. */
final class NodeChecker {
    /** Beyond this a retry loop is a mistake, not a policy. */
    static final int MAX_ATTEMPTS = 100;
    /** One hour: longer backoffs or timeouts would leave an execution hanging for no purpose. */
    static final long MAX_DELAY_MS = 3_600_000L;

    private final Function<String, Optional<FunctionDescriptor>> functions;
    private final Function<String, Optional<String>> deviceTypeOfDevice;
    private final ParamsSchemaChecker schemaChecker;

    NodeChecker(
            Function<String, Optional<FunctionDescriptor>> functions,
            Function<String, Optional<String>> deviceTypeOfDevice,
            ParamsSchemaChecker schemaChecker) {
        this.functions = functions;
        this.deviceTypeOfDevice = deviceTypeOfDevice;
        this.schemaChecker = schemaChecker;
    }

    /** Checks a {@code core.call} node, whose ports are the called pipeline's. */
    @FunctionalInterface
    interface Calls {
        Optional<CallChecker.Checked> check(int index, NodeDefinition node, List<Problem> problems);
    }

    NodeTable check(List<NodeDefinition> written, Calls calls, List<Problem> problems) {
        List<NodeDefinition> nodes = new ArrayList<>(written);
        FunctionDescriptor[] descriptors = new FunctionDescriptor[nodes.size()];
        Map<String, Integer> indexById = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            NodeDefinition node = nodes.get(i);
            checkId(i, node, indexById, problems);
            if (CallTarget.FUNCTION_ID.equals(node.function())) {
                Optional<CallChecker.Checked> checked = calls.check(i, node, problems);
                descriptors[i] = checked.map(CallChecker.Checked::descriptor).orElse(null);
                if (checked.isPresent()) {
                    nodes.set(i, checked.get().node());
                }
            } else {
                descriptors[i] = checkFunction(i, node, problems);
            }
            checkRetryAndTimeout(i, node, problems);
            RepeatChecker.check(i, node, descriptors[i], problems);
            if (descriptors[i] != null) {
                checkDevice(i, node, descriptors[i], problems);
                checkParams(i, nodes.get(i), descriptors[i], problems);
                checkSignalDevice(i, nodes.get(i), problems);
            }
        }
        return new NodeTable(List.copyOf(nodes), descriptors, indexById);
    }

    private static void checkId(int i, NodeDefinition node, Map<String, Integer> indexById, List<Problem> problems) {
        String id = node.id();
        if (id.isBlank()) {
            problems.add(new Problem(path(i) + ".id", ProblemCodes.MISSING_ID, "node id must not be empty"));
        } else {
            Integer first = indexById.putIfAbsent(id, i);
            if (first != null) {
                problems.add(new Problem(
                        path(i) + ".id",
                        ProblemCodes.DUPLICATE_NODE,
                        "node id '" + id + "' is already used by " + path(first)));
            }
        }
    }

    private FunctionDescriptor checkFunction(int i, NodeDefinition node, List<Problem> problems) {
        Optional<FunctionDescriptor> found =
                node.function().isBlank() ? Optional.empty() : functions.apply(node.function());
        if (found.isEmpty()) {
            problems.add(new Problem(
                    path(i) + ".function",
                    ProblemCodes.UNKNOWN_FUNCTION,
                    "unknown function '" + node.function() + "'"));
        }
        return found.orElse(null);
    }

    /** A signal function names its device in its params: it must exist (the signal is checked when it runs). */
    private void checkSignalDevice(int i, NodeDefinition node, List<Problem> problems) {
        if (SignalFunctions.IDS.contains(node.function())
                && node.params().get(SignalFunctions.DEVICE_PARAM) instanceof String device
                && deviceTypeOfDevice.apply(device).isEmpty()) {
            problems.add(new Problem(
                    path(i) + ".params." + SignalFunctions.DEVICE_PARAM,
                    ProblemCodes.UNKNOWN_DEVICE,
                    "unknown device '" + device + "'"));
        }
    }

    private void checkDevice(int i, NodeDefinition node, FunctionDescriptor function, List<Problem> problems) {
        String path = path(i) + ".device";
        String device = node.device();
        boolean given = device != null && !device.isBlank();
        if (function.deviceType() == null) {
            if (given) {
                problems.add(new Problem(
                        path,
                        ProblemCodes.UNEXPECTED_DEVICE,
                        "function '" + function.id() + "' is pure and takes no device, got '" + device + "'"));
            }
            return;
        }
        if (!given) {
            problems.add(new Problem(
                    path,
                    ProblemCodes.MISSING_DEVICE,
                    "function '" + function.id() + "' needs a device of type '" + function.deviceType() + "'"));
            return;
        }
        Optional<String> type = deviceTypeOfDevice.apply(device);
        if (type.isEmpty()) {
            problems.add(new Problem(path, ProblemCodes.UNKNOWN_DEVICE, "unknown device '" + device + "'"));
        } else if (!type.get().equals(function.deviceType())) {
            problems.add(new Problem(
                    path,
                    ProblemCodes.WRONG_DEVICE_TYPE,
                    "device '" + device + "' is of type '" + type.get() + "', function '" + function.id() + "' needs '"
                            + function.deviceType() + "'"));
        }
    }

    private static void checkRetryAndTimeout(int i, NodeDefinition node, List<Problem> problems) {
        RetrySpec retry = node.retry();
        if (retry != null) {
            // RetrySpec checks its own ranges; what is left is keeping values sane for a controller
            if (retry.maxAttempts() > MAX_ATTEMPTS) {
                problems.add(new Problem(
                        path(i) + ".retry.maxAttempts",
                        ProblemCodes.INVALID_RETRY,
                        "maxAttempts must be at most " + MAX_ATTEMPTS + ", was " + retry.maxAttempts()));
            }
            if (retry.backoffMs() > MAX_DELAY_MS || retry.maxBackoffMs() > MAX_DELAY_MS) {
                problems.add(new Problem(
                        path(i) + ".retry.backoffMs",
                        ProblemCodes.INVALID_RETRY,
                        "backoff must be at most " + MAX_DELAY_MS + " ms"));
            }
        }
        Long timeout = node.timeoutMs();
        if (timeout != null && (timeout <= 0 || timeout > MAX_DELAY_MS)) {
            problems.add(new Problem(
                    path(i) + ".timeoutMs",
                    ProblemCodes.INVALID_TIMEOUT,
                    "timeoutMs must be between 1 and " + MAX_DELAY_MS + ", was " + timeout));
        }
    }

    /** Input-port constants are checked against their port type; the rest against the schema. */
    private void checkParams(int i, NodeDefinition node, FunctionDescriptor function, List<Problem> problems) {
        Map<String, Object> ownParams = new LinkedHashMap<>(node.params());
        for (PortDescriptor port : function.inputs()) {
            if (!ownParams.containsKey(port.name())) {
                continue;
            }
            Object value = ownParams.remove(port.name());
            if (!port.type().accepts(value)) {
                problems.add(new Problem(
                        path(i) + ".params." + port.name(),
                        ProblemCodes.TYPE_MISMATCH,
                        "constant " + describe(value) + " does not fit input '" + port.name() + "' of type "
                                + port.type().id()));
            }
        }
        problems.addAll(schemaChecker.check(function.paramsSchema(), ownParams, path(i) + ".params"));
    }

    private static String describe(Object value) {
        return value instanceof String s ? "'" + s + "'" : String.valueOf(value);
    }
}
