package io.gantry.rest.bundle.internal.resources;

import io.gantry.engine.api.execution.ExecutionStatus;
import io.gantry.engine.api.security.Role;
import io.gantry.engine.api.service.ExecutionQuery;
import io.gantry.engine.api.service.ExecutionService;
import io.gantry.rest.bundle.internal.json.ExecutionJson;
import io.gantry.rest.bundle.internal.json.PipelineBodies;
import io.gantry.rest.bundle.internal.json.PipelineJson;
import io.gantry.rest.bundle.internal.problem.InvalidRequests;
import io.gantry.rest.bundle.internal.security.Callers;
import io.gantry.rest.bundle.internal.security.RequiresRole;
import io.gantry.rest.bundle.internal.server.RestResource;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/** {@code /api/executions}: inline runs, the execution history and cancelling. */
@Component(service = RestResource.class, configurationPid = ExecutionConfiguration.PID)
@Designate(ocd = ExecutionConfiguration.class)
@Path("executions")
@Produces(MediaType.APPLICATION_JSON)
public final class ExecutionsResource implements RestResource {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 1000;

    private final ExecutionService executions;
    private final ExecutionStarts starts;

    /**
     * @param config     the wait limit
     * @param executions the execution service
     */
    @Activate
    public ExecutionsResource(ExecutionConfiguration config, @Reference ExecutionService executions) {
        this.executions = executions;
        this.starts = new ExecutionStarts(executions, config);
    }

    /**
     * Runs a pipeline that is not stored.
     *
     * @param wait    {@code true} to answer when the execution has ended
     * @param body    the pipeline
     * @param uriInfo for the Location header
     * @param security who starts it
     * @return 202 with the running execution, or 200 with the final one
     */
    @POST
    @RequiresRole(Role.ENGINEER)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response startInline(
            @QueryParam("wait") String wait,
            PipelineJson body,
            @Context UriInfo uriInfo,
            @Context SecurityContext security) {
        boolean waitForEnd = QueryParams.flag("wait", wait);
        var definition = PipelineBodies.toDefinition(body);
        PathIds.requireInBody(definition.id(), "id");
        return starts.answer(executions.startInline(definition, Map.of(), Callers.who(security)), waitForEnd, uriInfo);
    }

    /**
     * @param pipelineId only this pipeline's executions
     * @param status     only executions in this status
     * @param limit      at most this many, 1 to 1000, default 50
     * @param parentExecutionId only the sub-pipeline runs this execution's {@code core.call} nodes started
     * @return the executions, newest first
     */
    @GET
    @RequiresRole(Role.VIEWER)
    public List<ExecutionJson> list(
            @QueryParam("pipelineId") String pipelineId,
            @QueryParam("status") String status,
            @QueryParam("limit") String limit,
            @QueryParam("parentExecutionId") String parentExecutionId) {
        if (pipelineId != null && !pipelineId.isEmpty() && !PathIds.isValid(pipelineId)) {
            // no pipeline can have such an id: nothing matches
            return List.of();
        }
        Integer max = QueryParams.integer("limit", limit, 1, MAX_LIMIT);
        ExecutionQuery query = new ExecutionQuery(
                emptyToNull(pipelineId),
                status(status),
                max == null ? DEFAULT_LIMIT : max,
                emptyToNull(parentExecutionId));
        return executions.list(query).stream().map(ExecutionJson::of).toList();
    }

    /** @param id an execution id @return the execution */
    @GET
    @RequiresRole(Role.VIEWER)
    @Path("{id}")
    public ExecutionJson get(@PathParam("id") String id) {
        return ExecutionJson.of(executions.get(PathIds.require(id, "execution")));
    }

    /** @param id an execution id @return 202 with the execution being cancelled */
    @DELETE
    @RequiresRole(Role.OPERATOR)
    @Path("{id}")
    public Response cancel(@PathParam("id") String id) {
        return Response.accepted(ExecutionJson.of(executions.cancel(PathIds.require(id, "execution"))))
                .build();
    }

    private static ExecutionStatus status(String status) {
        if (status == null || status.isEmpty()) {
            return null;
        }
        try {
            return ExecutionStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw InvalidRequests.field(
                    "status", "invalid", "status must be one of " + Arrays.toString(ExecutionStatus.values()));
        }
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
