package ru.esiaedu.consent.source;

/**
 * Implemented by sources that e-mail the request themselves (the {@code registry} source): «Отправить письмо ещё
 * раз» on the consent page. The source decides how often that is allowed, so the button cannot flood the parents.
 */
public interface RequestResend {

    /**
     * Sends the pending request's mail again when allowed; never opens a request.
     *
     * @return the open request and {@link ConsentRequestOutcome#mail() what became of its mail}; a null request id
     *         when nothing is pending
     */
    ConsentRequestOutcome resend(ConsentSubject subject) throws ConsentSourceUnavailableException;
}
