package io.gantry.rest.bundle.internal.resources;

import io.gantry.engine.api.service.PluginCatalog;
import io.gantry.engine.api.service.RejectedFile;
import io.gantry.rest.bundle.internal.json.CatalogJson;
import io.gantry.rest.bundle.internal.server.RestResource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code GET /api/plugins}: the plugin bundles live now; {@code /rejected}: the files in deploy/ that are not plugins. */
@Component(service = RestResource.class)
@Path("plugins")
@Produces(MediaType.APPLICATION_JSON)
public final class PluginsResource implements RestResource {
    private final PluginCatalog catalog;

    /** @param catalog the plugin catalog */
    @Activate
    public PluginsResource(@Reference PluginCatalog catalog) {
        this.catalog = catalog;
    }

    /** @return the plugin bundles live now */
    @GET
    public List<CatalogJson.Plugin> list() {
        return catalog.plugins().stream().map(CatalogJson.Plugin::of).toList();
    }

    /** @return the files in deploy/ that are not deployed, with the reason */
    @GET
    @Path("rejected")
    public List<RejectedFile> rejected() {
        return catalog.rejectedFiles();
    }
}
