package ru.esiaedu.registry.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class NamesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Артём|АРТЕМ", "артем|АРТЕМ", "ЁЛКИН|ЕЛКИН", "Семёнов-Тян-Шанский|СЕМЕНОВ ТЯН ШАНСКИЙ",
            "  Петрова   Водкина |ПЕТРОВА ВОДКИНА", "Петрова - Водкина|ПЕТРОВА ВОДКИНА", "Анна–Мария|АННА МАРИЯ",
            "Резида|РЕЗИДА", "Оглы\tКызы|ОГЛЫ КЫЗЫ"})
    void normalises(String input, String expected) {
        assertThat(Names.normalize(input)).isEqualTo(expected);
    }

    @Test
    void hyphenAndSpaceAreTheSame() {
        assertThat(Names.normalize("Петрова-Водкина")).isEqualTo(Names.normalize("петрова водкина"));
    }

    @Test
    void nonBreakingSpace() {
        assertThat(Names.normalize("Анна\u00a0Мария")).isEqualTo("АННА МАРИЯ");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", " - ", "\t"})
    void nothingLeftIsNull(String input) {
        assertThat(Names.normalize(input)).isNull();
    }

    @Test
    void idempotent() {
        String once = Names.normalize(" Соколов-Артём ");
        assertThat(Names.normalize(once)).isEqualTo(once);
    }
}
