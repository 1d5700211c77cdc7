package io.gantry.engine.core.internal.shell;

import io.gantry.engine.api.execution.ExecutionRecord;
import io.gantry.engine.api.pipeline.PipelineSummary;
import io.gantry.engine.api.security.AuditTrail;
import io.gantry.engine.api.service.DeviceInfo;
import io.gantry.engine.api.service.DeviceService;
import io.gantry.engine.api.service.ExecutionQuery;
import io.gantry.engine.api.service.ExecutionService;
import io.gantry.engine.api.service.PipelineService;
import io.gantry.engine.api.service.PluginCatalog;
import io.gantry.engine.api.service.PluginInfo;
import java.time.Clock;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Console commands that show what the REST API shows: {@code gantry:plugins}, {@code gantry:devices},
 * {@code gantry:connect}, {@code gantry:pipelines}, {@code gantry:executions}. They call the same
 * use-case services as the REST resources, so the console and the panels never disagree.
 */
@Component(service = InventoryCommands.class)
@GogoCommand(
        scope = "gantry",
        function = {"plugins", "devices", "connect", "pipelines", "executions"})
public final class InventoryCommands {
    private final PluginCatalog catalog;
    private final DeviceService devices;
    private final PipelineService pipelines;
    private final ExecutionService executions;
    private final ShellAudit audit;

    /**
     * @param catalog    the live plugins
     * @param devices    the devices
     * @param pipelines  the stored pipelines
     * @param executions the runs
     * @param audit      where a connect from the console is recorded
     */
    @Activate
    public InventoryCommands(
            @Reference PluginCatalog catalog,
            @Reference DeviceService devices,
            @Reference PipelineService pipelines,
            @Reference ExecutionService executions,
            @Reference AuditTrail audit) {
        this.catalog = catalog;
        this.devices = devices;
        this.pipelines = pipelines;
        this.executions = executions;
        this.audit = new ShellAudit(audit, Clock.systemUTC());
    }

    /** @return one line per plugin */
    @Descriptor("lists the plugins: symbolic name, version, state, device types, functions, last error")
    public String plugins() {
        Table table = new Table("PLUGIN", "VERSION", "STATE", "DEVICE TYPES", "FUNCTIONS", "LAST ERROR");
        for (PluginInfo plugin : catalog.plugins()) {
            table.row(
                    plugin.symbolicName(),
                    plugin.version(),
                    plugin.state(),
                    String.join(",", plugin.deviceTypes()),
                    String.join(",", plugin.functions()),
                    plugin.lastError());
        }
        return table.toString();
    }

    /** @return one line per device */
    @Descriptor("lists the devices: id, type, name, status, breaker, last error")
    public String devices() {
        Table table = new Table("DEVICE", "TYPE", "NAME", "STATUS", "BREAKER", "LAST ERROR");
        for (DeviceInfo device : devices.list()) {
            table.row(device.id(), device.type(), device.name(), device.status(), device.breaker(), device.lastError());
        }
        return table.toString();
    }

    /**
     * @param id a device id
     * @return the device's state after connecting
     */
    @Descriptor("connects a device and prints its status")
    public String connect(@Descriptor("the device id") String id) {
        DeviceInfo device = audit.audited("gantry:connect", "device/" + id, () -> "", () -> devices.connect(id));
        return device.id() + " " + device.status() + (device.lastError() == null ? "" : " " + device.lastError());
    }

    /** @return one line per pipeline */
    @Descriptor("lists the stored pipelines: id, name, latest version, whether it validates now")
    public String pipelines() {
        Table table = new Table("PIPELINE", "NAME", "VERSION", "VALID", "UPDATED");
        for (PipelineSummary pipeline : pipelines.list()) {
            table.row(pipeline.id(), pipeline.name(), pipeline.version(), pipeline.valid(), pipeline.updatedAt());
        }
        return table.toString();
    }

    /**
     * @param pipelineId only runs of this pipeline, or all when empty
     * @param limit      how many, newest first
     * @return one line per run
     */
    @Descriptor("lists the latest executions, newest first")
    public String executions(
            @Descriptor("only runs of this pipeline")
                    @Parameter(
                            names = {"-p", "--pipeline"},
                            absentValue = "")
                    String pipelineId,
            @Descriptor("how many to show")
                    @Parameter(
                            names = {"-n", "--limit"},
                            absentValue = "20")
                    int limit) {
        Table table = new Table("EXECUTION", "PIPELINE", "VERSION", "STATUS", "DONE", "STARTED", "DURATION MS");
        for (ExecutionRecord run :
                executions.list(new ExecutionQuery(pipelineId.isEmpty() ? null : pipelineId, null, limit))) {
            table.row(
                    run.id(),
                    run.pipelineId(),
                    run.pipelineVersion(),
                    run.status(),
                    run.done() + "/" + run.total(),
                    run.startedAt(),
                    run.durationMs());
        }
        return table.toString();
    }
}
