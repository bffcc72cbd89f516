package ru.esiaedu.linker.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class EsiaPersonJsonTest {

    /** The shape EsiaIdentityMapper.profileJson writes (docs/esia-idp.md). */
    static final String PERSON = """
            {"oid":"1000001","lastName":"Захарченко","firstName":"Диана","middleName":"Набиевна","birthDate":"1985-04-02",
             "gender":"F","snils":"112-233-445 95","trusted":true,"accountType":"CONFIRMED","email":"primer123@mail.ru",
             "mobile":"+7(901)1111111",
             "passport":{"type":"RF_PASSPORT","series":"7500","number":"123456","issueDate":"2005-05-01","verified":true},
             "birthCertificate":null,
             "children":[{"oid":"2000002","lastName":"Джалилов","firstName":"Резида","birthDate":"2016-06-03",
                          "birthCertificate":{"series":"IV-МЮ","number":"654321"}}]}""";

    @Test
    void reads_what_the_esia_provider_writes() {
        EsiaPersonData person = EsiaPersonJson.parse(PERSON);
        assertThat(person.oid()).isEqualTo("1000001");
        assertThat(person.birthDate()).isEqualTo(LocalDate.of(1985, 4, 2));
        assertThat(person.confirmed()).isTrue();
        assertThat(person.verifiedEmail()).isEqualTo("primer123@mail.ru");
        assertThat(person.verifiedMobile()).isEqualTo("+7(901)1111111");
        assertThat(person.passport()).isEqualTo(new EsiaPersonData.Document("7500", "123456"));
        assertThat(person.birthCertificate()).isNull();
    }

    @Test
    void unknown_account_type_is_the_least_trusted() {
        EsiaPersonData person = EsiaPersonJson.parse("{\"oid\":\"1\",\"trusted\":true,\"accountType\":\"SOMETHING\"}");
        assertThat(person.confirmed()).isFalse();
    }

    @Test
    void trusted_flag_without_confirmed_type_is_not_confirmed_but_child_is() {
        assertThat(EsiaPersonJson.parse("{\"oid\":\"1\",\"trusted\":false,\"accountType\":\"CONFIRMED\"}").confirmed()).isFalse();
        assertThat(EsiaPersonJson.parse("{\"oid\":\"1\",\"trusted\":false,\"accountType\":\"CHILD\"}").confirmed()).isTrue();
    }

    @Test
    void unverified_mobile_is_dropped() {
        assertThat(EsiaPersonJson.parse("{\"oid\":\"1\",\"mobile\":\"+79011111111\",\"mobileVerified\":false}").verifiedMobile()).isNull();
    }

    @Test
    void bad_dates_are_unknown_not_fatal() {
        assertThat(EsiaPersonJson.parse("{\"oid\":\"1\",\"birthDate\":\"03.06.2009\"}").birthDate()).isNull();
    }

    @Test
    void garbage_or_no_oid_is_refused() {
        assertThatThrownBy(() -> EsiaPersonJson.parse("not json")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EsiaPersonJson.parse("{}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EsiaPersonJson.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void age_is_counted_in_full_years() {
        EsiaPersonData person = EsiaPersonJson.parse("{\"oid\":\"1\",\"birthDate\":\"2012-03-15\"}");
        assertThat(person.ageOn(LocalDate.of(2026, 3, 14))).isEqualTo(13);
        assertThat(person.ageOn(LocalDate.of(2026, 3, 15))).isEqualTo(14);
        assertThat(EsiaPersonJson.parse("{\"oid\":\"1\"}").ageOn(LocalDate.of(2026, 3, 15))).isEqualTo(-1);
    }
}
