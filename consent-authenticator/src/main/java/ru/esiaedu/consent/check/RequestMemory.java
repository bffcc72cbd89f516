package ru.esiaedu.consent.check;

import ru.esiaedu.consent.source.ConsentRequestOutcome;
import ru.esiaedu.consent.source.RequestMail;

/**
 * Remembers within one login (the authentication session) that the consent request was already sent, so a reload
 * or a double submit does not ask the source again, and what became of its e-mail, so the page keeps saying it. The
 * source is idempotent as well; this saves the call.
 */
public interface RequestMemory {

    boolean requested();

    void remember(ConsentRequestOutcome outcome);

    /** What became of the request's mail in this login; {@link RequestMail#NONE} when nothing is known. */
    default RequestMail mail() {
        return RequestMail.NONE;
    }

    /** After «Отправить письмо ещё раз». */
    default void rememberMail(RequestMail mail) {
    }
}
