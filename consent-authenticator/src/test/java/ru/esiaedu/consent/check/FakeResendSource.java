package ru.esiaedu.consent.check;

import java.util.ArrayList;
import java.util.List;

import ru.esiaedu.consent.source.ConsentRequestOutcome;
import ru.esiaedu.consent.source.ConsentSourceUnavailableException;
import ru.esiaedu.consent.source.ConsentStatus;
import ru.esiaedu.consent.source.ConsentSubject;
import ru.esiaedu.consent.source.RequestMail;
import ru.esiaedu.consent.source.RequestResend;

/** A source that mails its requests itself: answers {@link #mail} to requests and to «Отправить письмо ещё раз». */
class FakeResendSource extends FakeConsentSource implements RequestResend {

    RequestMail mail = RequestMail.SENT;
    boolean resendUnavailable;
    final List<ConsentSubject> resent = new ArrayList<>();

    FakeResendSource() {
        state = ru.esiaedu.consent.source.ConsentState.of(ConsentStatus.PENDING);
    }

    @Override
    public ConsentRequestOutcome request(ConsentSubject subject, String purpose) throws ConsentSourceUnavailableException {
        ConsentRequestOutcome outcome = super.request(subject, purpose);
        return new ConsentRequestOutcome(outcome.requestId(), outcome.created(), outcome.recipients(), mail);
    }

    @Override
    public ConsentRequestOutcome resend(ConsentSubject subject) throws ConsentSourceUnavailableException {
        resent.add(subject);
        if (resendUnavailable) {
            throw new ConsentSourceUnavailableException("fake source down on resend");
        }
        return new ConsentRequestOutcome("req-1", false, 2, mail);
    }
}
