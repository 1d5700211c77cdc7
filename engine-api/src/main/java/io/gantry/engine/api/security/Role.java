package io.gantry.engine.api.security;

import java.util.Locale;

/**
 * What a caller may do. Each role includes everything the roles before it may do.
 */
public enum Role {
    /** Reads everything and follows the event stream. */
    VIEWER,
    /** Also runs and cancels executions, connects and disconnects devices, writes signals. */
    OPERATOR,
    /** Also creates, edits and deletes pipelines and devices. */
    ENGINEER,
    /** Also deploys plugins and administers users, tokens and configuration. */
    ADMIN;

    /**
     * @param required the role an action needs
     * @return true when this role may do it
     */
    public boolean includes(Role required) {
        return compareTo(required) >= 0;
    }

    /** @return the role's name in JSON and on the command line: {@code viewer}, {@code operator}, … */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param id a role's name, as {@link #id()} gives it
     * @return the role
     * @throws IllegalArgumentException when there is no such role; the message lists those there are
     */
    public static Role of(String id) {
        for (Role role : values()) {
            if (role.id().equals(id)) {
                return role;
            }
        }
        throw new IllegalArgumentException(
                "unknown role '" + id + "'; the roles are viewer, operator, engineer and admin");
    }
}
