package io.gantry.engine.core.internal.metrics;

import static io.gantry.engine.api.event.EventProperties.DEVICE_ID;
import static io.gantry.engine.api.event.EventProperties.DURATION_MS;
import static io.gantry.engine.api.event.EventProperties.ERROR;
import static io.gantry.engine.api.event.EventProperties.EXECUTION_ID;
import static io.gantry.engine.api.event.EventProperties.PIPELINE_ID;
import static io.gantry.engine.api.event.EventProperties.PIPELINE_VERSION;
import static io.gantry.engine.api.event.EventProperties.STATUS;

import io.gantry.engine.core.internal.logging.MdcKeys;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventHandler;
import org.osgi.service.event.propertytypes.EventTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One log line per execution end and per device state change, as {@code key=value} pairs an
 * operator can grep and a log shipper can parse. The execution's line carries its id in the MDC
 * ({@link MdcKeys#EXECUTION_ID}) as well, so a log pattern with {@code %X{executionId}} ties it to the
 * run's other lines.
 */
@Component(service = EventHandler.class)
@EventTopics({"gantry/pipeline/COMPLETED", "gantry/pipeline/FAILED", "gantry/pipeline/CANCELLED", "gantry/device/*"})
public final class OperatorLog implements EventHandler {
    private static final Logger EXECUTIONS = LoggerFactory.getLogger("gantry.executions");
    private static final Logger DEVICES = LoggerFactory.getLogger("gantry.devices");

    @Override
    public void handleEvent(Event event) {
        String topic = event.getTopic();
        String state = topic.substring(topic.lastIndexOf('/') + 1);
        if (topic.startsWith("gantry/pipeline/")) {
            executionEnded(event);
        } else {
            DEVICES.info("device.state device={} state={}{}", event.getProperty(DEVICE_ID), state, error(event));
        }
    }

    private static void executionEnded(Event event) {
        Object id = event.getProperty(EXECUTION_ID);
        try (MDC.MDCCloseable ignored = MDC.putCloseable(MdcKeys.EXECUTION_ID, String.valueOf(id))) {
            Object pipeline = event.getProperty(PIPELINE_ID);
            EXECUTIONS.info(
                    "execution.end id={} pipeline={} version={} status={} durationMs={}{}",
                    id,
                    pipeline == null ? EventMetrics.INLINE : pipeline,
                    event.getProperty(PIPELINE_VERSION),
                    event.getProperty(STATUS),
                    event.getProperty(DURATION_MS),
                    error(event));
        }
    }

    private static String error(Event event) {
        Object error = event.getProperty(ERROR);
        return error == null ? "" : " error=\"" + error.toString().replace("\"", "'") + "\"";
    }
}
