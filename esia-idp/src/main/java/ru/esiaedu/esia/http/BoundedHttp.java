package ru.esiaedu.esia.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends a request and reads the answer with two bounds a peer cannot lift: at most {@code maxBytes} of body (a
 * declared longer {@code Content-Length} is refused before reading, a longer chunked body is cut off there) and the
 * whole exchange, body included, within {@code deadline}. The JDK's {@link HttpRequest#timeout} alone ends when the
 * headers arrive, so a peer that trickles its body would hold a login thread for as long as it likes.
 */
public final class BoundedHttp {

    /** The answer's body is longer than allowed; it was not read to the end. */
    public static final class BodyTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;
        private final int statusCode;

        BodyTooLargeException(long maxBytes, int statusCode) {
            super("body larger than " + maxBytes + " bytes");
            this.statusCode = statusCode;
        }

        /** The HTTP status the oversized answer came with. */
        public int statusCode() {
            return statusCode;
        }
    }

    private BoundedHttp() {
    }

    /**
     * @throws BodyTooLargeException the body is longer than {@code maxBytes}
     * @throws HttpTimeoutException connect, headers or body not done within the deadline
     * @throws IOException any other transport failure (e.g. {@link java.net.ConnectException})
     */
    public static <T> HttpResponse<T> send(HttpClient client, HttpRequest request, HttpResponse.BodyHandler<T> handler,
            Duration deadline) throws IOException, InterruptedException {
        Objects.requireNonNull(deadline, "deadline");
        CompletableFuture<HttpResponse<T>> answer = client.sendAsync(request, handler);
        try {
            return answer.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new HttpTimeoutException("no complete answer within " + deadline.toMillis() + " ms");
        } catch (InterruptedException e) {
            answer.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        }
    }

    /** The body as bytes, at most {@code maxBytes} of them. */
    public static HttpResponse.BodyHandler<byte[]> bytes(long maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        return info -> new Limited(maxBytes, info.statusCode(), info.headers().firstValueAsLong("Content-Length"));
    }

    /** The body as text in the charset of its {@code Content-Type} (UTF-8 if none or unknown), at most {@code maxBytes}. */
    public static HttpResponse.BodyHandler<String> string(long maxBytes) {
        HttpResponse.BodyHandler<byte[]> bytes = bytes(maxBytes);
        return info -> HttpResponse.BodySubscribers.mapping(bytes.apply(info),
                body -> new String(body, charset(info.headers().firstValue("Content-Type").orElse(""))));
    }

    static Charset charset(String contentType) {
        for (String param : contentType.split(";")) {
            String p = param.strip();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                String name = p.substring(8).strip().replace("\"", "");
                try {
                    return Charset.forName(name);
                } catch (IllegalArgumentException e) {
                    return StandardCharsets.UTF_8;
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    private static IOException unwrap(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof BodyTooLargeException tooLarge) {
                return tooLarge;
            }
        }
        if (cause instanceof IOException io) {
            return io;
        }
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IOException(cause == null ? "request failed" : cause.getClass().getSimpleName(), cause);
    }

    private static final class Limited implements HttpResponse.BodySubscriber<byte[]> {
        private final long maxBytes;
        private final int statusCode;
        private final OptionalLong declaredLength;
        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private Flow.Subscription subscription;

        Limited(long maxBytes, int statusCode, OptionalLong declaredLength) {
            this.maxBytes = maxBytes;
            this.statusCode = statusCode;
            this.declaredLength = declaredLength;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (declaredLength.isPresent() && declaredLength.getAsLong() > maxBytes) {
                tooLarge();
                return;
            }
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (body.isDone()) {
                return;
            }
            for (ByteBuffer item : items) {
                if (buffer.size() + (long) item.remaining() > maxBytes) {
                    tooLarge();
                    return;
                }
                byte[] bytes = new byte[item.remaining()];
                item.get(bytes);
                buffer.writeBytes(bytes);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            body.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            body.complete(buffer.toByteArray());
        }

        private void tooLarge() {
            subscription.cancel();
            buffer.reset();
            body.completeExceptionally(new BodyTooLargeException(maxBytes, statusCode));
        }
    }
}
