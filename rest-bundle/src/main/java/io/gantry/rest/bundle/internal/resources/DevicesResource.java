package io.gantry.rest.bundle.internal.resources;

import io.gantry.engine.api.security.Role;
import io.gantry.engine.api.service.DeviceInfo;
import io.gantry.engine.api.service.DeviceService;
import io.gantry.engine.api.service.DeviceSpec;
import io.gantry.rest.bundle.internal.json.BrowseJson;
import io.gantry.rest.bundle.internal.json.DeviceJson;
import io.gantry.rest.bundle.internal.json.SignalJson;
import io.gantry.rest.bundle.internal.problem.FieldProblems;
import io.gantry.rest.bundle.internal.security.AuditNotes;
import io.gantry.rest.bundle.internal.security.RequiresRole;
import io.gantry.rest.bundle.internal.server.RestResource;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /api/devices}: device instances, their config and their connection. */
@Component(service = RestResource.class)
@Path("devices")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class DevicesResource implements RestResource {
    private static final String DEVICE = "device";
    private static final String SIGNAL = "signal";

    private final DeviceService devices;

    /** @param devices the device service */
    @Activate
    public DevicesResource(@Reference DeviceService devices) {
        this.devices = devices;
    }

    /**
     * @param body    type, name, config and optionally the id
     * @param uriInfo for the Location header
     * @return 201 with the new device
     */
    @POST
    @RequiresRole(Role.ENGINEER)
    public Response create(DeviceJson.Create body, @Context UriInfo uriInfo) {
        FieldProblems.requireBody(body, "a device body is required");
        PathIds.requireInBody(body.id(), "id");
        new FieldProblems()
                .requireText(body.type(), "type")
                .requireText(body.name(), "name")
                .throwIfAny();
        DeviceInfo created = devices.create(new DeviceSpec(body.id(), body.type(), body.name(), config(body.config())));
        return Response.created(uriInfo.getBaseUriBuilder()
                        .path("devices")
                        .path(created.id())
                        .build())
                .entity(DeviceJson.of(created))
                .build();
    }

    /** @return every device */
    @GET
    @RequiresRole(Role.VIEWER)
    public List<DeviceJson> list() {
        return devices.list().stream().map(DeviceJson::of).toList();
    }

    /** @param id a device id @return the device */
    @GET
    @RequiresRole(Role.VIEWER)
    @Path("{id}")
    public DeviceJson get(@PathParam("id") String id) {
        return DeviceJson.of(devices.get(PathIds.require(id, DEVICE)));
    }

    /**
     * @param id   a device id
     * @param body the new name and config
     * @return the device
     */
    @PUT
    @RequiresRole(Role.ENGINEER)
    @Path("{id}")
    public DeviceJson update(@PathParam("id") String id, DeviceJson.Update body) {
        PathIds.require(id, DEVICE);
        FieldProblems.requireBody(body, "a body with name and config is required");
        new FieldProblems()
                .requireText(body.name(), "name")
                .require(body.config(), "config")
                .throwIfAny();
        return DeviceJson.of(devices.update(id, body.name(), body.config()));
    }

    /** @param id a device id @return 204 */
    @DELETE
    @RequiresRole(Role.ENGINEER)
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        devices.delete(PathIds.require(id, DEVICE));
        return Response.noContent().build();
    }

    /** @param id a device id @return the device, CONNECTED or FAULT */
    @POST
    @RequiresRole(Role.OPERATOR)
    @Path("{id}/connect")
    public DeviceJson connect(@PathParam("id") String id) {
        return DeviceJson.of(devices.connect(PathIds.require(id, DEVICE)));
    }

    /** @param id a device id @return the device */
    @POST
    @RequiresRole(Role.OPERATOR)
    @Path("{id}/disconnect")
    public DeviceJson disconnect(@PathParam("id") String id) {
        return DeviceJson.of(devices.disconnect(PathIds.require(id, DEVICE)));
    }

    /** @param id a device id @return its signals with their last readings */
    @GET
    @RequiresRole(Role.VIEWER)
    @Path("{id}/signals")
    public List<SignalJson> signals(@PathParam("id") String id) {
        return devices.signals(PathIds.require(id, DEVICE)).stream()
                .map(SignalJson::of)
                .toList();
    }

    /**
     * @param id   a device id
     * @param name one of its signals
     * @return the signal with its last reading
     */
    @GET
    @RequiresRole(Role.VIEWER)
    @Path("{id}/signals/{name}")
    public SignalJson signal(@PathParam("id") String id, @PathParam("name") String name) {
        return SignalJson.of(devices.signal(PathIds.require(id, DEVICE), PathIds.require(name, SIGNAL)));
    }

    /**
     * Writes a writable signal: 422 when it is read-only or the value is not of its type, 409 when the
     * device is not connected.
     *
     * @param id      a device id
     * @param name    one of its signals
     * @param body    {@code {"value": …}}
     * @param request for the audit line, which records the value
     * @return the signal after the write
     */
    @PUT
    @RequiresRole(Role.OPERATOR)
    @Path("{id}/signals/{name}")
    public SignalJson write(
            @PathParam("id") String id,
            @PathParam("name") String name,
            SignalJson.Write body,
            @Context ContainerRequestContext request) {
        PathIds.require(id, DEVICE);
        PathIds.require(name, SIGNAL);
        FieldProblems.requireBody(body, "a body {\"value\": …} is required");
        new FieldProblems().require(body.value(), "value").throwIfAny();
        AuditNotes.detail(request, "value=" + body.value());
        return SignalJson.of(devices.writeSignal(id, name, body.value()));
    }

    /**
     * Lists one level of a connected device's address space (an OPC UA server's nodes), for an engineer
     * picking signals: 409 when its type cannot browse or it is not connected, 422 for an address it
     * does not know.
     *
     * @param id      a device id
     * @param address where to list from, an {@code address} of an earlier answer; absent for the top
     * @return the entries there
     */
    @GET
    @RequiresRole(Role.ENGINEER)
    @Path("{id}/browse")
    public BrowseJson browse(@PathParam("id") String id, @QueryParam("address") String address) {
        PathIds.require(id, DEVICE);
        String from = address == null || address.isBlank() ? null : address;
        return BrowseJson.of(id, from, devices.browse(id, from));
    }

    private static Map<String, Object> config(Map<String, Object> config) {
        return config == null ? Map.of() : config;
    }
}
