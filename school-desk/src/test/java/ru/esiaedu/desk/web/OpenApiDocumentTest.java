package ru.esiaedu.desk.web;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** openapi.yaml describes exactly the endpoints the resource has: none missing, none that does not exist. */
class OpenApiDocumentTest {

    @Test
    void everyEndpointOfTheResourceIsInTheDocumentAndNothingElse() throws Exception {
        Set<String> endpoints = new TreeSet<>();
        collect(DeskEndpoint.class, "", endpoints);
        collect(DeskApi.class, "/api", endpoints);

        assertThat(endpoints).hasSizeGreaterThan(20);
        assertThat(documented()).isEqualTo(endpoints);
    }

    @Test
    void everyOperationSaysWhatItAnswers() throws Exception {
        JsonNode paths = document().path("paths");
        for (Iterator<String> names = paths.fieldNames(); names.hasNext(); ) {
            String path = names.next();
            for (Iterator<String> methods = paths.path(path).fieldNames(); methods.hasNext(); ) {
                String method = methods.next();
                JsonNode operation = paths.path(path).path(method);
                assertThat(operation.path("summary").asText()).as("%s %s summary", method, path).isNotBlank();
                assertThat(operation.path("responses").size()).as("%s %s responses", method, path).isPositive();
            }
        }
    }

    private static void collect(Class<?> resource, String prefix, Set<String> into) {
        for (Method method : resource.getDeclaredMethods()) {
            String verb = method.isAnnotationPresent(GET.class) ? "get" : method.isAnnotationPresent(POST.class) ? "post"
                    : method.isAnnotationPresent(PUT.class) ? "put" : method.isAnnotationPresent(DELETE.class) ? "delete" : null;
            if (verb == null) {
                continue;
            }
            Path path = method.getAnnotation(Path.class);
            into.add(verb + " " + prefix + "/" + (path == null ? "" : path.value()));
        }
    }

    private static Set<String> documented() throws Exception {
        Set<String> found = new TreeSet<>();
        JsonNode paths = document().path("paths");
        for (Iterator<String> names = paths.fieldNames(); names.hasNext(); ) {
            String path = names.next();
            for (Iterator<String> methods = paths.path(path).fieldNames(); methods.hasNext(); ) {
                found.add(methods.next() + " " + path);
            }
        }
        return found;
    }

    private static JsonNode document() throws Exception {
        try (InputStream in = OpenApiDocumentTest.class.getResourceAsStream("/school-desk/openapi.yaml")) {
            assertThat(in).as("openapi.yaml in the JAR").isNotNull();
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        }
    }
}
