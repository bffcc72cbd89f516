package ru.esiaedu.linker.link;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RussianPluralTest {

    @Test
    void followsRussianNumberAgreement() {
        assertThat(RussianPlural.minutes(1)).isEqualTo("минуту");
        assertThat(RussianPlural.minutes(2)).isEqualTo("минуты");
        assertThat(RussianPlural.minutes(4)).isEqualTo("минуты");
        assertThat(RussianPlural.minutes(5)).isEqualTo("минут");
        assertThat(RussianPlural.minutes(11)).isEqualTo("минут");
        assertThat(RussianPlural.minutes(12)).isEqualTo("минут");
        assertThat(RussianPlural.minutes(15)).isEqualTo("минут");
        assertThat(RussianPlural.minutes(21)).isEqualTo("минуту");
        assertThat(RussianPlural.minutes(22)).isEqualTo("минуты");
        assertThat(RussianPlural.minutes(111)).isEqualTo("минут");
    }
}
