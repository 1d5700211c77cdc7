package io.gantry.engine.core.internal.registry;

import org.osgi.framework.Bundle;

/**
 * A plugin service as the registry keeps it: the service, what it described itself as when it
 * arrived, and the bundle that offers it.
 *
 * @param <S>        the service type
 * @param <D>        the descriptor type
 * @param service    the live service object
 * @param descriptor its descriptor, read once when it was bound
 * @param bundle     the providing bundle
 */
public record Provided<S, D>(S service, D descriptor, Bundle bundle) {
    /** @return the providing bundle's symbolic name */
    public String plugin() {
        return bundle.getSymbolicName();
    }

    /** @return the providing bundle's version */
    public String version() {
        return bundle.getVersion().toString();
    }
}
