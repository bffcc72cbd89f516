package ru.esiaedu.contact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Who is asked what: only a person without any known address is asked for one. */
class ContactQuestionTest {

    private static final ContactSettings DEFAULTS = ContactSettings.defaults();
    private static final ContactSettings ASK_CHOICES = new ContactSettings(true, true);

    @Test
    void aPersonWithoutAConfirmedGosuslugiAddressIsAskedForOne() {
        assertThat(ContactQuestion.decide(DEFAULTS, null, true, null, false)).isEqualTo(ContactQuestion.EMAIL_AND_CHOICES);
        assertThat(ContactQuestion.decide(DEFAULTS, "  ", true, "", false)).isEqualTo(ContactQuestion.EMAIL_AND_CHOICES);
    }

    @Test
    void aPersonWithAConfirmedGosuslugiAddressIsNotAskedAndGetsNoMailCopiesByDefault() {
        assertThat(ContactQuestion.decide(DEFAULTS, "olga@mail.ru", true, "olga@mail.ru", false))
                .isEqualTo(ContactQuestion.NOTHING_STORE_DEFAULTS);
    }

    @Test
    void theSettingAsksThatPersonOnlyTheTwoChoices() {
        assertThat(ContactQuestion.decide(ASK_CHOICES, "olga@mail.ru", true, "olga@mail.ru", false))
                .isEqualTo(ContactQuestion.CHOICES_ONLY);
        assertThat(ContactQuestion.decide(ASK_CHOICES, null, true, null, false)).isEqualTo(ContactQuestion.EMAIL_AND_CHOICES);
    }

    @Test
    void choicesAlreadyMadeAreNeitherAskedAgainNorOverwritten() {
        assertThat(ContactQuestion.decide(ASK_CHOICES, "olga@mail.ru", true, "olga@mail.ru", true))
                .isEqualTo(ContactQuestion.NOTHING);
        assertThat(ContactQuestion.decide(DEFAULTS, "olga@mail.ru", true, "olga@mail.ru", true)).isEqualTo(ContactQuestion.NOTHING);
    }

    @Test
    void anAddressWaitingForItsLinkIsNotAskedForAgain() {
        assertThat(ContactQuestion.decide(DEFAULTS, null, true, "olga@mail.ru", true)).isEqualTo(ContactQuestion.NOTHING);
        assertThat(ContactQuestion.decide(DEFAULTS, null, true, "olga@mail.ru", false)).isEqualTo(ContactQuestion.NOTHING);
    }

    @Test
    void withoutAUserNothingIsAskedOrStored() {
        assertThat(ContactQuestion.decide(DEFAULTS, null, false, null, false)).isEqualTo(ContactQuestion.NO_USER);
        assertThat(ContactQuestion.NO_USER.asks()).isFalse();
    }

    @Test
    void onlyTheTwoPageQuestionsAsk() {
        assertThat(ContactQuestion.EMAIL_AND_CHOICES.asks()).isTrue();
        assertThat(ContactQuestion.CHOICES_ONLY.asks()).isTrue();
        assertThat(ContactQuestion.NOTHING.asks()).isFalse();
        assertThat(ContactQuestion.NOTHING_STORE_DEFAULTS.asks()).isFalse();
    }
}
