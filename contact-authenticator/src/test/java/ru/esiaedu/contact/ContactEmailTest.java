package ru.esiaedu.contact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One contact address: the registry's normal form, Keycloak's rule, and what must never be stored (see also {@link ContactFormProperties}). */
class ContactEmailTest {

    @Test
    void anAddressIsStoredTrimmedAndInLowerCaseAsTheRegistryStoresIt() {
        ContactEmail.Checked checked = ContactEmail.check("  Olga.Morozova@Mail.RU \t");

        assertThat(checked.valid()).isTrue();
        assertThat(checked.address()).isEqualTo("olga.morozova@mail.ru");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t\n"})
    void anEmptyFieldIsRefusedAsRequired(String typed) {
        assertThat(ContactEmail.check(typed).error()).isEqualTo(ContactEmail.REQUIRED);
        assertThat(ContactEmail.check(null).error()).isEqualTo(ContactEmail.REQUIRED);
    }

    @Test
    void anAddressLongerThanSmtpAllowsIsRefusedAsTooLong() {
        String local = "a".repeat(60);
        String longest = local + "@" + "b".repeat(ContactEmail.MAX_LENGTH - local.length() - 4) + ".ru";
        assertThat(longest).hasSize(ContactEmail.MAX_LENGTH);

        assertThat(ContactEmail.check(longest + "x").error()).isEqualTo(ContactEmail.TOO_LONG);
        assertThat(ContactEmail.check("x".repeat(100_000) + "@mail.ru").error()).isEqualTo(ContactEmail.TOO_LONG);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mama@mail.ru, papa@mail.ru", "mama@mail.ru;papa@mail.ru", "mama@mail.ru papa@mail.ru",
            "mama@mail.ru\npapa@mail.ru"})
    void twoAddressesAreRefusedWithTheirOwnMessage(String typed) {
        assertThat(ContactEmail.check(typed).error()).isEqualTo(ContactEmail.ONE_ADDRESS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"<script>alert(1)</script>@mail.ru", "olga@<script>.ru", "\"><img src=x onerror=alert(1)>@x.ru",
            "olga", "olga@", "@mail.ru", "olga@@mail.ru", "olga@mail..ru", "olga morozova@mail.ru", "olga@mail.ru\u0000",
            "ol\u0007ga@mail.ru", "olga@mail", "olga@-mail.ru"})
    void somethingThatIsNotAnAddressIsRefusedAsInvalid(String typed) {
        ContactEmail.Checked checked = ContactEmail.check(typed);

        assertThat(checked.valid()).as(typed).isFalse();
        assertThat(checked.error()).as(typed).isIn(ContactEmail.INVALID, ContactEmail.ONE_ADDRESS);
        assertThat(checked.address()).isNull();
    }

}
