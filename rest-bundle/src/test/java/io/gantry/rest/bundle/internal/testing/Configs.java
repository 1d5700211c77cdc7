package io.gantry.rest.bundle.internal.testing;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.util.Map;

/** Component configurations for tests, as SCR would make them: annotation instances. */
public final class Configs {
    private Configs() {}

    /**
     * @param type   a configuration annotation type
     * @param values the attributes to set; the others keep their defaults
     * @param <A>    the type
     * @return an instance of it
     */
    public static <A extends Annotation> A of(Class<A> type, Map<String, Object> values) {
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            if (method.getName().equals("annotationType")) {
                return type;
            }
            return values.containsKey(method.getName()) ? values.get(method.getName()) : method.getDefaultValue();
        });
        return type.cast(proxy);
    }
}
