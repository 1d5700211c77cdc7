package io.gantry.engine.core.internal.deploy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.Bundle;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells whether a started bundle's Declarative Services components came up: a component whose
 * constructor or activate method threw is FAILED_ACTIVATION, which a bundle start does not report.
 * SCR activates a started bundle's components on the starting thread when it can, but on its own
 * thread while the framework itself is starting (and a driver may take seconds to open its
 * controller), so the check waits, bounded, until every immediate component has an outcome.
 */
final class ActivationCheck {
    private static final Logger LOG = LoggerFactory.getLogger(ActivationCheck.class);

    private final ServiceComponentRuntime scr;
    private final long timeoutMs;

    ActivationCheck(ServiceComponentRuntime scr, long timeoutMs) {
        this.scr = scr;
        this.timeoutMs = timeoutMs;
    }

    /** @return what failed, one entry per failed component; empty when all came up */
    List<String> failures(Bundle bundle) {
        awaitOutcome(bundle);
        List<String> failures = new ArrayList<>();
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs(bundle)) {
            for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                if (configuration.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                    failures.add("component " + description.name + " failed: " + rootCause(configuration.failure));
                }
            }
        }
        return failures;
    }

    private void awaitOutcome(Bundle bundle) {
        boolean declaresComponents = bundle.getHeaders().get("Service-Component") != null;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        try {
            while (!settled(bundle, declaresComponents)) {
                if (System.nanoTime() > deadline) {
                    LOG.warn(
                            "components of {} {} have not all come up after {} ms; going on",
                            bundle.getSymbolicName(),
                            bundle.getVersion(),
                            timeoutMs);
                    return;
                }
                Thread.sleep(10); // a bounded poll of SCR's state, which has no listener to wait on
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Every immediate component is ACTIVE or FAILED_ACTIVATION; delayed ones need only be SATISFIED. */
    private boolean settled(Bundle bundle, boolean declaresComponents) {
        List<ComponentDescriptionDTO> descriptions = new ArrayList<>(scr.getComponentDescriptionDTOs(bundle));
        if (descriptions.isEmpty()) {
            return !declaresComponents || bundle.getState() != Bundle.ACTIVE;
        }
        for (ComponentDescriptionDTO description : descriptions) {
            if (!scr.isComponentEnabled(description)) {
                continue;
            }
            Collection<ComponentConfigurationDTO> configurations = scr.getComponentConfigurationDTOs(description);
            for (ComponentConfigurationDTO configuration : configurations) {
                boolean waiting = configuration.state == ComponentConfigurationDTO.SATISFIED && description.immediate;
                if (waiting) {
                    return false;
                }
            }
            boolean neverConfigured = configurations.isEmpty() && !"require".equals(description.configurationPolicy);
            if (neverConfigured) {
                return false;
            }
        }
        return true;
    }

    /**
     * SCR gives the failure as a stack trace; the words to show are those of its last "Caused by",
     * the exception the plugin's own code threw, without the class name in front.
     */
    static String rootCause(String failure) {
        if (failure == null || failure.isBlank()) {
            return "activation failed";
        }
        String cause = null;
        for (String line : failure.split("\\R")) {
            String trimmed = line.trim();
            if (cause == null && !trimmed.isEmpty()) {
                cause = trimmed;
            }
            if (trimmed.startsWith("Caused by: ")) {
                cause = trimmed.substring("Caused by: ".length());
            }
        }
        return withoutClassName(cause);
    }

    private static String withoutClassName(String line) {
        int colon = line.indexOf(": ");
        String head = colon < 0 ? line : line.substring(0, colon);
        boolean isClassName = head.matches("[\\w$.]+") && head.contains(".");
        if (!isClassName) {
            return line;
        }
        return colon < 0 ? head.substring(head.lastIndexOf('.') + 1) : line.substring(colon + 2);
    }
}
