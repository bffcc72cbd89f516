package ru.esiaedu.registry.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailsTest {

    @Test
    void trimsAndLowerCasesLocalPartAndDomain() {
        assertThat(Emails.normalize("  E.Sokolova79@Yandex.RU ")).contains("e.sokolova79@yandex.ru");
        assertThat(Emails.normalize("primer123@mail.ru")).contains("primer123@mail.ru");
        assertThat(Emails.normalize("\tIvan@Школа.РФ\n")).contains("ivan@школа.рф");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "primer123.mail.ru", "@mail.ru", "primer123@", "a@b@c.ru", "pri mer@mail.ru",
            "@ primer123@mail.ru"})
    void notAnAddressIsEmpty(String email) {
        assertThat(Emails.normalize(email)).isEmpty();
    }

    @Test
    void oneLetterDifferenceStaysDifferent() {
        assertThat(Emails.normalize("amina.dzalilova2016@mail.ru"))
                .isNotEqualTo(Emails.normalize("amina.dzhalilova2016@mail.ru"));
    }
}
