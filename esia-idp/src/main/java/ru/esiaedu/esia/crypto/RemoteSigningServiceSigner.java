package ru.esiaedu.esia.crypto;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.jboss.logging.Logger;

import ru.esiaedu.esia.http.BoundedHttp;

/**
 * Signs through an external HTTP signing service ("sidecar") that keeps the GOST key in certified crypto
 * (e.g. CryptoPro CSP); this JVM only knows the certificate.
 *
 * <h2>Wire protocol</h2>
 * <pre>
 * POST {serviceUrl}
 * Content-Type: application/json
 * Authorization: Bearer {token}            (only if a token is configured)
 *
 * {"format":"raw","data":"&lt;standard base64 of the bytes to sign&gt;"}     raw GOST R 34.10-2012-256 signature
 * {"format":"cms","data":"&lt;standard base64 of the bytes to sign&gt;"}     detached CMS SignedData, DER, certificate included
 *
 * 200 OK, Content-Type: application/json
 * {"signature":"&lt;base64 or base64url, padding optional&gt;"}
 * </pre>
 * <ul>
 * <li>{@code raw}: the signature must be 64 bytes, in OpenSSL's byte order. If the service returns CryptoPro's
 * order (the same bytes reversed), configure {@code reverse = true} and this class reverses them.</li>
 * <li>Every answer is checked against the configured certificate before use (raw: the signature must verify with
 * its public key; cms: the SignedData must parse and one signer must verify with it), so a wrong key, a wrong byte
 * order or garbage fails here with a clear message instead of as an ESIA error code later.</li>
 * <li>Any status other than 200, a connect or read timeout, a body that is not the JSON above, or a raw signature
 * that is not 64 bytes gives a {@link SigningException}. Messages never contain the data or the signature.</li>
 * </ul>
 * The result is returned as base64url without padding, like {@link LocalKeySigner}. Thread-safe.
 * See also {@code esia-idp/docs/signing-service.md}.
 */
public final class RemoteSigningServiceSigner implements RequestSigner {

    private static final Logger LOG = Logger.getLogger(RemoteSigningServiceSigner.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A signature answer is a few hundred bytes (raw) or a few kilobytes (CMS with the certificate). */
    static final int MAX_RESPONSE_BYTES = 1 << 20;

    private final URI serviceUrl;
    private final String safeUrl;
    private final X509Certificate certificate;
    private final Duration readTimeout;
    private final String bearerToken;
    private final boolean reverse;
    private final String certificateHash;
    private final HttpClient http;
    private final Duration deadline;

    /** Service answers raw signatures in OpenSSL's byte order ({@code reverse = false}). */
    public RemoteSigningServiceSigner(URI serviceUrl, X509Certificate certificate, Duration connectTimeout,
            Duration readTimeout, String bearerTokenOrNull) {
        this(serviceUrl, certificate, connectTimeout, readTimeout, bearerTokenOrNull, false);
    }

    /**
     * @param reverse {@code true} if the service returns raw signatures in CryptoPro CSP byte order (reversed
     *                relative to OpenSSL/ESIA); they are then reversed before use
     */
    public RemoteSigningServiceSigner(URI serviceUrl, X509Certificate certificate, Duration connectTimeout,
            Duration readTimeout, String bearerTokenOrNull, boolean reverse) {
        this(serviceUrl, certificate, connectTimeout, readTimeout, bearerTokenOrNull, reverse, null);
    }

    private RemoteSigningServiceSigner(URI serviceUrl, X509Certificate certificate, Duration connectTimeout,
            Duration readTimeout, String bearerTokenOrNull, boolean reverse, HttpClient httpOrNull) {
        this.serviceUrl = Objects.requireNonNull(serviceUrl, "serviceUrl");
        String scheme = serviceUrl.getScheme() == null ? "" : serviceUrl.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || serviceUrl.getHost() == null) {
            throw new IllegalArgumentException("The signing service URL must be an absolute http(s) URL");
        }
        this.safeUrl = scheme + "://" + serviceUrl.getHost() + (serviceUrl.getPort() >= 0 ? ":" + serviceUrl.getPort() : "")
                + (serviceUrl.getRawPath() == null ? "" : serviceUrl.getRawPath());
        this.certificate = BouncyCastleSupport.normalize(Objects.requireNonNull(certificate, "certificate"));
        if (KeyType.of(this.certificate.getPublicKey()) != KeyType.GOST_2012_256) {
            throw new IllegalArgumentException("The signing service certificate must carry a GOST R 34.10-2012 "
                    + "256-bit public key, not " + KeyType.of(this.certificate.getPublicKey()));
        }
        this.readTimeout = requirePositive(readTimeout, "readTimeout");
        this.bearerToken = bearerTokenOrNull == null || bearerTokenOrNull.isBlank() ? null : bearerTokenOrNull.strip();
        this.reverse = reverse;
        this.certificateHash = GostDigest.certificateHash(this.certificate);
        this.http = httpOrNull != null ? httpOrNull : newClient(connectTimeout);
        this.deadline = this.readTimeout.plus(http.connectTimeout().orElse(Duration.ZERO));
    }

