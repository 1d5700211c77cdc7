package io.gantry.engine.api.service;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** The live view of installed plugins and what they provide. Changes as bundles come and go. */
@ProviderType
public interface PluginCatalog {
    /** @return every plugin bundle installed now, by symbolic name */
    List<PluginInfo> plugins();

    /**
     * @return every file in deploy/ that is not a plugin and is ignored, by file name, with the reason
     *     (a jar that is not an OSGi bundle, a file that is neither a jar nor a configuration)
     */
    List<RejectedFile> rejectedFiles();

    /** @return every device type available now, by id */
    List<DeviceTypeInfo> deviceTypes();

    /** @return every function available now, by id */
    List<FunctionInfo> functions();

    /**
     * @param functionId a function id
     * @return the function, when available now
     */
    Optional<FunctionInfo> function(String functionId);

    /**
     * @param deviceTypeId a device type id
     * @return the device type, when available now
     */
    Optional<DeviceTypeInfo> deviceType(String deviceTypeId);
}
