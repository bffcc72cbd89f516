package ru.esiaedu.esia.http;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A JDK HttpServer on 127.0.0.1 that answers the way a broken or hostile peer does: bodies of many megabytes
 * (chunked or with a declared length) and bodies that trickle in a byte at a time. It counts how much it managed to
 * write before the client hung up, so a test can tell "read with a limit" from "read it all, then complained".
 */
public final class HostileServer implements AutoCloseable {

    private record Plan(int status, long totalBytes, boolean declareLength, long pauseMillis, int chunk) {
    }

    private final HttpServer server;
    private final Map<String, Plan> plans = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> written = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> done = new ConcurrentHashMap<>();

    public HostileServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public URI uri(String path) {
        return URI.create(baseUrl() + path);
    }

    /** A JSON-looking body of {@code totalBytes} (never closed), written in 64 KiB chunks as fast as TCP takes it. */
    public HostileServer huge(String path, int status, long totalBytes, boolean declareLength) {
        return plan(path, new Plan(status, totalBytes, declareLength, 0, 64 * 1024));
    }

    /** {@code totalBytes} of a JSON-looking body, one byte every {@code pauseMillis}. */
    public HostileServer trickle(String path, int status, int totalBytes, long pauseMillis) {
        return plan(path, new Plan(status, totalBytes, false, pauseMillis, 1));
    }

    /** Waits until the answer on the path ended (written out or cut off by the client) and returns its bytes. */
    public long bytesWrittenWhenDone(String path) throws InterruptedException {
        if (!done.get(path).await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the answer on " + path + " is still being written");
        }
        return written.get(path).get();
    }

    private HostileServer plan(String path, Plan plan) {
        plans.put(path, plan);
        written.put(path, new AtomicLong());
        done.put(path, new CountDownLatch(1));
        return this;
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getRawPath();
        Plan plan = plans.get(path);
        try (ex) {
            ex.getRequestBody().readAllBytes();
            if (plan == null) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            AtomicLong count = written.get(path);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(plan.status(), plan.declareLength() ? plan.totalBytes() : 0);
            byte[] chunk = new byte[plan.chunk()];
            Arrays.fill(chunk, (byte) 'x');
            byte[] head = "{\"access_token\":\"".getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(head, 0, chunk, 0, Math.min(head.length, chunk.length));
            try (OutputStream out = ex.getResponseBody()) {
                long left = plan.totalBytes();
                boolean first = true;
                while (left > 0) {
                    int n = (int) Math.min(left, chunk.length);
                    out.write(first || plan.chunk() > head.length ? chunk : new byte[] {'x'}, 0, n);
                    out.flush();
                    first = false;
                    left -= n;
                    count.addAndGet(n);
                    if (plan.pauseMillis() > 0) {
                        Thread.sleep(plan.pauseMillis());
                    }
                }
            }
        } catch (IOException e) {
            // the client hung up: that is what the limit is for
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (plan != null) {
                done.get(path).countDown();
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
