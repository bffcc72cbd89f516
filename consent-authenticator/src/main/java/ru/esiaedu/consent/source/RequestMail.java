package ru.esiaedu.consent.source;

import java.util.Locale;

/** What became of the e-mail of a consent request in this step; the page and the event say it as it is. */
public enum RequestMail {
    /** The source sends no mail of its own (ESIA notifies in Gosuslugi), or a request was not made. */
    NONE,
    /** Sent now to every recipient not reached before. */
    SENT,
    /** Every recipient with an address was reached earlier: nothing sent. */
    ALREADY_SENT,
    /** The mail server did not accept the mail for at least one recipient; it is tried again later. */
    FAILED,
    /** No recipient has an e-mail address: nobody can be mailed. */
    NO_ADDRESS,
    /** «Отправить письмо ещё раз» sooner than allowed: nothing sent. */
    TOO_SOON;

    /** The value of the event detail {@code consent_mail}. */
    public String eventValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
