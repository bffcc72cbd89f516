package ru.esiaedu.linker.link;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EsiaPersonDataTest {

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
        EsiaPersonData person = EsiaPersonData.parse(PERSON).orElseThrow();
        assertThat(person.oid()).isEqualTo("1000123");
        assertThat(person.confirmed()).isTrue();
        assertThat(person.email()).isEqualTo("maria@example.ru");
        assertThat(person.childNames()).containsExactly("Иванов Пётр Сергеевич", "Иванова Анна");
    }

    @Test
    void simplifiedAndChildAccountsAreNotConfirmed() {
        assertThat(EsiaPersonData.parse("{\"oid\":\"1\",\"accountType\":\"SIMPLIFIED\"}").orElseThrow().confirmed()).isFalse();
        assertThat(EsiaPersonData.parse("{\"oid\":\"1\",\"accountType\":\"CHILD\"}").orElseThrow().confirmed()).isFalse();
        assertThat(EsiaPersonData.parse("{\"oid\":\"1\"}").orElseThrow().childNames()).isEmpty();
    }

    @Test
    void missingOrBrokenDocumentsGiveNothing() {
        assertThat(EsiaPersonData.parse(null)).isEmpty();
        assertThat(EsiaPersonData.parse("")).isEmpty();
        assertThat(EsiaPersonData.parse("not json")).isEmpty();
        assertThat(EsiaPersonData.parse("{\"lastName\":\"Без oid\"}")).isEmpty();
    }
}
