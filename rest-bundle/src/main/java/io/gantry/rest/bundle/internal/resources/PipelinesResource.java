package io.gantry.rest.bundle.internal.resources;

import io.gantry.engine.api.error.NotFoundException;
import io.gantry.engine.api.pipeline.PipelineDefinition;
import io.gantry.engine.api.pipeline.PipelineVersion;
import io.gantry.engine.api.security.Role;
import io.gantry.engine.api.service.PipelineService;
import io.gantry.rest.bundle.internal.json.PipelineBodies;
import io.gantry.rest.bundle.internal.json.PipelineJson;
import io.gantry.rest.bundle.internal.problem.InvalidRequests;
import io.gantry.rest.bundle.internal.security.RequiresRole;
import io.gantry.rest.bundle.internal.server.RestResource;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/pipelines}: stored, versioned pipelines. Every answer carrying one pipeline has
 * {@code ETag: "<version>"}; a PUT with {@code If-Match} of an older version gets 412.
 */
@Component(service = RestResource.class)
@Path("pipelines")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class PipelinesResource implements RestResource {
    private static final String PIPELINE = "pipeline";

    private final PipelineService pipelines;

    /** @param pipelines the pipeline service */
    @Activate
    public PipelinesResource(@Reference PipelineService pipelines) {
        this.pipelines = pipelines;
    }

    /**
     * @param body    the pipeline, optionally with its id
     * @param uriInfo for the Location header
     * @return 201 with version 1
     */
    @POST
    @RequiresRole(Role.ENGINEER)
    public Response create(PipelineJson body, @Context UriInfo uriInfo) {
        PipelineDefinition definition = PipelineBodies.toDefinition(body);
        PathIds.requireInBody(definition.id(), "id");
        PipelineVersion created = pipelines.create(definition);
        return Response.created(uriInfo.getBaseUriBuilder()
                        .path("pipelines")
                        .path(created.id())
                        .build())
                .tag(EntityTags.of(created.version()))
                .entity(PipelineJson.of(created))
                .build();
    }

    /** @return every pipeline with its latest version */
    @GET
    @RequiresRole(Role.VIEWER)
    public List<PipelineJson.Summary> list() {
        return pipelines.list().stream().map(PipelineJson.Summary::of).toList();
    }

    /** @param id a pipeline id @return its latest version */
    @GET
    @RequiresRole(Role.VIEWER)
    @Path("{id}")
    public Response latest(@PathParam("id") String id) {
        return withTag(pipelines.latest(PathIds.require(id, PIPELINE)));
    }

    /**
     * @param id      a pipeline id
     * @param ifMatch the ETag the change is based on; absent to skip the check
     * @param body    the new content; its id, when given, must be the path's
     * @return the new version
     */
    @PUT
    @RequiresRole(Role.ENGINEER)
    @Path("{id}")
    public Response update(
            @PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, PipelineJson body) {
        PathIds.require(id, PIPELINE);
        Integer expected = EntityTags.expectedVersion(ifMatch);
        PipelineDefinition definition = PipelineBodies.toDefinition(body);
        if (definition.id() != null && !definition.id().equals(id)) {
            throw InvalidRequests.field("id", "mismatch", "the body's id must be the path's id '" + id + "' or absent");
        }
        return withTag(pipelines.update(id, definition.withId(id), expected));
    }

    /** @param id a pipeline id @return 204 */
    @DELETE
    @RequiresRole(Role.ENGINEER)
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        pipelines.delete(PathIds.require(id, PIPELINE));
        return Response.noContent().build();
    }

    /** @param id a pipeline id @return every version, oldest first */
    @GET
    @RequiresRole(Role.VIEWER)
    @Path("{id}/versions")
    public List<PipelineJson> versions(@PathParam("id") String id) {
        return pipelines.versions(PathIds.require(id, PIPELINE)).stream()
                .map(PipelineJson::of)
                .toList();
    }

    /**
     * @param id      a pipeline id
     * @param version a version number
     * @return that version
     */
    @GET
    @RequiresRole(Role.VIEWER)
    @Path("{id}/versions/{version}")
    public Response version(@PathParam("id") String id, @PathParam("version") String version) {
        return withTag(pipelines.version(PathIds.require(id, PIPELINE), versionNumber(id, version)));
    }

    /**
     * Stores an old version's content as the new latest version (extension).
     *
     * @param id      a pipeline id
     * @param version the version to restore
     * @param ifMatch the ETag of the latest version the client saw; absent to skip the check
     * @return the new latest version
     */
    @POST
    @RequiresRole(Role.ENGINEER)
    @Path("{id}/versions/{version}/restore")
    public Response restore(
            @PathParam("id") String id,
            @PathParam("version") String version,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        PathIds.require(id, PIPELINE);
        Integer expected = EntityTags.expectedVersion(ifMatch);
        PipelineVersion old = pipelines.version(id, versionNumber(id, version));
        return withTag(pipelines.update(id, old.definition().withId(id), expected));
    }

    /**
     * @param body a pipeline
     * @return 200 {@code {"valid":true}}; a 422 problem listing every problem otherwise
     */
    @POST
    @RequiresRole(Role.ENGINEER)
    @Path("validate")
    public Map<String, Boolean> validate(PipelineJson body) {
        PipelineDefinition definition = PipelineBodies.toDefinition(body);
        PathIds.requireInBody(definition.id(), "id");
        pipelines.validate(definition);
        return Map.of("valid", true);
    }

    private static Response withTag(PipelineVersion stored) {
        return Response.ok(PipelineJson.of(stored))
                .tag(EntityTags.of(stored.version()))
                .build();
    }

    private static int versionNumber(String id, String version) {
        if (!version.matches("[1-9][0-9]{0,8}")) {
            throw new NotFoundException("pipeline '" + id + "' has no version '"
                    + (version.length() > 20 ? version.substring(0, 20) + "..." : version) + "'");
        }
        return Integer.parseInt(version);
    }
}
