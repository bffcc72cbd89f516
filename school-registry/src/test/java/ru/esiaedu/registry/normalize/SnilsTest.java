package ru.esiaedu.registry.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SnilsTest {

    /** Every SNILS of the emulator's persons (persons.json) is valid. */
    @ParameterizedTest
    @CsvSource({"112-233-445 95,11223344595", "134-567-891 91,13456789191", "156-789-012 11,15678901211",
            "178-901-234 94,17890123494", "190-123-456 36,19012345636", "201-234-567 01,20123456701",
            "223-456-789 73,22345678973", "245-678-901 14,24567890114", "267-890-123 16,26789012316"})
    void emulatorSnilsAreValid(String formatted, String digits) {
        assertThat(Snils.normalize(formatted)).contains(digits);
        assertThat(Snils.normalize(digits)).contains(digits);
        assertThat(Snils.isValid(formatted)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"112 233 445 95", "112-233-445-95", " 11223344595 ", "112233445 95"})
    void separatorsDoNotMatter(String snils) {
        assertThat(Snils.normalize(snils)).contains("11223344595");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"112-233-445 96", "112-233-445 59", "134-567-891 19", "1122334459", "112233445950",
            "112-233-445 9S", "000-000-000 00", "снилс 112-233-445 95"})
    void wrongCheckNumberOrShapeIsRejected(String snils) {
        assertThat(Snils.normalize(snils)).isEmpty();
        assertThat(Snils.isValid(snils)).isFalse();
    }

    @Test
    void checkNumberEdgeCases() {
        assertThat(Snils.normalize("001-001-998 77")).as("old numbers have no check").isPresent();
        // 123-456-789: sum = 1*9+2*8+3*7+4*6+5*5+6*4+7*3+8*2+9*1 = 165 -> 165 % 101 = 64
        assertThat(Snils.normalize("123-456-789 64")).contains("12345678964");
        assertThat(Snils.normalize("123-456-789 65")).isEmpty();
        // 100-000-009: 1*9 + 9*1 = 18
        assertThat(Snils.normalize("100-000-009 18")).contains("10000000918");
        // 911-000-003: 9*9 + 1*8 + 1*7 + 3*1 = 99 -> 99; 911-000-004: 100 -> 00; 911-000-005: 101 -> 00
        assertThat(Snils.normalize("911-000-003 99")).isPresent();
        assertThat(Snils.normalize("911-000-004 00")).isPresent();
        assertThat(Snils.normalize("911-000-005 00")).isPresent();
        assertThat(Snils.normalize("911-000-004 100")).isEmpty();
        // 999-999-999: 9*45 = 405 -> 405 % 101 = 1
        assertThat(Snils.normalize("999-999-999 01")).isPresent();
    }
}
