package io.gantry.rest.bundle.internal.resources;

import io.gantry.engine.api.security.Role;
import io.gantry.engine.api.service.PluginCatalog;
import io.gantry.engine.api.service.RejectedFile;
import io.gantry.rest.bundle.internal.json.CatalogJson;
import io.gantry.rest.bundle.internal.security.RequiresRole;
import io.gantry.rest.bundle.internal.server.RestResource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * What the live plugins provide, read-only: {@code GET /api/plugins}, {@code /api/plugins/rejected},
 * {@code /api/functions} and {@code /api/device-types}. They are one resource because they are one
 * view of one service. Its class path is empty so that each method names its whole path; Jersey
 * still prefers every root resource with a literal path, and a path none of these methods names
 * stays unmatched (404).
 */
@Component(service = RestResource.class)
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public final class CatalogResource implements RestResource {
    private final PluginCatalog catalog;

    /** @param catalog the plugin catalog */
    @Activate
    public CatalogResource(@Reference PluginCatalog catalog) {
        this.catalog = catalog;
    }

    /** @return the plugin bundles live now */
    @GET
    @RequiresRole(Role.VIEWER)
    @Path("plugins")
    public List<CatalogJson.Plugin> plugins() {
        return catalog.plugins().stream().map(CatalogJson.Plugin::of).toList();
    }

    /** @return the files in deploy/ that are not deployed, with the reason */
    @GET
    @RequiresRole(Role.VIEWER)
    @Path("plugins/rejected")
    public List<RejectedFile> rejectedFiles() {
        return catalog.rejectedFiles();
    }

    /** @return the functions the live plugins provide */
    @GET
    @RequiresRole(Role.VIEWER)
    @Path("functions")
    public List<CatalogJson.Function> functions() {
        return catalog.functions().stream().map(CatalogJson.Function::of).toList();
    }

    /** @return the device types the live plugins provide */
    @GET
    @RequiresRole(Role.VIEWER)
    @Path("device-types")
    public List<CatalogJson.DeviceType> deviceTypes() {
        return catalog.deviceTypes().stream().map(CatalogJson.DeviceType::of).toList();
    }
}
