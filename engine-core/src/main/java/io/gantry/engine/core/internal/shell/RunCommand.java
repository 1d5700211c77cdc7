package io.gantry.engine.core.internal.shell;

import io.gantry.engine.api.event.EventProperties;
import io.gantry.engine.api.execution.ExecutionRecord;
import io.gantry.engine.api.security.AuditTrail;
import io.gantry.engine.api.service.ExecutionService;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;

/**
 * {@code gantry:run <pipeline> [--follow]}: starts the latest version of a stored pipeline, as
 * {@code POST /api/pipelines/{id}/executions} does; with {@code --follow} prints every node state as
 * the event bus announces it, until the run ends.
 */
@Component(service = RunCommand.class)
@GogoCommand(scope = "gantry", function = "run")
public final class RunCommand {
    /** How long --follow waits for a run before giving the console back. */
    static final Duration FOLLOW_LIMIT = Duration.ofMinutes(10);

    private final ExecutionService executions;
    private final BundleContext context;
    private final ShellAudit audit;

    /**
     * @param executions the runs
     * @param context    to listen on the event bus while following
     * @param audit      where every start is recorded
     */
    @Activate
    public RunCommand(@Reference ExecutionService executions, BundleContext context, @Reference AuditTrail audit) {
        this.executions = executions;
        this.context = context;
        this.audit = new ShellAudit(audit, Clock.systemUTC());
    }

    private ExecutionRecord start(String pipelineId) {
        ExecutionRecord[] started = new ExecutionRecord[1];
        return audit.audited(
                "gantry:run",
                "pipeline/" + pipelineId,
                () -> started[0] == null ? "" : "execution " + started[0].id(),
                () -> started[0] = executions.start(pipelineId, null, Map.of(), ShellAudit.SHELL));
    }

    /**
     * @param session    the console session, printed to while following
     * @param follow     whether to print node states until the run ends
     * @param pipelineId a stored pipeline
     * @return the run's record line (its end when followed)
     * @throws InterruptedException when the console interrupts the follow
     */
    @Descriptor("runs the latest version of a stored pipeline; --follow prints node states as they change")
    public String run(
            CommandSession session,
            @Descriptor("print node states until the run ends")
                    @Parameter(
                            names = {"-f", "--follow"},
                            presentValue = "true",
                            absentValue = "false")
                    boolean follow,
            @Descriptor("the pipeline id") String pipelineId)
            throws InterruptedException {
        if (!follow) {
            return line(start(pipelineId));
        }
        // Gogo binds System.out to the calling session's output (ThreadIO) while a command runs;
        // session.getConsole() is the terminal, which a scripted session does not have
        PrintStream out = System.out;
        try (RunFollower follower = new RunFollower(context)) {
            ExecutionRecord started = start(pipelineId);
            out.println(line(started));
            if (!follower.printUntilEnd(started.id(), FOLLOW_LIMIT, event -> out.println(describe(event)))) {
                out.println("still running after " + FOLLOW_LIMIT.toMinutes() + " min; see gantry:executions");
            }
            // the end event is posted before the final record is stored: wait for the stored end
            return line(executions.await(started.id(), Duration.ofSeconds(5)));
        }
    }

    private static String line(ExecutionRecord run) {
        return "execution " + run.id() + " pipeline=" + run.pipelineId() + " version=" + run.pipelineVersion()
                + " status=" + run.status() + " done=" + run.done() + "/" + run.total()
                + (run.durationMs() == null ? "" : " durationMs=" + run.durationMs())
                + (run.error() == null ? "" : " error=\"" + run.error().message() + "\"");
    }

    private static String describe(Event event) {
        String topic = event.getTopic();
        String state = topic.substring(topic.lastIndexOf('/') + 1);
        Object node = event.getProperty(EventProperties.NODE_ID);
        Object error = event.getProperty(EventProperties.ERROR);
        return "  " + (node == null ? "pipeline" : "node " + node) + " " + state
                + (event.getProperty(EventProperties.ATTEMPT) == null
                        ? ""
                        : " attempt=" + event.getProperty(EventProperties.ATTEMPT))
                + (error == null ? "" : " error=\"" + error + "\"");
    }
}
