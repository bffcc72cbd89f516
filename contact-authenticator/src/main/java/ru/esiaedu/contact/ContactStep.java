package ru.esiaedu.contact;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The contact step without Keycloak: what to ask ({@link ContactQuestion}), what a posted form stores, what the audit
 * event says. Posting the form again after it was stored (a double click, the back button) finds nothing left to ask
 * and passes without storing twice.
 */
final class ContactStep {

    private final ContactSettings settings;

    ContactStep(ContactSettings settings) {
        this.settings = settings;
    }

    /** The first showing: pass (storing the defaults if due) or ask. */
    ContactOutcome start(String esiaVerifiedEmail, ContactAccount account) {
        ContactQuestion question = question(esiaVerifiedEmail, account);
        if (question.asks()) {
            return new ContactOutcome(false, question, null, Map.of(ContactOutcome.DETAIL_STEP, question.eventValue()));
        }
        return passWithoutPage(question, account);
    }

    /** A posted form: stored and passed, or shown again with its error. */
    ContactOutcome submit(String esiaVerifiedEmail, ContactAccount account, Function<String, String> field,
                          Predicate<String> usedByAnotherUser) {
        ContactQuestion question = question(esiaVerifiedEmail, account);
        if (!question.asks()) {
            return passWithoutPage(question, account);
        }
        ContactForm form = ContactForm.read(question, field, usedByAnotherUser);
        Map<String, String> details = new LinkedHashMap<>();
        details.put(ContactOutcome.DETAIL_STEP, question.eventValue());
        if (!form.valid()) {
            details.put(ContactOutcome.DETAIL_REFUSED, refusal(form.error()));
            return new ContactOutcome(false, question, form, details);
        }
        if (form.email() != null) {
            account.storeEmailForConfirmation(form.email());
            details.put(ContactOutcome.DETAIL_EMAIL_CONFIRMATION, ContactOutcome.CONFIRMATION_SENT);
        }
        account.storeChoices(form.choices());
        choiceDetails(details, form.choices().stored());
        return new ContactOutcome(true, question, null, details);
    }

    private ContactQuestion question(String esiaVerifiedEmail, ContactAccount account) {
        return ContactQuestion.decide(settings, esiaVerifiedEmail, account != null,
                account == null ? null : account.email(), account != null && account.choicesStored());
    }

    private static ContactOutcome passWithoutPage(ContactQuestion question, ContactAccount account) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put(ContactOutcome.DETAIL_STEP, question.eventValue());
        if (question == ContactQuestion.NOTHING_STORE_DEFAULTS) {
            account.storeChoices(ContactChoices.NONE);
            choiceDetails(details, ContactChoices.NONE);
        }
        return new ContactOutcome(true, question, null, details);
    }

    private static void choiceDetails(Map<String, String> details, ContactChoices stored) {
        details.put(ContactOutcome.DETAIL_JOURNAL_MAIL_COPY, Boolean.toString(stored.journalMailCopy()));
        details.put(ContactOutcome.DETAIL_MARK_READ_ON_OPEN, Boolean.toString(stored.markReadOnOpen()));
    }

    /** {@code esiaContactEmailTaken} → {@code taken}: the reason, not the value. */
    static String refusal(String messageKey) {
        String prefix = "esiaContactEmail";
        String reason = messageKey.startsWith(prefix) ? messageKey.substring(prefix.length()) : messageKey;
        return reason.isEmpty() ? messageKey : Character.toLowerCase(reason.charAt(0)) + reason.substring(1);
    }
}
