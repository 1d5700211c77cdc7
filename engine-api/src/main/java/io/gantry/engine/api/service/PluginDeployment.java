package io.gantry.engine.api.service;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Deploys and removes plugins through {@code deploy/}, exactly as a file dropped there is: the jar
 * lands in the folder atomically and goes through the same checks, events and rollback.
 */
@ProviderType
public interface PluginDeployment {
    /**
     * Installs a plugin, or updates the one with the same symbolic name, and waits for the outcome.
     *
     * @param jar the plugin jar's content
     * @return the plugin as it serves now, and whether it was new
     * @throws io.gantry.engine.api.error.PluginRefusedException when the jar is not a plugin (nothing
     *     is written) or its version does not serve (the message is its {@code lastError}; an
     *     earlier version may serve again)
     */
    Deployed deploy(byte[] jar);

    /**
     * Removes a plugin: its file leaves deploy/ and its devices become UNAVAILABLE.
     *
     * @param symbolicName the plugin's symbolic name
     * @throws io.gantry.engine.api.error.NotFoundException when no plugin of that name was deployed
     */
    void remove(String symbolicName);

    /**
     * The outcome of a deployment.
     *
     * @param plugin  the plugin as it serves now
     * @param created true when it was not deployed before
     */
    record Deployed(PluginInfo plugin, boolean created) {}
}
