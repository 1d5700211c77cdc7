package io.gantry.engine.core.internal.logging;

import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;
import org.osgi.service.log.admin.LoggerAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Routes the two other logging systems of the runtime into SLF4J, so that every line reaches the
 * console and the rolling file: the OSGi Log service (where SCR and the framework report component
 * failures, which are otherwise silent) and java.util.logging (Jersey and HK2).
 */
@Component(service = {}) // registers nothing: it only listens
public final class LogBridge implements LogListener {
    private static final String FRAMEWORK_EVENTS = "Events.";
    private final LogReaderService logReader;

    /**
     * @param logReader   the OSGi log's reader, to which this bridge subscribes
     * @param loggerAdmin the OSGi log's level settings; its default (WARN) would drop the INFO lines
     *                    FileInstall writes for every plugin it installs, updates or removes
     */
    @Activate
    public LogBridge(@Reference LogReaderService logReader, @Reference LoggerAdmin loggerAdmin) {
        this.logReader = logReader;
        loggerAdmin
                .getLoggerContext(null)
                .setLogLevels(Map.of(org.osgi.service.log.Logger.ROOT_LOGGER_NAME, LogLevel.INFO));
        // SLF4J must find its provider before JUL is bridged: the ServiceLoader mediator logs through
        // JUL while it weaves slf4j-api, and a bridged record then would re-enter SLF4J's start-up.
        LoggerFactory.getILoggerFactory();
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        logReader.addLogListener(this);
    }

    @Deactivate
    void deactivate() {
        logReader.removeLogListener(this);
        SLF4JBridgeHandler.uninstall();
    }

    @Override
    public void logged(LogEntry entry) {
        if (entry.getLoggerName() != null && entry.getLoggerName().startsWith(FRAMEWORK_EVENTS)) {
            return; // every bundle and service event, logged by the Log service itself: noise
        }
        Logger logger = LoggerFactory.getLogger(entry.getLoggerName() == null ? "osgi" : entry.getLoggerName());
        String message = "[" + entry.getBundle().getSymbolicName() + "] " + entry.getMessage();
        Throwable error = entry.getException();
        switch (entry.getLogLevel()) {
            case AUDIT, ERROR -> logger.error(message, error);
            case WARN -> logger.warn(message, error);
            case INFO -> logger.info(message, error);
            case DEBUG -> logger.debug(message, error);
            default -> logger.trace(message, error);
        }
    }
}
