package ru.esiaedu.esia.broker;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ru.esiaedu.emulator.EmulatorOptions;
import ru.esiaedu.emulator.EsiaEmulator;
import ru.esiaedu.emulator.Fault;
import ru.esiaedu.esia.api.AccountType;
import ru.esiaedu.esia.api.EsiaHttp;
import ru.esiaedu.esia.api.EsiaPersonClient;
import ru.esiaedu.esia.api.EsiaTokenClient;
import ru.esiaedu.esia.crypto.LocalKeySigner;
import ru.esiaedu.esia.crypto.Pem;
import ru.esiaedu.esia.protocol.EsiaEndpoints;
import ru.esiaedu.esia.protocol.EsiaTimestamp;
import ru.esiaedu.esia.protocol.ProtocolVersion;
import ru.esiaedu.esia.token.EsiaTokenVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Our signing, token checks and person API against the ESIA emulator over real HTTP: proves the
 * requests are what ESIA accepts and every ESIA failure becomes the right Russian message key.
 */
class EsiaCodeExchangeEmulatorTest {

    private static final String REDIRECT = "http://localhost:8080/realms/school/broker/esia/endpoint";
    private static final String SCOPE = EsiaIdentityProviderConfig.DEFAULT_SCOPES;
    private static final String PARENT = "1000300101";
    private static final String SIMPLIFIED = "1000300106";
    private static final String CHILD = "1000300105";

    private static EsiaEmulator emulator;
    private static LocalKeySigner signer;
    private static String esiaCertificates;
    private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void startEmulator() throws Exception {
        emulator = EsiaEmulator.start(EmulatorOptions.defaults().port(0));
        signer = LocalKeySigner.fromPem(EsiaIdentityProviderConfigTest.resource("/keys/client-gost.key.pem"),
                EsiaIdentityProviderConfigTest.resource("/keys/client-gost.crt.pem"));
        esiaCertificates = resourceFromEmulator("/keys/esia-rsa.crt.pem") + resourceFromEmulator("/keys/esia-gost.crt.pem");
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @BeforeEach
    void clearFaults() {
        emulator.faults().clear();
    }

    @Test
    void aConfirmedParentComesBackWithVerifiedDataAndChildren() throws Exception {
        EsiaCodeExchange.Result result = exchange(ProtocolVersion.V2_V3, true).complete(codeFor(ProtocolVersion.V2_V3, PARENT));

        assertThat(result.accessToken().oid()).isEqualTo(PARENT);
        assertThat(result.accountType()).isEqualTo(AccountType.CONFIRMED);
        assertThat(result.person().lastName()).isEqualTo("Захарченко");
        assertThat(result.person().snils()).isNotBlank();
        assertThat(result.person().verifiedEmail()).isPresent();
        assertThat(result.person().kids()).extracting(kid -> kid.oid()).containsExactlyInAnyOrder("1000300104", CHILD);
    }

    @Test
    void legacyV1RequestsSignedWithCmsAreAcceptedToo() throws Exception {
        EsiaCodeExchange.Result result = exchange(ProtocolVersion.V1, true).complete(codeFor(ProtocolVersion.V1, PARENT));

        assertThat(result.accessToken().oid()).isEqualTo(PARENT);
    }

    @Test
    void aChildAccountPassesEvenWhenOnlyConfirmedAccountsAreAccepted() throws Exception {
        EsiaCodeExchange.Result result = exchange(ProtocolVersion.V2_V3, true).complete(codeFor(ProtocolVersion.V2_V3, CHILD));

        assertThat(result.accountType()).isEqualTo(AccountType.CHILD);
    }

    @Test
    void aSimplifiedAccountIsRefusedWhenConfiguredAndAcceptedOtherwise() throws Exception {
        assertFailure(() -> exchange(ProtocolVersion.V2_V3, true).complete(codeFor(ProtocolVersion.V2_V3, SIMPLIFIED)),
                EsiaMessages.ACCOUNT_NOT_CONFIRMED);

        EsiaCodeExchange.Result result = exchange(ProtocolVersion.V2_V3, false).complete(codeFor(ProtocolVersion.V2_V3, SIMPLIFIED));
        assertThat(result.accountType()).isEqualTo(AccountType.SIMPLIFIED);
    }

    @Test
    void aCodeIsUsedOnce() throws Exception {
        String code = codeFor(ProtocolVersion.V2_V3, PARENT);
        exchange(ProtocolVersion.V2_V3, true).complete(code);

        assertFailure(() -> exchange(ProtocolVersion.V2_V3, true).complete(code), "esiaError.ESIA-007011");
    }

    @Test
    void esiaDownSlowOrAnsweringGarbageBecomeClearMessages() throws Exception {
        emulator.faults().next(Fault.TOKEN_500);
        assertFailure(() -> exchange(ProtocolVersion.V2_V3, true).complete(codeFor(ProtocolVersion.V2_V3, PARENT)), EsiaMessages.UNAVAILABLE);

        emulator.faults().next(Fault.TOKEN_GARBAGE);
        assertFailure(() -> exchange(ProtocolVersion.V2_V3, true).complete(codeFor(ProtocolVersion.V2_V3, PARENT)), EsiaMessages.BAD_RESPONSE);

        emulator.faults().next(Fault.PERSON_500);
        assertFailure(() -> exchange(ProtocolVersion.V2_V3, true).complete(codeFor(ProtocolVersion.V2_V3, PARENT)), EsiaMessages.UNAVAILABLE);

        emulator.faults().next(Fault.PERSON_SLOW);
        assertFailure(() -> exchange(ProtocolVersion.V2_V3, true).complete(codeFor(ProtocolVersion.V2_V3, PARENT)), EsiaMessages.UNAVAILABLE);
    }

    @Test
    void forgedExpiredOrForeignTokensAreRejected() throws Exception {
        for (Fault fault : List.of(Fault.TOKEN_FORGED_SIGNATURE, Fault.TOKEN_EXPIRED, Fault.TOKEN_WRONG_ISSUER)) {
            emulator.faults().next(fault);
            assertFailure(() -> exchange(ProtocolVersion.V2_V3, true).complete(codeFor(ProtocolVersion.V2_V3, PARENT)),
                    EsiaMessages.INVALID_TOKEN);
        }
    }

    @Test
    void gostSignedTokensFromAnEsiaConfiguredForGostAreVerified() throws Exception {
        EsiaEmulator rsa = emulator;
        emulator = EsiaEmulator.start(EmulatorOptions.defaults().port(0).tokenAlgorithm("GOST3410_2012_256"));
        try {
            EsiaCodeExchange.Result result = exchange(ProtocolVersion.V2_V3, true).complete(codeFor(ProtocolVersion.V2_V3, PARENT));

            assertThat(result.accessToken().algorithm()).isEqualTo("GOST3410_2012_256");
            assertThat(result.accessToken().oid()).isEqualTo(PARENT);
        } finally {
            emulator.close();
            emulator = rsa;
        }
    }

    @Test
    void tokensSignedWithAnUnconfiguredCertificateAreRejected() throws Exception {
        EsiaTokenVerifier onlyGost = new EsiaTokenVerifier(Pem.certificates(resourceFromEmulator("/keys/esia-gost.crt.pem")),
                emulator.issuer(), "SCHOOL01", Duration.ofSeconds(60), Clock.systemUTC());
        EsiaCodeExchange exchange = exchange(ProtocolVersion.V2_V3, true, onlyGost);

        assertFailure(() -> exchange.complete(codeFor(ProtocolVersion.V2_V3, PARENT)), EsiaMessages.INVALID_TOKEN);
    }

    private interface Call {
        void run() throws Exception;
    }

    private static void assertFailure(Call call, String messageKey) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(EsiaLoginFailure.class,
                failure -> assertThat(failure.messageKey()).as(failure.reason()).isEqualTo(messageKey));
    }

