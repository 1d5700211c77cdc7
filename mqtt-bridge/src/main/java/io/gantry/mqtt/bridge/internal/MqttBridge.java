package io.gantry.mqtt.bridge.internal;

import io.gantry.engine.api.error.NotFoundException;
import io.gantry.engine.api.event.EventLog;
import io.gantry.engine.api.event.EventProperties;
import io.gantry.engine.api.health.HealthCheck;
import io.gantry.engine.api.health.HealthStatus;
import io.gantry.engine.api.metrics.ControllerMetrics;
import io.gantry.engine.api.security.AuditTrail;
import io.gantry.engine.api.security.Role;
import io.gantry.engine.api.security.UserAdministration;
import io.gantry.engine.api.service.DeviceService;
import io.gantry.engine.api.service.ExecutionService;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.eclipse.tahu.message.SparkplugBPayloadDecoder;
import org.eclipse.tahu.message.model.SparkplugBPayload;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventHandler;
import org.osgi.service.event.propertytypes.EventTopics;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MQTT bridge: the controller as a Sparkplug B edge node (and its devices) on a broker, its
 * execution events as JSON beside that, and commands back when allowed. Runs only while the
 * configuration {@value MqttBridgeConfiguration#PID} exists; a changed one reconnects with the new
 * settings, a removed one publishes NDEATH and disconnects. The event handler only wakes the
 * publisher: all I/O is on the bridge's own threads. Reports itself as the health part {@code mqtt}.
 */
@Component(
        service = {EventHandler.class, HealthCheck.class},
        configurationPid = MqttBridgeConfiguration.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE,
        property = HealthCheck.PART + "=" + MqttBridge.PART)
@EventTopics("gantry/*")
@Designate(ocd = MqttBridgeConfiguration.class)
public final class MqttBridge implements EventHandler, HealthCheck {
    static final String PART = "mqtt";
    private static final Logger LOG = LoggerFactory.getLogger(MqttBridge.class);

    private final Path folder;
    private final EventLog log;
    private final DeviceService devices;
    private final ExecutionService executions;
    private final AuditTrail audit;
    private final UserAdministration users;
    private volatile ControllerMetrics metrics;
    private volatile Running running;
    private volatile String configError;

    /**
     * @param context    gives the data folder ({@code gantry.data})
     * @param config     the bridge's settings
     * @param log        the durable event log the stream is read from
     * @param devices    the devices and their signals
     * @param executions runs pipelines on command
     * @param audit      records every command
     * @param users      the command user's role
     */
    @Activate
    public MqttBridge(
            BundleContext context,
            MqttBridgeConfiguration config,
            @Reference EventLog log,
            @Reference DeviceService devices,
            @Reference ExecutionService executions,
            @Reference AuditTrail audit,
            @Reference UserAdministration users) {
        String data = context.getProperty("gantry.data");
        this.folder = Path.of(data == null || data.isBlank() ? "data" : data).resolve("mqtt");
        this.log = log;
        this.devices = devices;
        this.executions = executions;
        this.audit = audit;
        this.users = users;
        begin(config);
    }

    /** @param config the changed settings: disconnects cleanly and connects with them */
    @Modified
    void modified(MqttBridgeConfiguration config) {
        LOG.info("MQTT: configuration changed; reconnecting");
        end();
        begin(config);
    }

    @Deactivate
    void deactivate() {
        end();
    }

    /** @param controllerMetrics the controller's metrics, fed while present */
    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindMetrics(ControllerMetrics controllerMetrics) {
        this.metrics = controllerMetrics;
    }

    void unbindMetrics(ControllerMetrics controllerMetrics) {
        if (this.metrics == controllerMetrics) {
            this.metrics = null;
        }
    }

    @Override
    public void handleEvent(Event event) {
        Running now = running;
        if (now == null) {
            return;
        }
        Object epoch = event.getProperty(EventProperties.EPOCH);
        Object seq = event.getProperty(EventProperties.SEQ);
        if (epoch != null && seq instanceof Number number) {
            now.publisher.seen(epoch.toString(), number.longValue());
        }
    }

    @Override
    public String part() {
        return PART;
    }

    @Override
    public HealthStatus check() {
        Map<String, Object> details = new LinkedHashMap<>();
        Running now = running;
        if (now == null) {
            details.put("connected", false);
            details.put("lastError", configError == null ? "not running" : configError);
            return new HealthStatus(false, details);
        }
        Publisher publisher = now.publisher;
        details.put("connected", publisher.connected());
        details.put("broker", now.settings.brokerUrl());
        details.put("groupId", now.settings.groupId());
        details.put("edgeNodeId", now.settings.edgeNodeId());
        details.put("backlog", publisher.backlog());
        details.put("published", publisher.published());
        details.put("dropped", publisher.dropped());
        if (publisher.bdSeq() >= 0) {
            details.put("bdSeq", publisher.bdSeq());
        }
        if (publisher.cursor() != null) {
            details.put("cursor", publisher.cursor().toString());
        }
        details.put("commandsEnabled", now.settings.commandsEnabled());
        if (publisher.lastError() != null) {
            details.put("lastError", publisher.lastError());
        }
        return new HealthStatus(publisher.connected(), details);
    }

    private void begin(MqttBridgeConfiguration config) {
        BridgeSettings settings;
        try {
            settings = BridgeSettings.of(config);
        } catch (IllegalArgumentException e) {
            configError = e.getMessage();
            LOG.error("MQTT: the bridge does not run: {}", e.getMessage());
            return;
        }
        configError = null;
        Running next = new Running(settings);
        running = next;
        next.publisher.start();
    }

    private void end() {
        Running was = running;
        running = null;
        if (was != null) {
            was.stop();
        }
    }

    private Optional<Role> roleOf(String user) {
        try {
            return Optional.of(users.user(user).role());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /** One configuration's bridge: its publisher and its command thread. */
    private final class Running {
        private final BridgeSettings settings;
        private final Publisher publisher;
        private final CommandHandler commands;
        private final ThreadPoolExecutor commandThread;
        private final String nodeCommands;
        private final String deviceCommands;

        Running(BridgeSettings settings) {
            this.settings = settings;
            this.nodeCommands = "spBv1.0/" + settings.groupId() + "/NCMD/" + settings.edgeNodeId();
            this.deviceCommands = "spBv1.0/" + settings.groupId() + "/DCMD/" + settings.edgeNodeId() + "/";
            // one at a time, in arrival order; a flood beyond 100 waiting is dropped (and logged), never queued without
            // bound
            this.commandThread =
                    new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(100), runnable -> {
                        Thread thread = new Thread(runnable, "gantry-mqtt-commands");
                        thread.setDaemon(true);
                        return thread;
                    });
            this.publisher = new Publisher(
                    settings,
                    log,
                    devices,
                    () -> metrics,
                    new BdSeqStore(folder.resolve("bdseq")),
                    new CursorStore(folder.resolve("cursor")),
                    this::arrived);
            this.commands = new CommandHandler(
                    settings,
                    new CommandPolicy(settings, MqttBridge.this::roleOf),
                    devices,
                    executions,
                    audit,
                    () -> metrics,
                    publisher::requestRebirth);
        }

        /** On Paho's thread: hand the command to the command thread. */
        private void arrived(String topic, byte[] payload) {
            try {
                commandThread.execute(() -> handle(topic, payload));
            } catch (RejectedExecutionException e) {
                LOG.warn("MQTT: command on {} dropped: 100 commands are waiting already", topic);
            }
        }

        private void handle(String topic, byte[] payload) {
            SparkplugBPayload decoded;
            try {
                decoded = new SparkplugBPayloadDecoder().buildFromByteArray(payload, null);
            } catch (Exception e) {
                LOG.warn("MQTT: command on {} refused: not a Sparkplug B payload ({})", topic, e.getMessage());
                return;
            }
            try {
                if (topic.equals(nodeCommands)) {
                    commands.nodeCommand(decoded);
                } else if (topic.startsWith(deviceCommands) && topic.indexOf('/', deviceCommands.length()) < 0) {
                    commands.deviceCommand(topic.substring(deviceCommands.length()), decoded);
                } else {
                    LOG.warn("MQTT: message on {} ignored: not a command topic of this node", topic);
                }
            } catch (RuntimeException e) {
                LOG.error("MQTT: command on {} failed", topic, e);
            }
        }

        void stop() {
            publisher.stop();
            commandThread.shutdown();
            try {
                if (!commandThread.awaitTermination(5, TimeUnit.SECONDS)) {
                    commandThread.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
