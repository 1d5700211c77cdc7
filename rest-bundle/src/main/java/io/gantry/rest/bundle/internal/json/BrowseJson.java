package io.gantry.rest.bundle.internal.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.gantry.engine.api.signal.BrowseEntry;
import java.util.List;
import java.util.Map;

/**
 * One level of a device's address space, as {@code GET /api/devices/{id}/browse} answers it.
 *
 * @param deviceId the device
 * @param address  where it was listed from; null for the top
 * @param entries  what is there
 */
public record BrowseJson(
        String deviceId,
        @JsonInclude(JsonInclude.Include.ALWAYS) String address,
        List<Entry> entries) {
    /**
     * @param deviceId the device
     * @param address  where from
     * @param entries  what the device listed
     * @return the answer
     */
    public static BrowseJson of(String deviceId, String address, List<BrowseEntry> entries) {
        return new BrowseJson(deviceId, address, entries.stream().map(Entry::of).toList());
    }

    /**
     * One entry.
     *
     * @param address     where it is (an OPC UA node id): the {@code address} to browse next
     * @param name        what the device calls it
     * @param kind        {@code folder}, {@code object}, {@code variable}, {@code method}, …
     * @param type        for a value, its type as a port's; absent otherwise
     * @param access      for a value, {@code read}, {@code write} or {@code read-write}; absent otherwise
     * @param hasChildren whether browsing it may list more
     * @param signal      for a value that can be a signal, the entry to add to the device config's
     *                    {@code signals}; absent otherwise
     */
    public record Entry(
            String address,
            String name,
            String kind,
            @JsonInclude(JsonInclude.Include.NON_NULL) String type,
            @JsonInclude(JsonInclude.Include.NON_NULL) String access,
            boolean hasChildren,
            @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> signal) {
        static Entry of(BrowseEntry e) {
            return new Entry(
                    e.address(),
                    e.name(),
                    e.kind(),
                    e.type() == null ? null : e.type().id(),
                    e.access() == null ? null : e.access().id(),
                    e.hasChildren(),
                    e.signal());
        }
    }
}
