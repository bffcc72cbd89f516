package ru.esiaedu.esia.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ru.esiaedu.esia.http.HostileServer;

class EsiaPersonClientTest {

    private static final String OID = "1000299681";
    private static final String TOKEN = "access.jwt.token";
    private static final String PERSON = "/rs/prns/" + OID + EsiaPersonClient.PERSON_EMBED;
    private static final String KIDS = "/rs/prns/" + OID + "/kids" + EsiaPersonClient.KIDS_EMBED;
    private static final Set<String> NO_KID_SCOPES = Set.of("openid", "fullname", "snils", "email", "mobile");
    private static final Set<String> KID_SCOPES = Set.of("openid", "fullname", "kid_fullname?oid=" + OID,
            "kid_birth_cert_doc");

    private StubServer esia;
    private StubServer foreign;
    private EsiaPersonClient client;

    @BeforeEach
    void setUp() throws IOException {
        esia = new StubServer();
        foreign = new StubServer();
        client = new EsiaPersonClient(new EsiaHttp(Duration.ofSeconds(2), Duration.ofSeconds(4)), esia.baseUrl() + "/");
    }

    @AfterEach
    void tearDown() {
        esia.close();
        foreign.close();
    }

    @Test
    void embeddedPersonInOneRequestWithBearer() throws Exception {
        esia.json(PERSON, 200, Samples.text("person-embedded.json"));

        EsiaPerson p = client.fetch(OID, TOKEN, NO_KID_SCOPES);

        assertThat(esia.paths()).containsExactly(
                "/rs/prns/1000299681?embed=(contacts.elements,documents.elements,addresses.elements)");
        assertThat(esia.requests.get(0).method()).isEqualTo("GET");
        assertThat(esia.requests.get(0).header("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(p.oid()).isEqualTo(OID);
        assertThat(p.lastName()).isEqualTo("Ларина");
        assertThat(p.verifiedEmail()).contains("EsiaTest006@yandex.ru");
        assertThat(p.verifiedMobile()).contains("+7(910)4420232");
        assertThat(p.documents()).hasSize(2);
        assertThat(p.kids()).isEmpty();
        assertThat(p.partsMissing()).isEmpty();
    }

    @Test
    void linkedElementsAreFollowedOnlyOnTheEsiaHost() throws Exception {
        String onHost = esia.baseUrl() + "/rs/prns/" + OID + "/ctts/14434265";
        String otherPort = foreign.baseUrl() + "/rs/prns/" + OID + "/ctts/666";
        String otherHostSamePort = "http://localhost:" + esia.port() + "/rs/prns/" + OID + "/ctts/777";
        String userInfoTrick = "http://127.0.0.1:" + esia.port() + "@evil.example/rs/prns/" + OID + "/ctts/888";
        esia.json(PERSON, 200, "{\"firstName\":\"Диана\",\"contacts\":{\"size\":4,\"elements\":[\"" + onHost
                + "\",\"" + otherPort + "\",\"" + otherHostSamePort + "\",\"" + userInfoTrick + "\"]},"
                + "\"documents\":{\"size\":1,\"elements\":[\"" + esia.baseUrl() + "/rs/prns/" + OID + "/docs/3571\"]}}");
        esia.json("/rs/prns/" + OID + "/ctts/14434265", 200, Samples.text("contact-mbt.json"));
        esia.json("/rs/prns/" + OID + "/ctts/777", 200, Samples.text("contact-eml.json"));
        esia.json("/rs/prns/" + OID + "/docs/3571", 200, Samples.text("document-passport.json"));
        foreign.json("/rs/prns/" + OID + "/ctts/666", 200, Samples.text("contact-eml.json"));

        EsiaPerson p = client.fetch(OID, TOKEN, NO_KID_SCOPES);

        assertThat(foreign.requests).isEmpty();
        assertThat(esia.paths()).containsExactly(PERSON, "/rs/prns/" + OID + "/ctts/14434265",
                "/rs/prns/" + OID + "/docs/3571");
        assertThat(esia.requests).allSatisfy(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer " + TOKEN));
        assertThat(p.contacts()).extracting(EsiaContact::type).containsExactly("MBT");
        assertThat(p.verifiedMobile()).contains("+7(910)4420232");
        assertThat(p.verifiedEmail()).isEmpty();
        assertThat(p.passport()).map(EsiaDocument::series).contains("5303");
    }

    @Test
    void kidsAreFetchedOnlyWithKidScopes() throws Exception {
        esia.json(PERSON, 200, Samples.text("person.json"));
        esia.json(KIDS, 200, Samples.text("kids-embedded.json"));

        EsiaPerson without = client.fetch(OID, TOKEN, NO_KID_SCOPES);
        assertThat(esia.paths()).doesNotContain(KIDS);
        assertThat(without.kids()).isEmpty();

        EsiaPerson with = client.fetch(OID, TOKEN, KID_SCOPES);
        assertThat(esia.paths()).contains(KIDS);
        assertThat(with.kids()).extracting(EsiaKid::oid).containsExactly("1000300001", "1000300002");
        assertThat(with.kids().get(0).birthCertificate()).map(EsiaDocument::actNo).contains("1701590000");
        assertThat(with.partsMissing()).isEmpty();
    }

    @Test
    void linkedKidsAndLinkedKidDocumentsAreFollowed() throws Exception {
        String kidUrl = esia.baseUrl() + "/rs/prns/" + OID + "/kids/1000300001";
        String kidDocUrl = esia.baseUrl() + "/rs/prns/" + OID + "/kids/1000300001/docs/9001";
        String foreignKid = foreign.baseUrl() + "/rs/prns/" + OID + "/kids/1000300009";
        esia.json(PERSON, 200, Samples.text("person.json"));
        esia.json(KIDS, 200, "{\"size\":2,\"elements\":[\"" + kidUrl + "\",\"" + foreignKid + "\"]}");
        esia.json("/rs/prns/" + OID + "/kids/1000300001", 200, "{\"id\":1000300001,\"firstName\":\"Мария\","
                + "\"birthDate\":\"03.09.2015\",\"documents\":{\"size\":1,\"elements\":[\"" + kidDocUrl + "\"]}}");
        esia.json("/rs/prns/" + OID + "/kids/1000300001/docs/9001", 200, Samples.text("document-birth-cert.json"));
        foreign.json("/rs/prns/" + OID + "/kids/1000300009", 200, "{\"id\":1000300009}");

        EsiaPerson p = client.fetch(OID, TOKEN, KID_SCOPES);

        assertThat(foreign.requests).isEmpty();
        assertThat(p.kids()).hasSize(1);
        EsiaKid kid = p.kids().get(0);
        assertThat(kid.oid()).isEqualTo("1000300001");
        assertThat(kid.birthCertificate()).map(EsiaDocument::actNo).contains("170159000012300456");
    }

    @Test
    void forbiddenKidsAreNotFatal() throws Exception {
        esia.json(PERSON, 200, Samples.text("person-embedded.json"));
        esia.json(KIDS, 403, "{\"code\":\"ESIA-005029\",\"message\":\"scope not granted\"}");

        EsiaPerson p = client.fetch(OID, TOKEN, KID_SCOPES);

        assertThat(p.partsMissing()).containsExactly(EsiaPerson.PART_KIDS);
        assertThat(p.kids()).isEmpty();
        assertThat(p.verifiedEmail()).contains("EsiaTest006@yandex.ru");
        assertThat(p.documents()).hasSize(2);
    }

    @Test
    void forbiddenLinkedContactsAreNotFatal() throws Exception {
        esia.json(PERSON, 200, "{\"firstName\":\"Диана\",\"contacts\":{\"elements\":[\"" + esia.baseUrl()
                + "/rs/prns/" + OID + "/ctts/1\"]}}");
        esia.json("/rs/prns/" + OID + "/ctts/1", 403, "{\"code\":\"ESIA-005029\"}");

        EsiaPerson p = client.fetch(OID, TOKEN, NO_KID_SCOPES);

        assertThat(p.partsMissing()).containsExactly(EsiaPerson.PART_CONTACTS);
        assertThat(p.contacts()).isEmpty();
        assertThat(p.firstName()).isEqualTo("Диана");
    }

    @Test
    void kidsNotFoundMeansNoChildren() throws Exception {
        esia.json(PERSON, 200, Samples.text("person.json"));
        esia.json(KIDS, 404, "{\"code\":\"NOT_FOUND\"}");

        EsiaPerson p = client.fetch(OID, TOKEN, KID_SCOPES);

        assertThat(p.kids()).isEmpty();
        assertThat(p.partsMissing()).isEmpty();
    }

    @Test
    void missingLinkedKidIsAnErrorNotNoChildren() {
        esia.json(PERSON, 200, Samples.text("person.json"));
        esia.json(KIDS, 200, "{\"elements\":[\"" + esia.baseUrl() + "/rs/prns/" + OID + "/kids/42\"]}");

        EsiaApiException e = catchThrowableOfType(EsiaApiException.class, () -> client.fetch(OID, TOKEN, KID_SCOPES));

        assertThat(e.kind()).isEqualTo(EsiaApiException.Kind.ESIA_ERROR);
        assertThat(e.httpStatus()).isEqualTo(404);
    }

    @Test
    void unauthorizedPerson() {
        esia.json(PERSON, 401, "{\"code\":\"ESIA-000401\"}");

        EsiaApiException e = catchThrowableOfType(EsiaApiException.class, () -> client.fetch(OID, TOKEN, KID_SCOPES));

        assertThat(e.kind()).isEqualTo(EsiaApiException.Kind.UNAUTHORIZED);
        assertThat(e.httpStatus()).isEqualTo(401);
        assertThat(esia.paths()).containsExactly(PERSON);
        assertThat(e.getMessage()).doesNotContain(OID, TOKEN);
    }

    @Test
    void forbiddenPersonIsFatal() {
        esia.json(PERSON, 403, "{\"code\":\"ESIA-005029\"}");

        EsiaApiException e = catchThrowableOfType(EsiaApiException.class, () -> client.fetch(OID, TOKEN, Set.of()));

        assertThat(e.kind()).isEqualTo(EsiaApiException.Kind.FORBIDDEN);
        assertThat(e.esiaCode()).isEqualTo("ESIA-005029");
    }

    @Test
    void serverErrorOnPersonIsUnavailable() {
        esia.answer(PERSON, 502, "text/html", "<html>Bad gateway</html>", 0);

        EsiaApiException e = catchThrowableOfType(EsiaApiException.class, () -> client.fetch(OID, TOKEN, Set.of()));

        assertThat(e.kind()).isEqualTo(EsiaApiException.Kind.UNAVAILABLE);
        assertThat(e.httpStatus()).isEqualTo(502);
    }

    @Test
    void serverErrorOnKidsIsFatalToo() {
        esia.json(PERSON, 200, Samples.text("person.json"));
        esia.answer(KIDS, 503, "text/plain", "busy", 0);

        EsiaApiException e = catchThrowableOfType(EsiaApiException.class, () -> client.fetch(OID, TOKEN, KID_SCOPES));

        assertThat(e.kind()).isEqualTo(EsiaApiException.Kind.UNAVAILABLE);
    }

    @Test
    void garbagePersonIsMalformed() {
        esia.answer(PERSON, 200, "text/html", "<html>login</html>", 0);

        EsiaApiException e = catchThrowableOfType(EsiaApiException.class, () -> client.fetch(OID, TOKEN, Set.of()));

        assertThat(e.kind()).isEqualTo(EsiaApiException.Kind.MALFORMED_RESPONSE);
    }

    @Test
    void illTypedPersonIsMalformed() {
        esia.json(PERSON, 200, "{\"firstName\":[\"Диана\"]}");

        EsiaApiException e = catchThrowableOfType(EsiaApiException.class, () -> client.fetch(OID, TOKEN, Set.of()));

        assertThat(e.kind()).isEqualTo(EsiaApiException.Kind.MALFORMED_RESPONSE);
        assertThat(e.getMessage()).doesNotContain("Диана");
    }

    @Test
    void slowPersonTimesOut() {
        esia.answer(PERSON, 200, "application/json", Samples.text("person.json"), 6_000);

        EsiaApiException e = catchThrowableOfType(EsiaApiException.class, () -> client.fetch(OID, TOKEN, Set.of()));

        assertThat(e.kind()).isEqualTo(EsiaApiException.Kind.TIMEOUT);
    }

    @Test
    void hostCheck() {
        EsiaPersonClient prod = new EsiaPersonClient(new EsiaHttp(Duration.ofSeconds(1), Duration.ofSeconds(1)),
                "https://esia.gosuslugi.ru");

        assertThat(prod.isOnEsiaHost("https://esia.gosuslugi.ru/rs/prns/1/ctts/2")).isTrue();
        assertThat(prod.isOnEsiaHost("https://ESIA.gosuslugi.ru:443/rs/prns/1/ctts/2")).isTrue();
        assertThat(prod.isOnEsiaHost("/rs/prns/1/ctts/2")).isTrue();
        assertThat(prod.isOnEsiaHost("http://esia.gosuslugi.ru/rs/prns/1/ctts/2")).isFalse();
        assertThat(prod.isOnEsiaHost("https://esia.gosuslugi.ru:8443/rs/prns/1")).isFalse();
        assertThat(prod.isOnEsiaHost("https://esia.gosuslugi.ru.evil.example/rs/prns/1")).isFalse();
        assertThat(prod.isOnEsiaHost("https://esia.gosuslugi.ru@evil.example/rs/prns/1")).isFalse();
        assertThat(prod.isOnEsiaHost("https://user@esia.gosuslugi.ru/rs/prns/1")).isFalse();
        assertThat(prod.isOnEsiaHost("//evil.example/rs/prns/1")).isFalse();
        assertThat(prod.isOnEsiaHost("not a url")).isFalse();
        assertThat(prod.isOnEsiaHost(null)).isFalse();
    }

    @Test
    void customPersonUrlFunctionIsUsed() throws Exception {
        EsiaPersonClient custom = new EsiaPersonClient(new EsiaHttp(Duration.ofSeconds(1), Duration.ofSeconds(1)),
                esia.baseUrl(), oid -> esia.baseUrl() + "/api/prns/" + oid);
        esia.json("/api/prns/" + OID + EsiaPersonClient.PERSON_EMBED, 200, Samples.text("person.json"));

        EsiaPerson p = custom.fetch(OID, TOKEN, Set.of());

        assertThat(p.snils()).isEqualTo("666-374-403 26");
    }

    @Test
    void oidIsEncodedIntoThePath() {
        EsiaApiException e = catchThrowableOfType(EsiaApiException.class,
                () -> client.fetch("1/../../admin?x=", TOKEN, Set.of()));

        assertThat(e.kind()).isEqualTo(EsiaApiException.Kind.ESIA_ERROR);
        assertThat(esia.paths()).containsExactly("/rs/prns/1%2F..%2F..%2Fadmin%3Fx%3D" + EsiaPersonClient.PERSON_EMBED);
    }

    @Test
    void hugePersonAnswerIsMalformedAndNotReadToTheEnd() throws Exception {
        long total = 32L << 20;
        try (HostileServer hostile = new HostileServer().huge("/rs/prns/" + OID, 200, total, false)) {
            EsiaPersonClient huge = new EsiaPersonClient(new EsiaHttp(Duration.ofSeconds(2), Duration.ofSeconds(20)),
                    hostile.baseUrl());

            EsiaApiException e = catchThrowableOfType(EsiaApiException.class, () -> huge.fetch(OID, TOKEN, Set.of()));

            assertThat(e.kind()).isEqualTo(EsiaApiException.Kind.MALFORMED_RESPONSE);
            assertThat(e.getMessage()).contains("person").contains("larger than").doesNotContain(OID);
            assertThat(hostile.bytesWrittenWhenDone("/rs/prns/" + OID)).isLessThan(total);
        }
    }
}
