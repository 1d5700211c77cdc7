package io.gantry.rest.bundle.internal.testing;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The bundle's JAX-RS resources, found by walking its compiled classes rather than from a list. */
public final class ResourceClasses {
    private static final String ROOT_PACKAGE = "io.gantry.rest.bundle.internal";

    private ResourceClasses() {}

    /** @return every class of the bundle with a class-level {@code @Path} */
    public static List<Class<?>> all() throws Exception {
        java.nio.file.Path root = Paths.get(ResourceClasses.class
                        .getClassLoader()
                        .getResource(ROOT_PACKAGE.replace('.', '/') + "/server/RestResource.class")
                        .toURI())
                .getParent()
                .getParent();
        java.nio.file.Path classes = root;
        for (int i = 0; i < ROOT_PACKAGE.split("\\.").length; i++) {
            classes = classes.getParent();
        }
        List<Class<?>> found = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(root)) {
            for (java.nio.file.Path file :
                    files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name =
                        classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name);
                if (type.isAnnotationPresent(Path.class)) {
                    found.add(type);
                }
            }
        }
        return found;
    }

    /**
     * @param method a method
     * @return its HTTP method ({@code GET}, …), or null when it is not a resource method
     */
    public static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }
}
