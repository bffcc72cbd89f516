package ru.esiaedu.e2e.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import ru.esiaedu.esia.crypto.LocalKeySigner;
import ru.esiaedu.esia.crypto.SigningException;

/**
 * A signing service ("sidecar") as the ESIA provider's {@code SIGNING_SERVICE} method calls it, on loopback: it signs
 * with the demo client key, or misbehaves as {@link #behave} says.
 */
public final class LocalSigningService implements AutoCloseable {

    /** What the next requests get. */
    public enum Behaviour {
        SIGNS,
        /** HTTP 503, as a service restarting behind its proxy */
        ANSWERS_503,
        /** answers after {@link #SLOW_SECONDS}, longer than the provider's read timeout in the test */
        SLOW,
        /** a well-formed signature of other bytes (a wrong key or a service signing the wrong data) */
        WRONG_SIGNATURE
    }

    public static final int SLOW_SECONDS = 8;

    private final HttpServer server;
    private final LocalKeySigner signer;
    private final AtomicReference<Behaviour> behaviour = new AtomicReference<>(Behaviour.SIGNS);
    private final AtomicInteger requests = new AtomicInteger();

    private LocalSigningService(HttpServer server, LocalKeySigner signer) {
        this.server = server;
        this.signer = signer;
    }

    public static LocalSigningService start() {
        LocalKeySigner signer = LocalKeySigner.fromPem(resource("demo-keys/client-gost.key.pem"),
                resource("demo-keys/client-gost.crt.pem"));
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            LocalSigningService service = new LocalSigningService(server, signer);
            server.createContext("/sign", service::handle);
            server.setExecutor(Executors.newCachedThreadPool(r -> {
                Thread thread = new Thread(r, "local-signing-service");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/sign";
    }

    public String certificatePem() {
        return resource("demo-keys/client-gost.crt.pem");
    }

    public void behave(Behaviour next) {
        behaviour.set(next);
    }

    /** Signing requests received so far. */
    public int requests() {
        return requests.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try (exchange) {
            JsonNode request = AdminApi.JSON.readTree(exchange.getRequestBody());
            byte[] data = Base64.getDecoder().decode(request.path("data").asText());
            switch (behaviour.get()) {
                case ANSWERS_503 -> {
                    exchange.sendResponseHeaders(503, -1);
                    return;
                }
                case SLOW -> sleep();
                case WRONG_SIGNATURE -> data = "not the bytes that were sent".getBytes(StandardCharsets.UTF_8);
                case SIGNS -> { }
            }
            String signature = "cms".equals(request.path("format").asText())
                    ? signer.signDetachedCms(data) : signer.signRaw(data);
            byte[] body = AdminApi.JSON.writeValueAsBytes(java.util.Map.of("signature", signature));
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        } catch (SigningException e) {
            throw new IOException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(SLOW_SECONDS * 1000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String resource(String name) {
        try (InputStream in = LocalSigningService.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
