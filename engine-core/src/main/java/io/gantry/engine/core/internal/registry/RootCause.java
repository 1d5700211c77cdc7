package io.gantry.engine.core.internal.registry;

import java.lang.reflect.InvocationTargetException;

/**
 * The words a plugin's author can act on from a failure: the message of the deepest cause, not the
 * reflective or framework wrapper around it ("cannot open the belt controller port", not
 * "InvocationTargetException").
 */
public final class RootCause {
    private RootCause() {}

    /**
     * @param failure what was thrown
     * @return the deepest cause's message, or its class name when it has none
     */
    public static String message(Throwable failure) {
        Throwable deepest = failure;
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            deepest = deepest.getCause();
        }
        if (deepest instanceof InvocationTargetException target && target.getTargetException() != null) {
            deepest = target.getTargetException();
        }
        String message = deepest.getMessage();
        return message == null || message.isBlank() ? deepest.getClass().getSimpleName() : message;
    }
}
