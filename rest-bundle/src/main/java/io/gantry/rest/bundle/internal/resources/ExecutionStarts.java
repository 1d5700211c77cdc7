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
 */
final class ExecutionStarts {
    private final ExecutionService executions;
    private final Duration maxWait;

    ExecutionStarts(ExecutionService executions, Duration maxWait) {
        this.executions = executions;
        this.maxWait = maxWait;
    }

    Response answer(ExecutionRecord started, String wait, UriInfo uriInfo) {
        ExecutionRecord record = started;
        if (QueryParams.flag("wait", wait) && !record.status().isFinal()) {
            record = executions.await(record.id(), maxWait);
        }
        if (record.status().isFinal()) {
            return Response.ok(ExecutionJson.of(record)).build();
        }
        return Response.accepted(ExecutionJson.of(record))
                .location(uriInfo.getBaseUriBuilder().path("executions").path(record.id()).build())
                .build();
    }
}
