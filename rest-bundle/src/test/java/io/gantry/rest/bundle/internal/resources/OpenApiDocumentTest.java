package io.gantry.rest.bundle.internal.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gantry.rest.bundle.internal.security.RequiresRole;
import io.gantry.rest.bundle.internal.testing.ResourceClasses;
import jakarta.ws.rs.Path;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps the hand-written openapi.json true: the (method, path) pairs of the JAX-RS annotations of
 * every resource class in the bundle and those of the document must be the same, both ways.
 */
class OpenApiDocumentTest {
    private static final Set<String> OPERATIONS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    @Test
    void documentDescribesExactlyTheAnnotatedEndpoints() throws Exception {
        Set<String> annotated = annotatedEndpoints();
        Set<String> documented = documentedEndpoints();

        assertThat(annotated).as("resource classes found").isNotEmpty();
        assertThat(documented).as("in the code but not in openapi.json").containsAll(annotated);
        assertThat(annotated).as("in openapi.json but not in the code").containsAll(documented);
    }

    @Test
    void everyOperationAnswersAndEveryTemplateParameterIsDeclared() throws Exception {
        JsonNode paths = document().get("paths");
        List<String> missing = new ArrayList<>();
        for (Iterator<String> it = paths.fieldNames(); it.hasNext(); ) {
            String path = it.next();
            for (Iterator<String> ops = paths.get(path).fieldNames(); ops.hasNext(); ) {
                String op = ops.next();
                JsonNode operation = paths.get(path).get(op);
                if (!operation.has("responses")) {
                    missing.add(op + " " + path + ": responses");
                }
                for (String name : templateNames(path)) {
                    boolean declared = operation
                            .path("parameters")
                            .findValuesAsText("name")
                            .contains(name);
                    if (!declared) {
                        missing.add(op + " " + path + ": parameter " + name);
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyOperationNamesTheRoleItsMethodDeclares() throws Exception {
        JsonNode paths = document().get("paths");
        List<String> wrong = new ArrayList<>();
        for (Class<?> type : ResourceClasses.all()) {
            String base = type.getAnnotation(Path.class).value();
            for (Method method : type.getMethods()) {
                String verb = ResourceClasses.httpMethod(method);
                if (verb == null) {
                    continue;
                }
                Path sub = method.getAnnotation(Path.class);
                String path = normalise(base + "/" + (sub == null ? "" : sub.value()));
                RequiresRole role = method.getAnnotation(RequiresRole.class);
                String declared = role == null ? "anonymous" : role.value().id();
                String documented = documentedRole(paths, path, verb.toLowerCase(Locale.ROOT));
                if (!declared.equals(documented)) {
                    wrong.add(verb + " " + path + ": code says " + declared + ", openapi.json " + documented);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static String documentedRole(JsonNode paths, String path, String op) {
        for (Iterator<String> it = paths.fieldNames(); it.hasNext(); ) {
            String documented = it.next();
            if (normalise(documented).equals(path)) {
                return paths.get(documented).path(op).path("x-gantry-role").asText(null);
            }
        }
        return null;
    }

    private static Set<String> annotatedEndpoints() throws Exception {
        Set<String> endpoints = new TreeSet<>();
        for (Class<?> type : ResourceClasses.all()) {
            String base = type.getAnnotation(Path.class).value();
            for (Method method : type.getMethods()) {
                String verb = ResourceClasses.httpMethod(method);
                if (verb != null) {
                    Path sub = method.getAnnotation(Path.class);
                    endpoints.add(verb + " " + normalise(base + "/" + (sub == null ? "" : sub.value())));
                }
            }
        }
        return endpoints;
    }

    private static Set<String> documentedEndpoints() throws Exception {
        Set<String> endpoints = new TreeSet<>();
        JsonNode paths = document().get("paths");
        for (Iterator<String> it = paths.fieldNames(); it.hasNext(); ) {
            String path = it.next();
            for (Iterator<String> ops = paths.get(path).fieldNames(); ops.hasNext(); ) {
                String op = ops.next();
                if (OPERATIONS.contains(op)) {
                    endpoints.add(op.toUpperCase(Locale.ROOT) + " " + normalise(path));
                }
            }
        }
        return endpoints;
    }

    /** {@code pipelines//{id: [a-z]+}/} and {@code /pipelines/{id}} both become {@code /pipelines/{id}}. */
    static String normalise(String path) {
        String plain = path.replaceAll("\\{\\s*(\\w+)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/");
        plain = plain.endsWith("/") ? plain.substring(0, plain.length() - 1) : plain;
        return plain.startsWith("/") ? plain : "/" + plain;
    }

    private static List<String> templateNames(String path) {
        List<String> names = new ArrayList<>();
        Matcher matcher = Pattern.compile("\\{(\\w+)}").matcher(path);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static JsonNode document() throws Exception {
        try (InputStream in = OpenApiResource.class.getResourceAsStream(OpenApiResource.DOCUMENT)) {
            return new ObjectMapper().readTree(in);
        }
    }
}
