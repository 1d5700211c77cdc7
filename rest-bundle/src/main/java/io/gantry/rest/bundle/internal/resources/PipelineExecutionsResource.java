package io.gantry.rest.bundle.internal.resources;

import io.gantry.engine.api.security.Role;
import io.gantry.engine.api.service.ExecutionService;
import io.gantry.rest.bundle.internal.json.ExecutionJson;
import io.gantry.rest.bundle.internal.security.Callers;
import io.gantry.rest.bundle.internal.security.RequiresRole;
import io.gantry.rest.bundle.internal.server.RestResource;
import jakarta.ws.rs.Consumes;
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
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code POST /api/pipelines/{id}/executions}: runs a stored pipeline, its latest or a given version. */
@Component(service = RestResource.class, configurationPid = ExecutionConfiguration.PID)
// the same PID as ExecutionsResource, which designates the metatype for both
@Path("pipelines/{id}/executions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class PipelineExecutionsResource implements RestResource {
    private final ExecutionService executions;
    private final ExecutionStarts starts;

    /**
     * @param config     the wait limit
     * @param executions the execution service
     */
    @Activate
    public PipelineExecutionsResource(ExecutionConfiguration config, @Reference ExecutionService executions) {
        this.executions = executions;
        this.starts = new ExecutionStarts(executions, config);
    }

    /**
     * @param id      a pipeline id
     * @param version the version to run; the latest when absent (extension)
     * @param wait    {@code true} to answer when the execution has ended
     * @param body    the inputs; may be absent
     * @param uriInfo for the Location header
     * @param security who starts it
     * @return 202 with the running execution, or 200 with the final one
     */
    @POST
    @RequiresRole(Role.OPERATOR)
    public Response start(
            @PathParam("id") String id,
            @QueryParam("version") String version,
            @QueryParam("wait") String wait,
            ExecutionJson.Start body,
            @Context UriInfo uriInfo,
            @Context SecurityContext security) {
        PathIds.require(id, "pipeline");
        Integer pinned = QueryParams.integer("version", version, 1, Integer.MAX_VALUE);
        boolean waitForEnd = QueryParams.flag("wait", wait);
        Map<String, Object> inputs = body == null || body.inputs() == null ? Map.of() : body.inputs();
        return starts.answer(executions.start(id, pinned, inputs, Callers.who(security)), waitForEnd, uriInfo);
    }
}
