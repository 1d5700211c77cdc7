package io.gantry.engine.api.signal;

import io.gantry.engine.api.function.PortType;
import java.util.Map;
import java.util.Objects;

/**
 * One place in a device's address space, as {@link SignalBrowser#browse} lists it.
 *
 * @param address     where it is, in the protocol's own notation (an OPC UA node id); what to browse next
 * @param name        what the device calls it
 * @param kind        what it is, in the protocol's words: {@code folder}, {@code object}, {@code variable},
 *                    {@code method} are the usual ones
 * @param type        for a value, the type it maps to; null for anything else
 * @param access      for a value, whether it can be read, written or both; null for anything else
 * @param hasChildren whether browsing {@code address} may list more
 * @param signal      for a value that can become a signal, the entry the device's config takes in its
 *                    {@code signals} list to make it one (its name, address and defaults), JSON-like;
 *                    null when it cannot be a signal
 */
public record BrowseEntry(
        String address,
        String name,
        String kind,
        PortType type,
        SignalAccess access,
        boolean hasChildren,
        Map<String, Object> signal) {
    /** Checks that where and what are present, and keeps a copy of the signal entry. */
    public BrowseEntry {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        signal = signal == null ? null : Map.copyOf(signal);
    }
}