    private EsiaCodeExchange exchange(ProtocolVersion protocol, boolean acceptOnlyConfirmed) {
        EsiaTokenVerifier verifier = new EsiaTokenVerifier(Pem.certificates(esiaCertificates), emulator.issuer(), "SCHOOL01",
                Duration.ofSeconds(60), Clock.systemUTC());
        return exchange(protocol, acceptOnlyConfirmed, verifier);
    }

    private EsiaCodeExchange exchange(ProtocolVersion protocol, boolean acceptOnlyConfirmed, EsiaTokenVerifier verifier) {
        EsiaEndpoints endpoints = EsiaEndpoints.of(emulator.baseUrl(), protocol);
        EsiaHttp http = new EsiaHttp(Duration.ofSeconds(2), Duration.ofSeconds(4));
        return new EsiaCodeExchange(common(protocol), new EsiaTokenClient(http, endpoints.tokenUrl()), verifier,
                new EsiaPersonClient(http, endpoints.baseUrl()), Clock.systemDefaultZone(), acceptOnlyConfirmed, true);
    }

    private static EsiaRequests.Common common(ProtocolVersion protocol) {
        return new EsiaRequests.Common(protocol, "SCHOOL01", SCOPE, "", REDIRECT, signer);
    }

    /** Plays the person's browser at the emulator: authorization request, one-click login, «Предоставить». */
    private String codeFor(ProtocolVersion protocol, String oid) throws Exception {
        String state = UUID.randomUUID().toString();
        String query = EsiaRequests.authorizationQuery(common(protocol), state, EsiaTimestamp.now(Clock.systemDefaultZone()));
        HttpResponse<String> loginPage = browser.send(HttpRequest.newBuilder(
                URI.create(EsiaEndpoints.of(emulator.baseUrl(), protocol).authorizationUrl() + "?" + query)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(loginPage.statusCode()).as(loginPage.body()).isEqualTo(200);
        HttpResponse<String> afterLogin = post("/login", Map.of("pending", pending(loginPage.body()), "quick", oid), null);
        String cookie = afterLogin.headers().firstValue("Set-Cookie").map(c -> c.split(";")[0]).orElse(null);
        HttpResponse<String> answer = afterLogin;
        if (afterLogin.statusCode() == 200) {
            answer = post("/login/consent", Map.of("pending", pending(afterLogin.body()), "decision", "grant"), cookie);
        }
        Map<String, String> redirect = query(answer.headers().firstValue("Location").orElseThrow());
        assertThat(redirect).containsEntry("state", state).containsKey("code");
        return redirect.get("code");
    }

    private HttpResponse<String> post(String path, Map<String, String> form, String cookie) throws Exception {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String pending(String html) {
        Matcher m = Pattern.compile("name=\"pending\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("pending id in the emulator page").isTrue();
        return m.group(1);
    }

    private static Map<String, String> query(String location) {
        Map<String, String> params = new LinkedHashMap<>();
        String raw = URI.create(location).getRawQuery();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            params.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    private static String resourceFromEmulator(String path) throws Exception {
        try (var in = EsiaEmulator.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
