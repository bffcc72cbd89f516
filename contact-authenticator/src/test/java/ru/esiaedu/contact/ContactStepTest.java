package ru.esiaedu.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

/** The step without a server: who is asked, what a post stores, who is refused, what the audit event says. */
class ContactStepTest {

    private static final String ESIA_EMAIL = "olga.esia@mail.ru";
    private static final Predicate<String> NOBODY_HAS_IT = address -> false;

    private final ContactStep step = new ContactStep(ContactSettings.defaults());

    @Test
    void aPersonWithoutAnAddressSeesThePageAndNothingIsStoredYet() {
        MemoryAccount account = new MemoryAccount(null);

        ContactOutcome outcome = step.start(null, account);

        assertThat(outcome.pass()).isFalse();
        assertThat(outcome.question()).isEqualTo(ContactQuestion.EMAIL_AND_CHOICES);
        assertThat(outcome.form()).isNull();
        assertThat(account.changes).isEmpty();
        assertThat(outcome.details()).containsExactly(Map.entry(ContactOutcome.DETAIL_STEP, "asked_email"));
    }

    @Test
    void theTypedAddressIsStoredForConfirmationWithBothChoices() {
        MemoryAccount account = new MemoryAccount(null);

        ContactOutcome outcome = step.submit(null, account,
                form(" Olga.Morozova@Mail.ru ", true, true), NOBODY_HAS_IT);

        assertThat(outcome.pass()).isTrue();
        assertThat(account.email).isEqualTo("olga.morozova@mail.ru");
        assertThat(account.choices).isEqualTo(new ContactChoices(true, true));
        assertThat(account.changes).containsExactly("email for confirmation", "choices");
        assertThat(outcome.details()).containsOnly(Map.entry(ContactOutcome.DETAIL_STEP, "asked_email"),
                Map.entry(ContactOutcome.DETAIL_EMAIL_CONFIRMATION, "link_sent"),
                Map.entry(ContactOutcome.DETAIL_JOURNAL_MAIL_COPY, "true"),
                Map.entry(ContactOutcome.DETAIL_MARK_READ_ON_OPEN, "true"));
    }

    @Test
    void uncheckedBoxesAreStoredAsNo() {
        MemoryAccount account = new MemoryAccount(null);

        step.submit(null, account, form("olga@mail.ru", false, false), NOBODY_HAS_IT);

        assertThat(account.choices).isEqualTo(ContactChoices.NONE);
    }

    @Test
    void markingAsReadWithoutMailCopiesIsStoredAsNoButShownAsTicked() {
        MemoryAccount account = new MemoryAccount(null);

        ContactOutcome stored = step.submit(null, account, form("olga@mail.ru", false, true), NOBODY_HAS_IT);
        ContactOutcome refused = step.submit(null, new MemoryAccount(null), form("not an address", false, true), NOBODY_HAS_IT);

        assertThat(account.choices).isEqualTo(new ContactChoices(false, false));
        assertThat(stored.details()).containsEntry(ContactOutcome.DETAIL_MARK_READ_ON_OPEN, "false");
        assertThat(refused.form().pageValues()).containsEntry(ContactChoices.MARK_READ_ON_OPEN, true);
    }

    @Test
    void anAddressOfAnotherAccountIsRefusedWithoutStoringAnythingOrNamingTheOwner() {
        MemoryAccount account = new MemoryAccount(null);
        Set<String> othersAddresses = Set.of("taken@mail.ru");

        ContactOutcome outcome = step.submit(null, account, form("TAKEN@mail.ru", true, false), othersAddresses::contains);

        assertThat(outcome.pass()).isFalse();
        assertThat(outcome.form().error()).isEqualTo("esiaContactEmailTaken");
        assertThat(outcome.form().pageValues()).containsEntry(ContactForm.EMAIL, "TAKEN@mail.ru")
                .containsEntry(ContactChoices.JOURNAL_MAIL_COPY, true);
        assertThat(account.changes).isEmpty();
        assertThat(outcome.details()).containsOnly(Map.entry(ContactOutcome.DETAIL_STEP, "asked_email"),
                Map.entry(ContactOutcome.DETAIL_REFUSED, "taken"));
    }

    @Test
    void theOwnerCheckIsAskedOnlyAboutAValidNormalisedAddress() {
        java.util.List<String> asked = new java.util.ArrayList<>();

        step.submit(null, new MemoryAccount(null), form("a@x.ru, b@y.ru", false, false), a -> asked.add(a));
        step.submit(null, new MemoryAccount(null), form("<script>@x.ru", false, false), a -> asked.add(a));
        step.submit(null, new MemoryAccount(null), form("  Mama@Mail.RU", false, false), a -> asked.add(a));

        assertThat(asked).containsExactly("mama@mail.ru");
    }

