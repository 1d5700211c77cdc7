package io.gantry.engine.core.internal.deploy;

import java.util.ArrayList;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * Tells whether a started bundle's Declarative Services components came up: a component whose
 * constructor or activate method threw is FAILED_ACTIVATION, which a bundle start does not report.
 */
final class ActivationCheck {
    private final ServiceComponentRuntime scr;

    ActivationCheck(ServiceComponentRuntime scr) {
        this.scr = scr;
    }

    /** @return what failed, one entry per failed component; empty when all came up */
    List<String> failures(Bundle bundle) {
        List<String> failures = new ArrayList<>();
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs(bundle)) {
            for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                if (configuration.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                    failures.add(description.name + ": " + firstLine(configuration.failure));
                }
            }
        }
        return failures;
    }

    private static String firstLine(String failure) {
        if (failure == null) {
            return "activation failed";
        }
        int end = failure.indexOf('\n');
        return (end < 0 ? failure : failure.substring(0, end)).trim();
    }
}
