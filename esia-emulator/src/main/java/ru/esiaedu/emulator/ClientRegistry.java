package ru.esiaedu.emulator;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The registered client systems, loaded from clients.json (see README). */
final class ClientRegistry {
    private final Map<String, RegisteredClient> clients;

    private ClientRegistry(Map<String, RegisteredClient> clients) {
        this.clients = clients;
    }

    /** Loads the given file, or the bundled clients.json when null. */
    static ClientRegistry load(Path file) {
        try {
            String text = file == null ? Pem.classpathText("clients.json") : Files.readString(file);
            Path base = file == null ? null : file.toAbsolutePath().getParent();
            return parse(text, base);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ClientRegistry parse(String json, Path base) throws IOException {
        JsonNode root = Json.MAPPER.readTree(json);
        Map<String, RegisteredClient> map = new LinkedHashMap<>();
        for (JsonNode c : root.path("clients")) {
            String id = require(c, "clientId");
            X509Certificate cert = Pem.certificate(Pem.text(base, require(c, "certificate")));
            List<RedirectRule> rules = new ArrayList<>();
            c.path("redirectUris").forEach(n -> rules.add(new RedirectRule(n.asText())));
            Set<String> scopes = new LinkedHashSet<>();
            c.path("allowedScopes").forEach(n -> scopes.add(n.asText()));
            map.put(id, new RegisteredClient(id, require(c, "name"), cert, GostHash.certificateHash(cert),
                    List.copyOf(rules), Set.copyOf(scopes)));
        }
        if (map.isEmpty()) {
            throw new IllegalStateException("clients.json has no clients");
        }
        return new ClientRegistry(map);
    }

    private static String require(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.asText().isBlank()) {
            throw new IllegalStateException("clients.json: missing " + field);
        }
        return v.asText();
    }

    Optional<RegisteredClient> find(String clientId) {
        return clientId == null ? Optional.empty() : Optional.ofNullable(clients.get(clientId));
    }
}
