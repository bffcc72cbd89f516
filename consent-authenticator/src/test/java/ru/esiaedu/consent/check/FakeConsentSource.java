package ru.esiaedu.consent.check;

import java.util.ArrayList;
import java.util.List;

import ru.esiaedu.consent.source.ConsentApprover;
import ru.esiaedu.consent.source.ConsentRequestOutcome;
import ru.esiaedu.consent.source.ConsentSource;
import ru.esiaedu.consent.source.ConsentSourceUnavailableException;
import ru.esiaedu.consent.source.ConsentState;
import ru.esiaedu.consent.source.ConsentStatus;
import ru.esiaedu.consent.source.ConsentSubject;
import ru.esiaedu.consent.source.Grantor;

/** A programmable consent source that records what it was asked. */
class FakeConsentSource implements ConsentSource {

    ConsentState state = ConsentState.of(ConsentStatus.NONE);
    /** When set, the request made by {@link #request} grants nothing; the answer's "created" follows this flag. */
    boolean pendingAtSource;
    int pendingApprovals;
    RuntimeException checkFailsWith;
    boolean checkUnavailable;
    boolean requestUnavailable;
    boolean approvalsUnavailable;
    RuntimeException approvalsFailWith;

    final List<ConsentSubject> checked = new ArrayList<>();
    final List<ConsentSubject> requested = new ArrayList<>();
    final List<String> purposes = new ArrayList<>();
    final List<ConsentApprover> approvalLookups = new ArrayList<>();

    static FakeConsentSource answering(ConsentStatus status) {
        FakeConsentSource source = new FakeConsentSource();
        source.state = ConsentState.of(status);
        return source;
    }

    static FakeConsentSource granted(Grantor grantor) {
        FakeConsentSource source = new FakeConsentSource();
        source.state = new ConsentState(ConsentStatus.GRANTED, grantor, "r-granted");
        return source;
    }

    @Override
    public ConsentState check(ConsentSubject subject) throws ConsentSourceUnavailableException {
        checked.add(subject);
        if (checkFailsWith != null) {
            throw checkFailsWith;
        }
        if (checkUnavailable) {
            throw new ConsentSourceUnavailableException("fake source down");
        }
        return state;
    }

    @Override
    public ConsentRequestOutcome request(ConsentSubject subject) throws ConsentSourceUnavailableException {
        return request(subject, null);
    }

    @Override
    public ConsentRequestOutcome request(ConsentSubject subject, String purpose) throws ConsentSourceUnavailableException {
        requested.add(subject);
        purposes.add(purpose);
        if (requestUnavailable) {
            throw new ConsentSourceUnavailableException("fake source down on request");
        }
        boolean created = !pendingAtSource && state.status() != ConsentStatus.PENDING;
        pendingAtSource = true;
        return new ConsentRequestOutcome("req-" + requested.size(), created, 2);
    }

    @Override
    public int pendingApprovals(ConsentApprover approver) throws ConsentSourceUnavailableException {
        approvalLookups.add(approver);
        if (approvalsFailWith != null) {
            throw approvalsFailWith;
        }
        if (approvalsUnavailable) {
            throw new ConsentSourceUnavailableException("fake source down on approvals");
        }
        return pendingApprovals;
    }
}
