package io.gantry.rest.bundle.internal.resources;

import io.gantry.engine.api.execution.ExecutionRecord;
import io.gantry.engine.api.service.ExecutionService;
import io.gantry.rest.bundle.internal.json.ExecutionJson;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;

/**
 * The answer to a started execution, shared by the stored and the inline start: 202 with the
 * RUNNING execution, or with {@code ?wait=true} 200 with the final one. A wait that reaches the
 * configured maximum answers 202 with the execution still running, so no request hangs forever.
 * The resources parse {@code ?wait=} before they start anything (a bad value must not start a run)
 * and hand the parsed flag on; the engine's API has no start-and-wait, so waiting is a second call.
 */
final class ExecutionStarts {
    private final ExecutionService executions;
    private final Duration maxWait;

    /**
     * @param executions the execution service, for the wait
     * @param config     the longest wait
     */
    ExecutionStarts(ExecutionService executions, ExecutionConfiguration config) {
        this.executions = executions;
        this.maxWait = Duration.ofSeconds(config.maxWaitSeconds());
    }

    /**
     * @param started the execution as its start returned it
     * @param wait    whether to answer only once it has ended (or the longest wait has passed)
     * @param uriInfo for the Location header
     * @return 200 with the ended execution, or 202 with the running one
     */
    Response answer(ExecutionRecord started, boolean wait, UriInfo uriInfo) {
        ExecutionRecord record = started;
        if (wait && !record.status().isFinal()) {
            record = executions.await(record.id(), maxWait);
        }
        if (record.status().isFinal()) {
            return Response.ok(ExecutionJson.of(record)).build();
        }
        return Response.accepted(ExecutionJson.of(record))
                .location(uriInfo.getBaseUriBuilder()
                        .path("executions")
                        .path(record.id())
                        .build())
                .build();
    }
}
