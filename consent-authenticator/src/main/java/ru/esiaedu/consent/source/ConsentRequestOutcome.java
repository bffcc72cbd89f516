package ru.esiaedu.consent.source;

/**
 * @param requestId  the source's id of the (new or already open) request
 * @param created    false when a request was already open
 * @param recipients how many people were asked (both parents, or the adult student); 0 when the source cannot say
 * @param mail       what became of the request's e-mail in this call
 */
public record ConsentRequestOutcome(String requestId, boolean created, int recipients, RequestMail mail) {

    public ConsentRequestOutcome {
        mail = mail == null ? RequestMail.NONE : mail;
    }

    /** An outcome of a source that sends no mail of its own. */
    public ConsentRequestOutcome(String requestId, boolean created, int recipients) {
        this(requestId, created, recipients, RequestMail.NONE);
    }
}