    @Test
    void hostileInputIsRefusedKeptForCorrectionAndNotStored() {
        Map<String, String> refusals = new HashMap<>();
        for (String typed : new String[] {"", "x".repeat(5000) + "@mail.ru", "mama@mail.ru, papa@mail.ru",
                "<script>alert(1)</script>"}) {
            MemoryAccount account = new MemoryAccount(null);
            ContactOutcome outcome = step.submit(null, account, form(typed, true, true), NOBODY_HAS_IT);
            assertThat(outcome.pass()).as(typed).isFalse();
            assertThat(account.changes).as(typed).isEmpty();
            assertThat((String) outcome.form().pageValues().get(ContactForm.EMAIL))
                    .hasSizeLessThanOrEqualTo(ContactForm.KEPT_CHARACTERS)
                    .isEqualTo(typed.substring(0, Math.min(typed.length(), ContactForm.KEPT_CHARACTERS)));
            refusals.put(typed.length() > 30 ? "long" : typed, outcome.details().get(ContactOutcome.DETAIL_REFUSED));
        }
        assertThat(refusals).containsOnly(Map.entry("", "required"), Map.entry("long", "tooLong"),
                Map.entry("mama@mail.ru, papa@mail.ru", "oneAddress"), Map.entry("<script>alert(1)</script>", "invalid"));
    }

    @Test
    void aSecondPostOfTheSameFormPassesWithoutStoringTwice() {
        MemoryAccount account = new MemoryAccount(null);
        step.submit(null, account, form("olga@mail.ru", true, false), NOBODY_HAS_IT);

        // The address is the account's now: the owner check would find it; the step must not even ask.
        ContactOutcome second = step.submit(null, account, form("olga@mail.ru", true, false), address -> true);

        assertThat(second.pass()).isTrue();
        assertThat(second.question()).isEqualTo(ContactQuestion.NOTHING);
        assertThat(account.changes).containsExactly("email for confirmation", "choices");
    }

    @Test
    void aSecondPostWithAnotherAddressDoesNotReplaceTheFirst() {
        MemoryAccount account = new MemoryAccount(null);
        step.submit(null, account, form("olga@mail.ru", false, false), NOBODY_HAS_IT);

        step.submit(null, account, form("someone.else@mail.ru", true, true), NOBODY_HAS_IT);

        assertThat(account.email).isEqualTo("olga@mail.ru");
        assertThat(account.choices).isEqualTo(ContactChoices.NONE);
    }

    @Test
    void aConfirmedGosuslugiAddressPassesWithoutAPageAndWithoutMailCopies() {
        MemoryAccount account = new MemoryAccount(ESIA_EMAIL);

        ContactOutcome outcome = step.start(ESIA_EMAIL, account);

        assertThat(outcome.pass()).isTrue();
        assertThat(account.email).isEqualTo(ESIA_EMAIL);
        assertThat(account.choices).isEqualTo(ContactChoices.NONE);
        assertThat(account.changes).containsExactly("choices");
        assertThat(outcome.details()).containsEntry(ContactOutcome.DETAIL_STEP, "not_asked_esia_email")
                .containsEntry(ContactOutcome.DETAIL_JOURNAL_MAIL_COPY, "false")
                .doesNotContainKey(ContactOutcome.DETAIL_EMAIL_CONFIRMATION);
    }

    @Test
    void onTheChoicesOnlyPageAPostedAddressCannotReplaceTheGosuslugiOne() {
        ContactStep asking = new ContactStep(new ContactSettings(true, true));
        MemoryAccount account = new MemoryAccount(ESIA_EMAIL);
        assertThat(asking.start(ESIA_EMAIL, account).question()).isEqualTo(ContactQuestion.CHOICES_ONLY);

        ContactOutcome outcome = asking.submit(ESIA_EMAIL, account, form("attacker@evil.example", true, false), NOBODY_HAS_IT);

        assertThat(outcome.pass()).isTrue();
        assertThat(account.email).isEqualTo(ESIA_EMAIL);
        assertThat(account.changes).containsExactly("choices");
        assertThat(account.choices).isEqualTo(new ContactChoices(true, false));
    }

    @Test
    void withoutAUserTheStepPassesAndTouchesNothing() {
        ContactOutcome outcome = step.start(null, null);

        assertThat(outcome.pass()).isTrue();
        assertThat(outcome.question()).isEqualTo(ContactQuestion.NO_USER);
        assertThat(step.submit(null, null, form("olga@mail.ru", true, true), NOBODY_HAS_IT).pass()).isTrue();
    }

    @Test
    void refusalNamesAreTheMessageKeysShortNames() {
        assertThat(ContactStep.refusal("esiaContactEmailTaken")).isEqualTo("taken");
        assertThat(ContactStep.refusal("esiaContactEmailOneAddress")).isEqualTo("oneAddress");
    }

    /** The posted fields: the address and the two boxes as a browser sends them (a ticked box posts "on"). */
    static java.util.function.Function<String, String> form(String email, boolean journal, boolean markRead) {
        Map<String, String> fields = new HashMap<>();
        fields.put(ContactForm.EMAIL, email);
        if (journal) {
            fields.put(ContactChoices.JOURNAL_MAIL_COPY, "on");
        }
        if (markRead) {
            fields.put(ContactChoices.MARK_READ_ON_OPEN, "on");
        }
        return fields::get;
    }
}
