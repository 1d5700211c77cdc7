package io.gantry.rest.bundle.internal.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import io.gantry.engine.api.error.CircularDependencyException;
import io.gantry.engine.api.error.DeviceException;
import io.gantry.engine.api.error.GantryException;
import io.gantry.engine.api.error.PipelineValidationException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides the problem document for any exception a request raised. Pure: no logging, no ids;
 * an {@link ProblemKind#INTERNAL} answer is completed by {@link ProblemExceptionMapper}.
 */
final class ProblemClassifier {
    private ProblemClassifier() {}

    static ProblemDocument classify(Throwable thrown) {
        Optional<PayloadTooLargeException> tooLarge = find(thrown, PayloadTooLargeException.class);
        if (tooLarge.isPresent()) {
            // the counting stream's exception may arrive wrapped by Jackson or Jersey
            return domain(tooLarge.get());
        }
        Throwable e = unwrap(thrown);
        if (e instanceof GantryException gantry) {
            return domain(gantry);
        }
        if (e instanceof InvalidDefinitionException) {
            return internal(); // a type the mapper cannot handle is the controller's fault, not the client's
        }
        if (e instanceof JsonProcessingException json) {
            return JsonProblems.problem(json);
        }
        if (e instanceof WebApplicationException web && web.getResponse().getStatus() >= 400) {
            return http(web);
        }
        return internal();
    }

    static ProblemDocument internal() {
        return ProblemDocument.of(
                ProblemKind.INTERNAL,
                "the controller failed to answer this request; quote the errorId when reporting it");
    }

    private static ProblemDocument domain(GantryException e) {
        Optional<ProblemKind> kind = ProblemKind.ofCode(e.code());
        if (kind.isEmpty() && e instanceof DeviceException) {
            // a plugin's own code for what its device refused (modbus-exception): the device's answer,
            // with its message, not a failure of the controller
            kind = Optional.of(ProblemKind.DEVICE_FAULT);
        }
        if (kind.isEmpty() || kind.get() == ProblemKind.INTERNAL) {
            return internal();
        }
        ProblemDocument problem = ProblemDocument.of(kind.get(), e.getMessage());
        if (e instanceof PipelineValidationException validation) {
            problem = problem.withErrors(validation.problems().stream()
                    .map(p -> new ProblemDocument.FieldError(p.path(), p.message(), p.code()))
                    .toList());
        }
        if (e instanceof CircularDependencyException cycle) {
            problem = problem.withCycle(cycle.cycle());
        }
        if (e instanceof DeviceException device && device.deviceId() != null) {
            problem = problem.withDeviceId(device.deviceId());
        }
        return problem;
    }

    private static ProblemDocument http(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        ProblemKind kind = ProblemKind.ofStatus(status);
        if (kind == ProblemKind.INTERNAL) {
            return internal();
        }
        // Jersey's messages ("HTTP 404 Not Found") say nothing more than the status; keep them short
        return ProblemDocument.ofStatus(status, e.getMessage());
    }

    /** Strips the wrappers Jersey puts around exceptions raised while reading an entity. */
    private static Throwable unwrap(Throwable thrown) {
        Throwable e = thrown;
        while (e instanceof ProcessingException && e.getCause() != null && e.getCause() != e) {
            e = e.getCause();
        }
        return e;
    }

    private static <T extends Throwable> Optional<T> find(Throwable thrown, Class<T> type) {
        List<Throwable> seen = new ArrayList<>();
        for (Throwable e = thrown; e != null && !seen.contains(e); e = e.getCause()) {
            if (type.isInstance(e)) {
                return Optional.of(type.cast(e));
            }
            seen.add(e);
        }
        return Optional.empty();
    }
}
