package io.gantry.mqtt.bridge.internal;

import io.gantry.engine.api.security.Identity;
import io.gantry.engine.api.security.Role;
import java.util.Optional;
import java.util.function.Function;

/**
 * Who a command from the broker acts as, and whether it may: commands are off unless configured, and
 * then act as the configured user with the configured role, never more than that user's own role
 * (as a token never does more than its owner).
 */
final class CommandPolicy {
    private final BridgeSettings settings;
    private final Function<String, Optional<Role>> userRoles;

    /**
     * @param settings  commandsEnabled, commandUser, commandRole
     * @param userRoles a user's role now, empty when there is no such user
     */
    CommandPolicy(BridgeSettings settings, Function<String, Optional<Role>> userRoles) {
        this.settings = settings;
        this.userRoles = userRoles;
    }

    /**
     * @param needed the least role the action needs
     * @param what   the action, for the refusal's words (e.g. {@code write a signal})
     * @return the identity it acts as, or why it may not
     */
    Decision authorize(Role needed, String what) {
        if (!settings.commandsEnabled()) {
            return Decision.denied("commands are off (commandsEnabled=false)");
        }
        String user = settings.commandUser();
        Optional<Role> own = userRoles.apply(user);
        if (own.isEmpty()) {
            return Decision.denied("the command user '" + user + "' does not exist");
        }
        Role role = own.get().compareTo(settings.commandRole()) < 0 ? own.get() : settings.commandRole();
        if (!role.includes(needed)) {
            return Decision.denied(
                    "'" + user + "' as " + role.id() + " may not " + what + " (needs " + needed.id() + ")");
        }
        return new Decision(new Identity(user, null, role), null);
    }

    /** @return who a command is recorded as in the audit trail, whether or not it may act */
    String who() {
        return settings.commandUser() == null ? "anonymous" : settings.commandUser();
    }

    /**
     * @param identity who the command acts as, when it may
     * @param refusal  why it may not, otherwise
     */
    record Decision(Identity identity, String refusal) {
        static Decision denied(String why) {
            return new Decision(null, why);
        }

        boolean allowed() {
            return identity != null;
        }
    }
}
