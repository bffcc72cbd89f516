package ru.esiaedu.contact;

import java.util.Map;

/**
 * What the step does with this request: pass (after storing what was asked) or show the page, and the event details
 * for the audit log. The details never hold the address: only what was asked, the two choices and whether a
 * confirmation link goes out.
 *
 * @param form the form to show again with its error; null on a first showing or when passing
 */
public record ContactOutcome(boolean pass, ContactQuestion question, ContactForm form, Map<String, String> details) {

    public static final String DETAIL_STEP = "contact_step";
    public static final String DETAIL_JOURNAL_MAIL_COPY = "journal_mail_copy";
    public static final String DETAIL_MARK_READ_ON_OPEN = "mark_read_on_open";
    public static final String DETAIL_EMAIL_CONFIRMATION = "email_confirmation";
    /** The e-mail field's error, as its message key's short name (e.g. {@code taken}), on a refused form. */
    public static final String DETAIL_REFUSED = "contact_refused";

    static final String CONFIRMATION_SENT = "link_sent";

    public ContactOutcome {
        details = Map.copyOf(details);
    }
}
