package io.gantry.rest.bundle.internal.resources;

import io.gantry.engine.api.security.Role;
import io.gantry.engine.api.service.PluginDeployment;
import io.gantry.rest.bundle.internal.json.CatalogJson;
import io.gantry.rest.bundle.internal.security.RequiresRole;
import io.gantry.rest.bundle.internal.server.RestResource;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code POST /api/plugins} with a jar body installs or updates a plugin, {@code DELETE
 * /api/plugins/{symbolicName}} removes it — both through deploy/, exactly as a file dropped there
 * (same checks, events and rollback), answering with the outcome. Its class path is empty, as the
 * catalog's, so that Jersey merges the two under {@code /api/plugins}.
 */
@Component(service = RestResource.class)
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public final class PluginUploadResource implements RestResource {
    /** The media type of a jar; any binary body is accepted too. */
    static final String JAR = "application/java-archive";

    private final PluginDeployment deployment;

    /** @param deployment deploys through deploy/ */
    @Activate
    public PluginUploadResource(@Reference PluginDeployment deployment) {
        this.deployment = deployment;
    }

    /**
     * @param jar the plugin jar
     * @return 201 with the plugin when it is new, 200 when it replaced an earlier version
     */
    @POST
    @RequiresRole(Role.ADMIN)
    @Path("plugins")
    @Consumes({JAR, MediaType.APPLICATION_OCTET_STREAM})
    public Response upload(byte[] jar) {
        PluginDeployment.Deployed deployed = deployment.deploy(jar);
        return Response.status(deployed.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(CatalogJson.Plugin.of(deployed.plugin()))
                .build();
    }

    /**
     * @param symbolicName the plugin's symbolic name
     * @return 204 once it is removed
     */
    @DELETE
    @RequiresRole(Role.ADMIN)
    @Path("plugins/{symbolicName}")
    public Response remove(@PathParam("symbolicName") String symbolicName) {
        deployment.remove(symbolicName);
        return Response.noContent().build();
    }
}
