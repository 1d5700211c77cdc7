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

/** {@code GET /api/device-types}: the device types the live plugins provide. */
@Component(service = RestResource.class)
@Path("device-types")
@Produces(MediaType.APPLICATION_JSON)
public final class DeviceTypesResource implements RestResource {
    private final PluginCatalog catalog;

    /** @param catalog the plugin catalog */
    @Activate
    public DeviceTypesResource(@Reference PluginCatalog catalog) {
        this.catalog = catalog;
    }

    /** @return the device types the live plugins provide */
    @GET
    public List<CatalogJson.DeviceType> list() {
        return catalog.deviceTypes().stream().map(CatalogJson.DeviceType::of).toList();
    }
}
