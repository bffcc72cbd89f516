package ru.esiaedu.linker.match;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the link and request steps read from the person document (see also EsiaPersonJsonTest). */
class EsiaPersonDocumentForRequestsTest {

    /** The shape esia-idp's EsiaIdentityMapper.profileJson writes. */
    private static final String PERSON = """
            {"oid":"1000123","lastName":"Иванова","firstName":"Мария","middleName":"Петровна","birthDate":"1985-02-01",
             "gender":"F","snils":"123-456-789 64","trusted":true,"accountType":"CONFIRMED","email":"maria@example.ru",
             "mobile":"+7(901)1111111","passport":{"type":"RF_PASSPORT","series":"4510","number":"123456"},
             "birthCertificate":null,
             "children":[{"oid":"2000001","lastName":"Иванов","firstName":"Пётр","middleName":"Сергеевич","birthDate":"2015-05-05"},
                         {"oid":"2000002","lastName":"Иванова","firstName":"Анна","middleName":null}]}
            """;

    @Test
    void readsWhatTheLinkAndRequestStepsNeed() {
        EsiaPersonData person = EsiaPersonJson.read(PERSON).orElseThrow();
        assertThat(person.oid()).isEqualTo("1000123");
        assertThat(person.confirmedAccount()).isTrue();
        assertThat(person.verifiedEmail()).isEqualTo("maria@example.ru");
        assertThat(person.childNames()).containsExactly("Иванов Пётр Сергеевич", "Иванова Анна");
    }

    @Test
    void simplifiedAndChildAccountsAreNotConfirmed() {
        assertThat(EsiaPersonJson.read("{\"oid\":\"1\",\"accountType\":\"SIMPLIFIED\"}").orElseThrow().confirmedAccount()).isFalse();
        assertThat(EsiaPersonJson.read("{\"oid\":\"1\",\"accountType\":\"CHILD\"}").orElseThrow().confirmedAccount()).isFalse();
        assertThat(EsiaPersonJson.read("{\"oid\":\"1\"}").orElseThrow().childNames()).isEmpty();
    }

    @Test
    void missingOrBrokenDocumentsGiveNothing() {
        assertThat(EsiaPersonJson.read(null)).isEmpty();
        assertThat(EsiaPersonJson.read("")).isEmpty();
        assertThat(EsiaPersonJson.read("not json")).isEmpty();
        assertThat(EsiaPersonJson.read("{\"lastName\":\"Без oid\"}")).isEmpty();
    }
}
