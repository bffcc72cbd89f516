package ru.esiaedu.consent.check;

import ru.esiaedu.consent.source.ConsentRequestOutcome;
import ru.esiaedu.consent.source.RequestMail;

/** The auth note of one login, as a field. */
class MemoryInNotes implements RequestMemory {

    String note;
    RequestMail mail = RequestMail.NONE;

    @Override
    public boolean requested() {
        return note != null;
    }

    @Override
    public void remember(ConsentRequestOutcome outcome) {
        note = outcome.requestId();
        mail = outcome.mail();
    }

    @Override
    public RequestMail mail() {
        return mail;
    }

    @Override
    public void rememberMail(RequestMail mail) {
        this.mail = mail;
    }
}
