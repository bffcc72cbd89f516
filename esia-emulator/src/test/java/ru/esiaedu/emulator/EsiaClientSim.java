package ru.esiaedu.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.crypto.digests.GOST3411_2012_256Digest;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.Security;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Plays the client system (and the user's browser) against the emulator over real HTTP, signing
 * requests the way an ESIA client does. Independent of the emulator's own crypto code on purpose.
 */
final class EsiaClientSim {
    static final String CLIENT_ID = "SCHOOL01";
    static final String REDIRECT = "http://localhost:8080/realms/school/broker/esia/endpoint";
    static final String PASSWORD = "Esia-Demo-2026";
    static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy.MM.dd HH:mm:ss Z", Locale.ROOT);
    static final ObjectMapper JSON = new ObjectMapper();
    static final PrivateKey CLIENT_KEY;
    static final X509Certificate CLIENT_CERT;
    static final String CERT_HASH;

    static {
        if (Security.getProvider("BC") == null) {
            Security.addProvider(new BouncyCastleProvider());
        }
        try (InputStream k = EsiaClientSim.class.getResourceAsStream("/client-gost.key.pem");
             PEMParser p = new PEMParser(new InputStreamReader(k, StandardCharsets.US_ASCII))) {
            CLIENT_KEY = new JcaPEMKeyConverter().setProvider("BC").getPrivateKey((PrivateKeyInfo) p.readObject());
            CLIENT_CERT = cert("/keys/school01-client.crt.pem");
            byte[] der = CLIENT_CERT.getEncoded();
            GOST3411_2012_256Digest d = new GOST3411_2012_256Digest();
            d.update(der, 0, der.length);
            byte[] h = new byte[32];
            d.doFinal(h, 0);
            CERT_HASH = HexFormat.of().withUpperCase().formatHex(h);
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final String base;
    final HttpClient http; // own cookie jar = own browser

    EsiaClientSim(EsiaEmulator emu) {
        this.base = emu.baseUrl();
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5)).build();
    }

    static X509Certificate cert(String resource) throws Exception {
        try (InputStream in = EsiaClientSim.class.getResourceAsStream(resource)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509", "BC")
                    .generateCertificate(new ByteArrayInputStream(in.readAllBytes()));
        }
    }

    static String now() {
        return ZonedDateTime.now().format(TS);
    }

    static String rawGost(String text) throws Exception {
        Signature s = Signature.getInstance("GOST3411-2012-256WITHECGOST3410-2012-256", "BC");
        s.initSign(CLIENT_KEY);
        s.update(text.getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.sign());
    }

    static String cms(String text) throws Exception {
        CMSSignedDataGenerator g = new CMSSignedDataGenerator();
        var signer = new JcaContentSignerBuilder("GOST3411-2012-256WITHECGOST3410-2012-256").setProvider("BC").build(CLIENT_KEY);
        g.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                new JcaDigestCalculatorProviderBuilder().setProvider("BC").build()).build(signer, CLIENT_CERT));
        g.addCertificates(new JcaCertStore(List.of(CLIENT_CERT)));
        byte[] der = g.generate(new CMSProcessableByteArray(text.getBytes(StandardCharsets.UTF_8)), false).getEncoded();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(der);
    }

    /** A correctly signed v2 (or v1) authorization request's parameters; tests then break one of them. */
    static Map<String, String> authParams(int version, String scope, String state) throws Exception {
        Map<String, String> p = new LinkedHashMap<>();
        String ts = now();
        p.put("client_id", CLIENT_ID);
        p.put("client_secret", version == 2
                ? rawGost(CLIENT_ID + scope + "" + ts + state + REDIRECT)
                : cms(scope + ts + CLIENT_ID + state));
        p.put("redirect_uri", REDIRECT);
        p.put("scope", scope);
        p.put("scope_org", "");
        p.put("response_type", "code");
        p.put("state", state);
        p.put("timestamp", ts);
        p.put("access_type", "online");
        if (version == 2) {
            p.put("client_certificate_hash", CERT_HASH);
        }
        return p;
    }

    /** A correctly signed v3 (or v1) token request for the code. */
    static Map<String, String> tokenParams(int version, String code, String scope, String state) throws Exception {
        Map<String, String> p = new LinkedHashMap<>();
        String ts = now();
        p.put("client_id", CLIENT_ID);
        p.put("code", code);
        p.put("grant_type", "authorization_code");
        p.put("client_secret", version == 3
                ? rawGost(CLIENT_ID + scope + "" + ts + state + REDIRECT + code)
                : cms(scope + ts + CLIENT_ID + state));
        p.put("state", state);
        p.put("redirect_uri", REDIRECT);
        p.put("scope", scope);
        p.put("scope_org", "");
        p.put("timestamp", ts);
        p.put("token_type", "Bearer");
        if (version == 3) {
            p.put("client_certificate_hash", CERT_HASH);
        }
        return p;
    }

    static String form(Map<String, String> p) {
        return p.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    HttpResponse<String> authorize(int version, Map<String, String> params) throws Exception {
        String path = version == 2 ? "/aas/oauth2/v2/ac" : "/aas/oauth2/ac";
        return get(base + path + "?" + form(params));
    }

    HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> getWithToken(String url, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, Map<String, String> params) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(form(params))).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** POST with a JSON body and a Bearer token (the consent API); {@code token} may be null. */
    HttpResponse<String> postJson(String path, String token, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Signs this browser in to the ESIA personal account with a one-click test person. */
    void profileLogin(long oid) throws Exception {
        HttpResponse<String> r = post("/login", Map.of("return", "/profile", "quick", Long.toString(oid)));
        if (r.statusCode() != 303) {
            throw new AssertionError("profile login failed: " + r.statusCode() + " " + r.body());
        }
    }

    /** The CSRF token of a personal-account page. */
    static String csrf(String html) {
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(html);
        if (!m.find()) {
            throw new AssertionError("no csrf token in page: " + html);
        }
        return m.group(1);
    }

    HttpResponse<String> token(int version, Map<String, String> params) throws Exception {
        return post(version == 3 ? "/aas/oauth2/v3/te" : "/aas/oauth2/te", params);
    }

    static String pendingId(String html) {
        Matcher m = Pattern.compile("name=\"pending\" value=\"([^\"]+)\"").matcher(html);
        if (!m.find()) {
            throw new AssertionError("no pending id in page: " + html);
        }
        return m.group(1);
    }

    /** Query parameters of a redirect's Location. */
    static Map<String, String> redirectParams(HttpResponse<?> r) {
        String loc = r.headers().firstValue("Location").orElseThrow(() -> new AssertionError("no redirect, status " + r.statusCode()));
        Map<String, String> out = new LinkedHashMap<>();
        String q = URI.create(loc).getRawQuery();
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    /** Logs in with the password form; grants consent if asked. Returns the final redirect. */
    HttpResponse<String> loginAndGrant(HttpResponse<String> loginPage, String login) throws Exception {
        if (loginPage.statusCode() == 302) {
            return loginPage; // SSO session: ESIA went straight back
        }
        String pending = pendingId(loginPage.body());
        HttpResponse<String> r = post("/login", Map.of("pending", pending, "login", login, "password", PASSWORD));
        if (r.statusCode() == 200 && r.body().contains("Предоставление прав доступа")) {
            r = post("/login/consent", Map.of("pending", pendingId(r.body()), "decision", "grant"));
        }
        return r;
    }

    /** Whole browser part of a v2 flow: returns the authorization code. */
    String code(String scope, String login) throws Exception {
        String state = UUID.randomUUID().toString();
        HttpResponse<String> page = authorize(2, authParams(2, scope, state));
        Map<String, String> back = redirectParams(loginAndGrant(page, login));
        if (!state.equals(back.get("state")) || back.get("code") == null) {
            throw new AssertionError("no code: " + back);
        }
        return back.get("code");
    }

    /** Code plus a v3 exchange: the token response. */
    JsonNode tokens(String scope, String login) throws Exception {
        String code = code(scope, login);
        HttpResponse<String> r = token(3, tokenParams(3, code, scope, UUID.randomUUID().toString()));
        if (r.statusCode() != 200) {
            throw new AssertionError("token exchange failed: " + r.body());
        }
        return JSON.readTree(r.body());
    }

    static JsonNode jwtPart(String jwt, int i) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[i]));
    }

    static boolean jwtVerifies(String jwt, X509Certificate cert, String jcaAlg) throws Exception {
        String[] parts = jwt.split("\\.");
        Signature s = Signature.getInstance(jcaAlg, "BC");
        s.initVerify(cert.getPublicKey());
        s.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        return s.verify(Base64.getUrlDecoder().decode(parts[2]));
    }
}
