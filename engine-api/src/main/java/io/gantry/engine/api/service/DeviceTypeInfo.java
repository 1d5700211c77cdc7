package io.gantry.engine.api.service;

import io.gantry.engine.api.device.DeviceTypeDescriptor;

/**
 * A device type available now, with the plugin that provides it.
 *
 * @param descriptor    the type as its driver describes it
 * @param plugin        symbolic name of the providing bundle
 * @param pluginVersion version of the providing bundle
 */
public record DeviceTypeInfo(DeviceTypeDescriptor descriptor, String plugin, String pluginVersion) {}
