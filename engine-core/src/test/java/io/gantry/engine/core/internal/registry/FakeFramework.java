package io.gantry.engine.core.internal.registry;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * Just enough of a framework for the registry: bundles with an id, name, version, location and
 * state, a context that lists them and tells its bundle listeners, and service references that name
 * their bundle. Built on proxies: the registry reads these few methods and nothing else.
 */
final class FakeFramework {
    final List<BundleListener> listeners = new CopyOnWriteArrayList<>();
    final Map<Long, Bundle> bundles = new ConcurrentHashMap<>();
    final Map<Long, Integer> states = new ConcurrentHashMap<>();
    final List<Event> events = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong(1);

    final BundleContext context = proxy(BundleContext.class, (method, args) -> switch (method) {
        case "addBundleListener" -> listeners.add((BundleListener) args[0]);
        case "removeBundleListener" -> listeners.remove(args[0]);
        case "getBundles" -> bundles.values().toArray(Bundle[]::new);
        default -> null;
    });

    final EventAdmin eventAdmin = new EventAdmin() {
        @Override
        public void postEvent(Event event) {
            events.add(event);
        }

        @Override
        public void sendEvent(Event event) {
            events.add(event);
        }
    };

    Bundle hotDeployed(String name, String version) {
        return bundle(name, version, PluginRegistry.HOT_DEPLOYED + name + ".jar");
    }

    Bundle bundle(String name, String version, String location) {
        long id = ids.getAndIncrement();
        states.put(id, Bundle.ACTIVE);
        Bundle bundle = proxy(Bundle.class, (method, args) -> switch (method) {
            case "getBundleId" -> id;
            case "getSymbolicName" -> name;
            case "getVersion" -> Version.parseVersion(version);
            case "getLocation" -> location;
            case "getState" -> states.get(id);
            case "hashCode" -> (int) id;
            case "equals" -> args[0] == bundles.get(id);
            case "toString" -> name + " " + version;
            default -> null;
        });
        bundles.put(id, bundle);
        return bundle;
    }

    @SuppressWarnings("unchecked")
    <S> ServiceReference<S> reference(Bundle bundle) {
        return proxy(ServiceReference.class, (method, args) -> "getBundle".equals(method) ? bundle : null);
    }

    /** The bundle stopped (its services were unbound before) or left. */
    void fire(Bundle bundle, int type) {
        if (type == BundleEvent.STOPPED) {
            states.put(bundle.getBundleId(), Bundle.RESOLVED);
        }
        if (type == BundleEvent.UNINSTALLED) {
            bundles.remove(bundle.getBundleId());
        }
        new ArrayList<>(listeners).forEach(listener -> listener.bundleChanged(new BundleEvent(type, bundle)));
    }

    private interface Answer {
        Object answer(String method, Object[] args);
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Answer answer) {
        return (T) Proxy.newProxyInstance(
                type.getClassLoader(),
                new Class<?>[] {type},
                (self, method, args) -> answer.answer(method.getName(), args));
    }
}
