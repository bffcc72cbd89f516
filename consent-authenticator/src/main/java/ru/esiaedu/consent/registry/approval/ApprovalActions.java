package ru.esiaedu.consent.registry.approval;

import java.util.List;
import java.util.Optional;

import ru.esiaedu.consent.access.StudentAccess;
import ru.esiaedu.registry.ConsentRecord;
import ru.esiaedu.registry.ConsentRequestRecord;
import ru.esiaedu.registry.ConsentRequestStatus;
import ru.esiaedu.registry.RegistryAccount;
import ru.esiaedu.registry.RegistryUnavailableException;
import ru.esiaedu.registry.SchoolRegistryProvider;

/**
 * The buttons of the approval page, for the person with this ESIA oid. Each call re-reads the registry, so a
 * double submit, a stale page or a forged id cannot do more than the current state allows: a request is acted on
 * only when one of the person's registry accounts is among its recipients, a consent only when one of them
 * granted it.
 */
public final class ApprovalActions {

    private final SchoolRegistryProvider registry;
    private final String esiaOid;
    private final String textVersion;

    public ApprovalActions(SchoolRegistryProvider registry, String esiaOid, String textVersion) {
        this.registry = registry;
        this.esiaOid = esiaOid;
        this.textVersion = textVersion;
    }

    public ApprovalResult apply(ApprovalCommand command) throws RegistryUnavailableException {
        return switch (command.kind()) {
            case APPROVE -> approve(command.id());
            case DECLINE -> decline(command.id());
            case REVOKE -> revoke(command.id());
            case CONTINUE -> throw new IllegalArgumentException("continue is not a registry action");
        };
    }

    private List<String> myAccounts() throws RegistryUnavailableException {
        return registry.findLinked(esiaOid).stream().map(RegistryAccount::id).toList();
    }

    /** The person's account among the request's recipients. */
    private static Optional<String> recipient(ConsentRequestRecord request, List<String> mine) {
        return request.recipientAccountIds().stream().filter(mine::contains).findFirst();
    }

    private ApprovalResult approve(long requestId) throws RegistryUnavailableException {
        return decide(requestId, ConsentRequestStatus.APPROVED, ApprovalResult.GRANTED, (request, approver) ->
                registry.approveConsentRequest(requestId, approver, esiaOid, textVersion)
                        .map(consent -> ConsentEvent.granted(requestId, consent.id(), request.studentAccountId())));
    }

    private ApprovalResult decline(long requestId) throws RegistryUnavailableException {
        return decide(requestId, ConsentRequestStatus.DECLINED, ApprovalResult.DECLINED, (request, approver) ->
                registry.declineConsentRequest(requestId, approver)
                        ? Optional.of(ConsentEvent.declined(requestId, request.studentAccountId()))
                        : Optional.empty());
    }

    /** The registry call that records one recipient's decision; empty when another decision came first. */
    private interface Decision {
        Optional<ConsentEvent> record(ConsentRequestRecord request, String approverAccountId)
                throws RegistryUnavailableException;
    }

    /**
     * A recipient's decision on a pending request: refused for anyone else; a repeat of the person's own decision
     * ({@code outcome} already recorded by one of their accounts) changes nothing; any other decided state means
     * someone else was quicker.
     */
    private ApprovalResult decide(long requestId, ConsentRequestStatus outcome, String messageKey, Decision decision)
            throws RegistryUnavailableException {
        List<String> mine = myAccounts();
        Optional<ConsentRequestRecord> request = registry.findConsentRequest(requestId);
        Optional<String> approver = request.flatMap(r -> recipient(r, mine));
        if (approver.isEmpty()) {
            return ApprovalResult.refused();
        }
        ConsentRequestRecord current = request.get();
        if (current.status() == outcome) {
            return mine.contains(current.decidedByAccountId()) ? ApprovalResult.unchanged(messageKey)
                    : ApprovalResult.alreadyDecided();
        }
        if (current.status() != ConsentRequestStatus.PENDING) {
            return ApprovalResult.alreadyDecided();
        }
        return decision.record(current, approver.get())
                .map(event -> ApprovalResult.done(messageKey, event))
                .orElseGet(ApprovalResult::alreadyDecided);
    }

    private ApprovalResult revoke(long consentId) throws RegistryUnavailableException {
        List<String> mine = myAccounts();
        if (mine.isEmpty()) {
            return ApprovalResult.refused();
        }
        Optional<ConsentRecord> consent = registry.findConsentsGrantedBy(mine).stream()
                .filter(c -> c.id() == consentId).findFirst();
        if (consent.isEmpty()) {
            return ApprovalResult.refused();
        }
        ConsentRecord current = consent.get();
        StudentAccess access = new StudentAccess(current.studentAccountId(), current.clientId());
        if (!current.active()) {
            return ApprovalResult.unchanged(ApprovalResult.REVOKED).ending(access);
        }
        if (!registry.revokeConsent(consentId, current.grantorAccountId())) {
            // revoked in between (another parent, another tab): the state asked for holds
            return ApprovalResult.unchanged(ApprovalResult.REVOKED).ending(access);
        }
        return ApprovalResult.done(ApprovalResult.REVOKED,
                ConsentEvent.revoked(current.requestId(), consentId, current.studentAccountId())).ending(access);
    }
}
