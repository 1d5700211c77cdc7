package io.gantry.engine.api.error;

/**
 * A plugin jar was not deployed, or its version does not serve: it is not a bundle, not signed as
 * required, did not start, or was refused (a wrong descriptor, an id owned by another plugin). The
 * message says which and why, in the plugin's own words; an earlier version may still serve.
 */
public class PluginRefusedException extends CodedException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what was wrong with the plugin
     */
    public PluginRefusedException(String message) {
        super("plugin-refused", message);
    }
}
