package io.gantry.rest.bundle.internal.resources;

import io.gantry.engine.api.service.PluginCatalog;
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

/** {@code GET /api/functions}: the functions the live plugins provide. */
@Component(service = RestResource.class)
@Path("functions")
@Produces(MediaType.APPLICATION_JSON)
public final class FunctionsResource implements RestResource {
    private final PluginCatalog catalog;

    /** @param catalog the plugin catalog */
    @Activate
    public FunctionsResource(@Reference PluginCatalog catalog) {
        this.catalog = catalog;
    }

    /** @return the functions the live plugins provide */
    @GET
    public List<CatalogJson.Function> list() {
        return catalog.functions().stream().map(CatalogJson.Function::of).toList();
    }
}
