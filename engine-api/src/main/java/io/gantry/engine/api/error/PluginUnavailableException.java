package io.gantry.engine.api.error;

/** The plugin that provides a function or device type is not installed now. */
public class PluginUnavailableException extends CodedException {
    private static final long serialVersionUID = 1L;
    private static final String CODE = "plugin-unavailable";

    /**
     * @param message what went wrong and where
     */
    public PluginUnavailableException(String message) {
        super(CODE, message);
    }

    /**
     * @param message what went wrong and where
     * @param cause   the underlying failure
     */
    public PluginUnavailableException(String message, Throwable cause) {
        super(CODE, message, cause);
    }
}
