package io.gantry.engine.api.error;

/** The plugin that provides a function or device type is not installed now. */
public class PluginUnavailableException extends GantryException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong and where
     */
    public PluginUnavailableException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and where
     * @param cause   the underlying failure
     */
    public PluginUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String code() {
        return "plugin-unavailable";
    }
}
