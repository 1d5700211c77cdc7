package io.gantry.engine.api.service;

import java.util.List;

/**
 * A plugin bundle as the controller sees it now.
 *
 * @param symbolicName the bundle's symbolic name
 * @param version      the bundle's version
 * @param state        {@code ACTIVE} when it serves; {@code REFUSED} when it was refused as a whole (a
 *                     wrong descriptor, an id owned by another plugin); {@code FAILED} when it did not
 *                     start and no earlier version could serve; otherwise the bundle's state
 *                     ({@code RESOLVED}, {@code INSTALLED}, ...)
 * @param deviceTypes  ids of the device types it provides now
 * @param functions    ids of the functions it provides now
 * @param lastError    the last failure to install, update or start it; null when none
 */
public record PluginInfo(
        String symbolicName,
        String version,
        String state,
        List<String> deviceTypes,
        List<String> functions,
        String lastError) {}
