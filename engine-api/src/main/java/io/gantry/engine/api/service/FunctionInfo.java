package io.gantry.engine.api.service;

import io.gantry.engine.api.function.FunctionDescriptor;

/**
 * A function available now, with the plugin that provides it.
 *
 * @param descriptor    the function as its plugin describes it
 * @param plugin        symbolic name of the providing bundle
 * @param pluginVersion version of the providing bundle
 */
public record FunctionInfo(FunctionDescriptor descriptor, String plugin, String pluginVersion) {}
