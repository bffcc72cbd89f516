package ru.esiaedu.contact;

import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A posted «Контактные данные» form and what is wrong with it. The typed address is kept as typed (and shown again
 * on the page, escaped by the theme) so an error loses nothing; only the checked, normalised address is stored.
 *
 * @param typedEmail what was in the e-mail field (capped, see {@link #KEPT_CHARACTERS}); null on the choices-only page
 * @param email      the address to store; null when none was asked or it is not valid
 * @param error      message key of the e-mail field's error; null when the form can be stored
 */
public record ContactForm(String typedEmail, String email, ContactChoices choices, String error) {

    /** Form field of the address. */
    public static final String EMAIL = "email";
    static final String TAKEN = "esiaContactEmailTaken";

    /** A pasted novel is not echoed back whole: enough to see and fix the address. */
    static final int KEPT_CHARACTERS = 2 * ContactEmail.MAX_LENGTH;

    public boolean valid() {
        return error == null;
    }

    /**
     * @param usedByAnotherUser whether a normalised address already belongs to another user (asked only for an
     *                          address that is otherwise valid)
     */
    public static ContactForm read(ContactQuestion question, Function<String, String> field,
                                   Predicate<String> usedByAnotherUser) {
        ContactChoices choices = ContactChoices.fromForm(field);
        if (question != ContactQuestion.EMAIL_AND_CHOICES) {
            return new ContactForm(null, null, choices, null);
        }
        String typed = field.apply(EMAIL);
        String kept = typed == null ? "" : typed.length() > KEPT_CHARACTERS ? typed.substring(0, KEPT_CHARACTERS) : typed;
        ContactEmail.Checked checked = ContactEmail.check(typed);
        if (!checked.valid()) {
            return new ContactForm(kept, null, choices, checked.error());
        }
        if (usedByAnotherUser.test(checked.address())) {
            return new ContactForm(kept, null, choices, TAKEN);
        }
        return new ContactForm(kept, checked.address(), choices, null);
    }

    /** The empty form of a first showing. */
    static ContactForm blank() {
        return new ContactForm("", null, ContactChoices.NONE, null);
    }

    /** The values the page shows again after an error. */
    public Map<String, Object> pageValues() {
        return Map.of(EMAIL, typedEmail == null ? "" : typedEmail,
                ContactChoices.JOURNAL_MAIL_COPY, choices.journalMailCopy(),
                ContactChoices.MARK_READ_ON_OPEN, choices.markReadOnOpen());
    }
}