    /**
     * A client as the signing service needs it: HTTP/1.1, no redirects, the connect timeout. It is
     * thread-safe and owns a selector thread and a connection pool: share one per configuration.
     */
    public static HttpClient newClient(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(requirePositive(connectTimeout, "connectTimeout"))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public static Builder builder(URI serviceUrl, X509Certificate certificate) {
        return new Builder(serviceUrl, certificate);
    }

    @Override
    public String signRaw(byte[] content) throws SigningException {
        byte[] signature = call("raw", content);
        if (signature.length != 64) {
            throw new SigningException("Signing service " + safeUrl + " returned a raw signature of "
                    + signature.length + " bytes; a GOST R 34.10-2012-256 signature has 64");
        }
        if (reverse) {
            for (int i = 0, j = signature.length - 1; i < j; i++, j--) {
                byte t = signature[i];
                signature[i] = signature[j];
                signature[j] = t;
            }
        }
        if (!verifiesRaw(content, signature)) {
            throw new SigningException("The raw signature from signing service " + safeUrl
                    + " does not verify with the configured certificate (wrong key, or wrong byte order: reverse="
                    + reverse + ")");
        }
        return Base64Url.encode(signature);
    }

    @Override
    public String signDetachedCms(byte[] content) throws SigningException {
        byte[] cms = call("cms", content);
        if (!verifiesCms(content, cms)) {
            throw new SigningException("The CMS signature from signing service " + safeUrl
                    + " has no signer that verifies with the configured certificate");
        }
        return Base64Url.encode(cms);
    }

    @Override
    public String certificateHash() {
        return certificateHash;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public boolean reverse() {
        return reverse;
    }

    private byte[] call(String format, byte[] content) throws SigningException {
        Objects.requireNonNull(content, "content");
        Map<String, String> body = new LinkedHashMap<>();
        body.put("format", format);
        body.put("data", Base64.getEncoder().encodeToString(content));
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(serviceUrl)
                    .timeout(readTimeout)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        } catch (JsonProcessingException e) {
            throw new SigningException("Cannot build the signing service request", e);
        }
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        HttpResponse<byte[]> response;
        long started = System.nanoTime();
        try {
            response = BoundedHttp.send(http, request.build(), BoundedHttp.bytes(MAX_RESPONSE_BYTES), deadline);
        } catch (BoundedHttp.BodyTooLargeException e) {
            throw new SigningException("Signing service " + safeUrl + " answered HTTP " + e.statusCode()
                    + " with a body larger than " + MAX_RESPONSE_BYTES + " bytes");
        } catch (HttpConnectTimeoutException e) {
            throw SigningException.serviceUnavailable("Signing service " + safeUrl + " did not accept a connection in time", e);
        } catch (HttpTimeoutException e) {
            throw SigningException.serviceUnavailable("Signing service " + safeUrl + " did not answer within "
                    + readTimeout.toMillis() + " ms", e);
        } catch (IOException e) {
            throw SigningException.serviceUnavailable("Signing service " + safeUrl + " is unreachable: "
                    + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SigningException("Interrupted while waiting for signing service " + safeUrl, e);
        }
        LOG.debugf("Signing service %s answered HTTP %d to a '%s' request in %d ms", safeUrl, response.statusCode(),
                format, (System.nanoTime() - started) / 1_000_000);
        if (response.statusCode() >= 500 || response.statusCode() == 429) {
            throw SigningException.serviceUnavailable("Signing service " + safeUrl + " answered HTTP "
                    + response.statusCode() + " instead of 200", null);
        }
        if (response.statusCode() != 200) {
            throw new SigningException("Signing service " + safeUrl + " answered HTTP " + response.statusCode()
                    + " instead of 200");
        }
        byte[] bytes = response.body();
        if (bytes == null || bytes.length == 0) {
            throw new SigningException("Signing service " + safeUrl + " answered an empty body");
        }
        String signature;
        try {
            JsonNode node = JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
            JsonNode sig = node == null ? null : node.get("signature");
            if (sig == null || !sig.isTextual() || sig.asText().isBlank()) {
                throw new SigningException("Signing service " + safeUrl
                        + " answered JSON without a \"signature\" string");
            }
            signature = sig.asText();
        } catch (JsonProcessingException e) {
            throw new SigningException("Signing service " + safeUrl + " answered a body that is not JSON");
        }
        try {
            return Base64Url.decodeLenient(signature);
        } catch (IllegalArgumentException e) {
            throw new SigningException("Signing service " + safeUrl + " answered a \"signature\" that is not base64");
        }
    }

    private boolean verifiesRaw(byte[] content, byte[] signature) throws SigningException {
        try {
            Signature verifier = Signature.getInstance(KeyType.GOST_2012_256.jcaSignatureAlgorithm(),
                    BouncyCastleSupport.provider());
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(content);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            throw new SigningException("Cannot check the signing service's signature: " + e.getClass().getSimpleName(), e);
        }
    }

    private boolean verifiesCms(byte[] content, byte[] cms) throws SigningException {
        CMSSignedData signed;
        try {
            signed = new CMSSignedData(new CMSProcessableByteArray(content), cms);
        } catch (CMSException | RuntimeException e) {
            throw new SigningException("Signing service " + safeUrl + " answered a \"signature\" that is not CMS SignedData");
        }
        for (SignerInformation signer : signed.getSignerInfos().getSigners()) {
            try {
                if (signer.verify(new JcaSimpleSignerInfoVerifierBuilder()
                        .setProvider(BouncyCastleSupport.provider()).build(certificate))) {
                    return true;
                }
            } catch (CMSException | OperatorCreationException | RuntimeException e) {
                // not this signer; try the next
            }
        }
        return false;
    }

    private static Duration requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return d;
    }

    /** Builder with defaults: connect timeout 5 s, read timeout 10 s, no bearer token, no reversing. */
    public static final class Builder {
        private final URI serviceUrl;
        private final X509Certificate certificate;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration readTimeout = Duration.ofSeconds(10);
        private String bearerToken;
        private boolean reverse;
        private HttpClient httpClient;

        private Builder(URI serviceUrl, X509Certificate certificate) {
            this.serviceUrl = serviceUrl;
            this.certificate = certificate;
        }

        public Builder connectTimeout(Duration value) {
            this.connectTimeout = value;
            return this;
        }

        public Builder readTimeout(Duration value) {
            this.readTimeout = value;
            return this;
        }

        public Builder bearerToken(String value) {
            this.bearerToken = value;
            return this;
        }

        /** {@code true} for CryptoPro CSP byte order (the 64 raw bytes are reversed before use). */
        public Builder reverse(boolean value) {
            this.reverse = value;
            return this;
        }

        /**
         * A shared client (see {@link #newClient}); without one the signer builds its own. With one,
         * the connect timeout is the client's.
         */
        public Builder httpClient(HttpClient value) {
            this.httpClient = value;
            return this;
        }

        public RemoteSigningServiceSigner build() {
            return new RemoteSigningServiceSigner(serviceUrl, certificate, connectTimeout, readTimeout, bearerToken, reverse,
                    httpClient);
        }
    }
}
