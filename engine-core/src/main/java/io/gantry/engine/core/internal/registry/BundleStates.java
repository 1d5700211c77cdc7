package io.gantry.engine.core.internal.registry;

import org.osgi.framework.Bundle;

/** Names of bundle states as the REST API shows them. */
public final class BundleStates {
    private BundleStates() {}

    /**
     * @param state a {@link Bundle#getState()} value
     * @return its name, such as {@code ACTIVE}
     */
    public static String name(int state) {
        return switch (state) {
            case Bundle.UNINSTALLED -> "UNINSTALLED";
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            default -> "UNKNOWN";
        };
    }
}
