package ru.esiaedu.esia.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EsiaPersonParserTest {

    private static final String OID = "1000299681";

    @Test
    void parsesThePersonSample() throws Exception {
        EsiaPerson p = EsiaPersonParser.parse(OID, Samples.json("person.json"));

        assertThat(p.oid()).isEqualTo(OID);
        assertThat(p.firstName()).isEqualTo("Диана");
        assertThat(p.lastName()).isEqualTo("Ларина");
        assertThat(p.middleName()).isEqualTo("Алексеевна");
        assertThat(p.birthDate()).isEqualTo(LocalDate.of(1987, 1, 19));
        assertThat(p.gender()).isEqualTo("F");
        assertThat(p.trusted()).isTrue();
        assertThat(p.citizenship()).isEqualTo("RUS");
        assertThat(p.snils()).isEqualTo("666-374-403 26");
        assertThat(p.status()).isEqualTo("REGISTERED");
        assertThat(p.isRegistered()).isTrue();
        assertThat(p.contacts()).isEmpty();
        assertThat(p.documents()).isEmpty();
        assertThat(p.kids()).isEmpty();
        assertThat(p.partsMissing()).isEmpty();
    }

    @Test
    void deletedPersonIsNotRegisteredAndMissingFieldsAreNull() throws Exception {
        EsiaPerson p = EsiaPersonParser.parse(OID, Samples.parse("{\"status\":\"DELETED\"}"));

        assertThat(p.isRegistered()).isFalse();
        assertThat(p.trusted()).isFalse();
        assertThat(p.firstName()).isNull();
        assertThat(p.birthDate()).isNull();
        assertThat(p.snils()).isNull();
    }

    @Test
    void parsesContactSamples() throws Exception {
        EsiaContact eml = EsiaPersonParser.contact(Samples.json("contact-eml.json"));
        EsiaContact mbt = EsiaPersonParser.contact(Samples.json("contact-mbt.json"));

        assertThat(eml).isEqualTo(new EsiaContact("14216773", EsiaContact.EML, "EsiaTest006@yandex.ru", true));
        assertThat(mbt).isEqualTo(new EsiaContact("14434265", EsiaContact.MBT, "+7(910)4420232", true));
    }

    @Test
    void parsesPassportSample() throws Exception {
        EsiaDocument d = EsiaPersonParser.document(Samples.json("document-passport.json"));

        assertThat(d).isEqualTo(new EsiaDocument("3571", EsiaDocument.RF_PASSPORT, "5303", "925695",
                LocalDate.of(2006, 1, 1), "УФМС006", "006006", null, null, true));
        assertThat(d.isPassport()).isTrue();
        assertThat(d.isBirthCertificate()).isFalse();
    }

    @Test
    void parsesBirthCertificateWithActNumberAndDate() throws Exception {
        EsiaDocument d = EsiaPersonParser.document(Samples.json("document-birth-cert.json"));

        assertThat(d.type()).isEqualTo(EsiaDocument.RF_BRTH_CERT);
        assertThat(d.series()).isEqualTo("II-МЮ");
        assertThat(d.number()).isEqualTo("654321");
        assertThat(d.actNo()).isEqualTo("170159000012300456");
        assertThat(d.actDate()).isEqualTo(LocalDate.of(2015, 5, 19));
        assertThat(d.issueDate()).isEqualTo(LocalDate.of(2015, 5, 20));
        assertThat(d.isBirthCertificate()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"RF_BRTH_CERT", "FID_BRTH_CERT", "OLD_BRTH_CERT"})
    void allBirthCertificateTypesCount(String type) throws Exception {
        EsiaPerson p = EsiaPersonParser.parse(OID, Samples.parse("{\"documents\":{\"elements\":["
                + "{\"type\":\"FRGN_PASS\",\"number\":\"1\"},{\"type\":\"" + type + "\",\"number\":\"2\"}]}}"));

        assertThat(p.birthCertificate()).map(EsiaDocument::number).contains("2");
        assertThat(p.passport()).isEmpty();
    }

    @Test
    void embeddedCollectionsAndVerifiedOnlyHelpers() throws Exception {
        EsiaPerson p = EsiaPersonParser.parse(OID, Samples.json("person-embedded.json"));

        assertThat(p.contacts()).hasSize(4);
        // the first EML is NOT_VERIFIED and the CEM is a work e-mail: neither may be returned
        assertThat(p.verifiedEmail()).contains("EsiaTest006@yandex.ru");
        assertThat(p.verifiedMobile()).contains("+7(910)4420232");
        assertThat(p.passport()).map(EsiaDocument::number).contains("925695");
        assertThat(p.birthCertificate()).map(EsiaDocument::actNo).contains("170159000012300456");
    }

    @Test
    void unverifiedContactsAreNotReturned() throws Exception {
        EsiaPerson p = EsiaPersonParser.parse(OID, Samples.parse("{\"contacts\":{\"elements\":["
                + "{\"type\":\"EML\",\"vrfStu\":\"NOT_VERIFIED\",\"value\":\"a@example.ru\"},"
                + "{\"type\":\"CEM\",\"vrfStu\":\"VERIFIED\",\"value\":\"b@example.ru\"},"
                + "{\"type\":\"MBT\",\"value\":\"+7(900)0000000\"},"
                + "{\"type\":\"PHN\",\"vrfStu\":\"VERIFIED\",\"value\":\"+7(495)0000000\"}]}}"));

        assertThat(p.contacts()).hasSize(4);
        assertThat(p.verifiedEmail()).isEmpty();
        assertThat(p.verifiedMobile()).isEmpty();
    }

    @Test
    void parsesKidsWithEmbeddedDocuments() throws Exception {
        EsiaPersonParser.Elements els = EsiaPersonParser.collection(Samples.json("kids-embedded.json"), "kids");
        assertThat(els.links()).isEmpty();
        assertThat(els.embedded()).hasSize(2);

        EsiaKid maria = EsiaPersonParser.kid(els.embedded().get(0));
        EsiaKid petr = EsiaPersonParser.kid(els.embedded().get(1));

        assertThat(maria.oid()).isEqualTo("1000300001");
        assertThat(maria.firstName()).isEqualTo("Мария");
        assertThat(maria.lastName()).isEqualTo("Ларина");
        assertThat(maria.middleName()).isEqualTo("Ивановна");
        assertThat(maria.birthDate()).isEqualTo(LocalDate.of(2015, 9, 3));
        assertThat(maria.gender()).isEqualTo("F");
        assertThat(maria.snils()).isEqualTo("123-456-789 64");
        assertThat(maria.birthCertificate()).map(EsiaDocument::actNo).contains("1701590000");
        assertThat(maria.birthCertificate()).map(EsiaDocument::actDate).contains(LocalDate.of(2015, 9, 9));

        assertThat(petr.oid()).isEqualTo("1000300002");
        assertThat(petr.birthDate()).isNull();
        assertThat(petr.gender()).isEqualTo("M");
        assertThat(petr.documents()).isEmpty();
    }

    @Test
    void collectionSplitsEmbeddedObjectsFromLinks() throws Exception {
        EsiaPersonParser.Elements els = EsiaPersonParser.collection(Samples.parse("{\"size\":2,\"elements\":["
                + "\"https://esia.gosuslugi.ru/rs/prns/1/ctts/14434265\",{\"type\":\"EML\"}]}"), "contacts");

        assertThat(els.links()).containsExactly("https://esia.gosuslugi.ru/rs/prns/1/ctts/14434265");
        assertThat(els.embedded()).hasSize(1);
        assertThat(EsiaPersonParser.collection(null, "x").isEmpty()).isTrue();
        assertThat(EsiaPersonParser.collection(Samples.parse("{\"size\":0}"), "x").isEmpty()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"31.02.2000", "1987-01-19", "19.1.1987", ""})
    void badDatesBecomeNull(String date) throws Exception {
        EsiaPerson p = EsiaPersonParser.parse(OID, Samples.parse("{\"birthDate\":\"" + date + "\"}"));

        assertThat(p.birthDate()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"firstName\":42}",
            "{\"trusted\":\"yes\"}",
            "{\"snils\":{\"v\":1}}",
            "{\"birthDate\":19011987}",
            "{\"contacts\":\"https://esia.gosuslugi.ru/rs/prns/1/ctts\"}",
            "{\"contacts\":{\"elements\":{\"a\":1}}}",
            "{\"contacts\":{\"elements\":[42]}}",
            "{\"contacts\":{\"elements\":[{\"type\":\"EML\",\"value\":[\"x\"]}]}}",
            "{\"documents\":{\"elements\":[{\"id\":true}]}}",
            "[]"
    })
    void wrongTypesAreMalformed(String json) {
        assertThatThrownBy(() -> EsiaPersonParser.parse(OID, Samples.parse(json)))
                .isInstanceOfSatisfying(EsiaApiException.class,
                        e -> assertThat(e.kind()).isEqualTo(EsiaApiException.Kind.MALFORMED_RESPONSE));
    }

    @Test
    void unknownFieldsAreIgnored() throws Exception {
        EsiaContact c = EsiaPersonParser.contact(Samples.parse(
                "{\"id\":1,\"type\":\"EML\",\"vrfStu\":\"VERIFIED\",\"value\":\"x@example.ru\",\"isCfmCodeSent\":false,"
                        + "\"nested\":{\"a\":[1,2]}}"));

        assertThat(c.value()).isEqualTo("x@example.ru");
    }

    @Test
    void toStringsCarryNoPersonalData() throws Exception {
        EsiaPerson p = EsiaPersonParser.parse(OID, Samples.json("person-embedded.json"));
        String all = p + " " + p.contacts() + " " + p.documents();

        assertThat(all).doesNotContain(OID, "Диана", "Ларина", "666-374-403", "EsiaTest006", "4420232", "925695",
                "5303", "1987");
    }
}
