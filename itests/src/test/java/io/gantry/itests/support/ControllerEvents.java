package io.gantry.itests.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * Publishes events as the controller does, through its own publisher. {@code gantry/*} events are the
 * controller's: its publisher numbers each one (epoch, seq) and writes it to the event log, and the
 * stream carries only those; an event posted straight to EventAdmin is left out. The publisher's class
 * is internal to engine-core (its package is not exported), so the test reaches it by the service's
 * class name and calls its public {@code publish(String, Map)} reflectively.
 */
public final class ControllerEvents {
    private static final String PUBLISHER = "io.gantry.engine.core.internal.events.EventPublisher";

    private final Object publisher;
    private final Method publish;

    private ControllerEvents(Object publisher) {
        this.publisher = publisher;
        try {
            this.publish = publisher.getClass().getMethod("publish", String.class, Map.class);
        } catch (NoSuchMethodException e) {
            throw new AssertionError(PUBLISHER + " has no publish(String, Map)", e);
        }
    }

    /**
     * @param context a bundle context of the running controller
     * @return its publisher
     */
    public static ControllerEvents of(BundleContext context) {
        ServiceReference<?> reference = context.getServiceReference(PUBLISHER);
        if (reference == null) {
            throw new AssertionError("no " + PUBLISHER + " service");
        }
        return new ControllerEvents(context.getService(reference));
    }

    /**
     * Queues an event; never blocks (the publisher drops and announces under overload).
     *
     * @param topic      its topic, under {@code gantry/}
     * @param properties its properties
     */
    public void publish(String topic, Map<String, ?> properties) {
        try {
            publish.invoke(publisher, topic, properties);
        } catch (IllegalAccessException e) {
            throw new AssertionError("cannot call " + PUBLISHER + ".publish", e);
        } catch (InvocationTargetException e) {
            throw new AssertionError("publishing failed", e.getCause());
        }
    }
}
