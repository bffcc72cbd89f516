package ru.esiaedu.esia.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * What ESIA sends is read by the person parser and the token-answer parser. Whatever arrives — any JSON, a valid
 * answer with fields replaced, dropped or added, any text — they either give a result or an
 * {@link EsiaApiException} of kind {@code MALFORMED_RESPONSE}, which the login maps to its Russian page. No other
 * exception escapes, and the message names fields, never values.
 */
class EsiaParserProperties {

    private static final java.util.Map<String, JsonNode> SAMPLES = java.util.stream.Stream.of("person.json",
            "person-embedded.json", "contact-eml.json", "contact-mbt.json", "document-birth-cert.json",
            "document-passport.json", "kids-embedded.json")
            .collect(java.util.stream.Collectors.toMap(name -> name, Samples::json));

    @Property
    void anyJsonIsAPersonOrMalformed(@ForAll("anyJson") JsonNode json) {
        readEverything(json);
    }

    @Property
    void aMutatedSampleIsReadOrMalformed(@ForAll("samples") String sample,
            @ForAll("mutations") List<JsonArbitraries.Mutation> mutations) {
        readEverything(JsonArbitraries.mutate(SAMPLES.get(sample), mutations));
    }

    @Property
    void anyTextIsATokenAnswerOrMalformed(@ForAll("anyBody") String body) {
        tokenAnswer(body);
    }

    @Property
    void aMutatedTokenAnswerIsReadOrMalformed(@ForAll("mutations") List<JsonArbitraries.Mutation> mutations) {
        JsonNode valid = Samples.parse("{\"access_token\":\"a.b.c\",\"id_token\":\"d.e.f\",\"refresh_token\":\"r\","
                + "\"state\":\"6f1c2a44-0000-4000-8000-000000000001\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
        tokenAnswer(JsonArbitraries.mutate(valid, mutations).toString());
    }

    @Property
    void anErrorDescriptionGivesAKnownCodeOrNone(@ForAll("anyBody") String description, @ForAll("oauthErrors") String error) {
        String code = EsiaErrorCode.extract(description);
        if (code != null) {
            assertThat(code).matches("ESIA-\\d{6}");
            assertThat(description).contains(code);
        }
        assertThat(EsiaErrorCode.categorize(code, error)).isNotNull();
        assertThat(EsiaErrorCode.categorize(description, description)).isNotNull();
    }

    // ---------------------------------------------------------------------------------------------------------

    private static void readEverything(JsonNode json) {
        malformedOr(() -> EsiaPersonParser.parse("1000299681", json).snils());
        malformedOr(() -> EsiaPersonParser.person("1000299681", json).build().toString());
        malformedOr(() -> EsiaPersonParser.contact(json).value());
        malformedOr(() -> EsiaPersonParser.document(json).number());
        malformedOr(() -> EsiaPersonParser.kid(json).documents());
        malformedOr(() -> EsiaPersonParser.collection(json, "kids").links());
        malformedOr(() -> {
            for (JsonNode kid : EsiaPersonParser.collection(json, "kids").embedded()) {
                EsiaPersonParser.kid(kid).toString();
            }
            return null;
        });
        malformedOr(() -> EsiaPersonParser.collection(json.get("contacts"), "contacts").embedded());
    }

    private static void tokenAnswer(String body) {
        malformedOr(() -> TokenResponse.parse(body).accessToken());
    }

    interface Parse {
        Object run() throws EsiaApiException;
    }

    private static void malformedOr(Parse parse) {
        try {
            parse.run();
        } catch (EsiaApiException e) {
            assertThat(e.kind()).isEqualTo(EsiaApiException.Kind.MALFORMED_RESPONSE);
            assertThat(e.getMessage()).startsWith("ESIA ");
        }
    }

    @Provide
    Arbitrary<JsonNode> anyJson() {
        return JsonArbitraries.values();
    }

    @Provide
    Arbitrary<String> samples() {
        return Arbitraries.of(SAMPLES.keySet());
    }

    @Provide
    Arbitrary<List<JsonArbitraries.Mutation>> mutations() {
        return JsonArbitraries.mutations();
    }

    /** Any text, JSON-looking text, and JSON cut short. */
    @Provide
    Arbitrary<String> anyBody() {
        Arbitrary<String> json = JsonArbitraries.values().map(JsonNode::toString);
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(60),
                Arbitraries.strings().withChars("{}[]\":,0123456789.eE-+ truefalsn\\u").ofMaxLength(40),
                json,
                json.flatMap(s -> Arbitraries.integers().between(0, s.length()).map(n -> s.substring(0, n))),
                Arbitraries.of("", " ", "null", "[]", "{}", "<html>502 Bad Gateway</html>",
                        "ESIA-007011: Authorization code is invalid", "ESIA-0070", "esia-007004"));
    }

    @Provide
    Arbitrary<String> oauthErrors() {
        return Arbitraries.oneOf(Arbitraries.of("access_denied", "invalid_grant", "server_error", " invalid_scope ",
                "temporarily_unavailable"), Arbitraries.strings().ofMaxLength(20), Arbitraries.just((String) null));
    }
}
