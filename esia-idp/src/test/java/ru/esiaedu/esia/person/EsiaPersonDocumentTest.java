package ru.esiaedu.esia.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import ru.esiaedu.esia.api.AccountType;
import ru.esiaedu.esia.api.EsiaPerson;
import ru.esiaedu.esia.api.TestPersons;

/** The writer and the reader of the person document agree, and the reader is safe on broken input. */
class EsiaPersonDocumentTest {

    private static EsiaPerson parent() {
        return TestPersons.parentWithChild();
    }

    @Test
    void readsBackWhatTheProviderWrites() {
        BrokeredEsiaPerson person = EsiaPersonDocument.read(EsiaPersonDocument.write(parent(), AccountType.CONFIRMED).toString())
                .orElseThrow();
        assertThat(person.oid()).isEqualTo("1000000101");
        assertThat(person.lastName()).isEqualTo("Захарченко");
        assertThat(person.firstName()).isEqualTo("Диана");
        assertThat(person.middleName()).isEqualTo("Набиевна");
        assertThat(person.birthDate()).isEqualTo(LocalDate.of(1987, 1, 19));
        assertThat(person.snils()).isEqualTo("666-374-403 26");
        assertThat(person.accountType()).isEqualTo(AccountType.CONFIRMED);
        assertThat(person.confirmed()).isTrue();
        assertThat(person.confirmedAccount()).isTrue();
        assertThat(person.verifiedEmail()).isEqualTo("Diana@Example.ru");
        assertThat(person.verifiedMobile()).isEqualTo("+7(910)4420232");
        assertThat(person.passport()).isEqualTo(new BrokeredEsiaPerson.Document("5303", "925695"));
        assertThat(person.birthCertificate()).isNull();
        assertThat(person.childNames()).containsExactly("Джалилов Резида Егорович");
    }

    @Test
    void everyAccountLevelSurvivesTheRoundTrip() {
        for (AccountType type : AccountType.values()) {
            assertThat(EsiaPersonDocument.parse(EsiaPersonDocument.write(parent(), type).toString()).accountType())
                    .isEqualTo(type);
        }
    }

    @Test
    void unknownOrMissingAccountTypeIsTheLeastTrusted() {
        BrokeredEsiaPerson unknown = EsiaPersonDocument.parse("{\"oid\":\"1\",\"trusted\":true,\"accountType\":\"SOMETHING\"}");
        assertThat(unknown.accountType()).isEqualTo(AccountType.SIMPLIFIED);
        assertThat(unknown.confirmed()).isFalse();
        assertThat(EsiaPersonDocument.parse("{\"oid\":\"1\",\"trusted\":true}").confirmed()).isFalse();
    }

    @Test
    void trustedFlagWithoutConfirmedTypeIsNotConfirmedButChildIs() {
        assertThat(EsiaPersonDocument.parse("{\"oid\":\"1\",\"trusted\":false,\"accountType\":\"CONFIRMED\"}").confirmed()).isFalse();
        BrokeredEsiaPerson child = EsiaPersonDocument.parse("{\"oid\":\"1\",\"trusted\":false,\"accountType\":\"CHILD\"}");
        assertThat(child.confirmed()).isTrue();
        assertThat(child.confirmedAccount()).isFalse();
        assertThat(EsiaPersonDocument.parse("{\"oid\":\"1\",\"accountType\":\"SIMPLIFIED\"}").confirmedAccount()).isFalse();
    }

    @Test
    void childNamesLeaveBlankPartsOut() {
        BrokeredEsiaPerson person = EsiaPersonDocument.parse("""
                {"oid":"1","children":[{"lastName":"Иванов","firstName":"Пётр","middleName":"Сергеевич"},
                                        {"lastName":"Иванова","firstName":"Анна","middleName":null},{}]}""");
        assertThat(person.childNames()).containsExactly("Иванов Пётр Сергеевич", "Иванова Анна");
        assertThat(EsiaPersonDocument.parse("{\"oid\":\"1\"}").childNames()).isEmpty();
    }

    @Test
    void badDatesAreUnknownNotFatal() {
        assertThat(EsiaPersonDocument.parse("{\"oid\":\"1\",\"birthDate\":\"03.06.2009\"}").birthDate()).isNull();
    }

    @Test
    void garbageOrNoOidIsRefused() {
        assertThatThrownBy(() -> EsiaPersonDocument.parse("not json")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EsiaPersonDocument.parse("{}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EsiaPersonDocument.parse("[1]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EsiaPersonDocument.parse(null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(EsiaPersonDocument.read(null)).isEmpty();
        assertThat(EsiaPersonDocument.read("")).isEmpty();
        assertThat(EsiaPersonDocument.read("not json")).isEmpty();
        assertThat(EsiaPersonDocument.read("{\"lastName\":\"Без oid\"}")).isEmpty();
    }

    @Test
    void toStringCarriesNoPersonalData() {
        String text = EsiaPersonDocument.parse(EsiaPersonDocument.write(parent(), AccountType.CONFIRMED).toString()).toString();
        assertThat(text).doesNotContain("1000000101", "Захарченко", "Диана", "666-374-403", "5303", "Example.ru", "4420232");
    }
}
