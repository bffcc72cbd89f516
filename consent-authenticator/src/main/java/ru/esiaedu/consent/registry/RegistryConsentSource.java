package ru.esiaedu.consent.registry;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.jboss.logging.Logger;
import org.keycloak.email.EmailException;

import ru.esiaedu.consent.source.ConsentApprover;
import ru.esiaedu.consent.source.ConsentRequestOutcome;
import ru.esiaedu.consent.source.ConsentSource;
import ru.esiaedu.consent.source.ConsentSourceUnavailableException;
import ru.esiaedu.consent.source.ConsentState;
import ru.esiaedu.consent.source.ConsentStatus;
import ru.esiaedu.consent.source.ConsentSubject;
import ru.esiaedu.consent.source.Grantor;
import ru.esiaedu.consent.source.SelfApproval;
import ru.esiaedu.login.age.AgeGroup;
import ru.esiaedu.registry.ConsentRecord;
import ru.esiaedu.registry.ConsentRequestReceipt;
import ru.esiaedu.registry.ConsentRequestRecord;
import ru.esiaedu.registry.ConsentRequestStatus;
import ru.esiaedu.registry.RegistryAccount;
import ru.esiaedu.registry.RegistryUnavailableException;
import ru.esiaedu.registry.SchoolRegistryProvider;

/**
 * Consent source {@code registry}: consents collected on the platform itself and kept in the school registry
 * (its consent requests and consents, see {@code SchoolRegistryProvider}). Parents decide on the approval page (required action
 * {@code esia-consent-approval}), adult students on the consent-check page («Даю согласие»). The student is the
 * registry account chosen for this login ({@link ConsentSubject#registryAccountId()}).
 */
public final class RegistryConsentSource implements ConsentSource, SelfApproval {

    private static final Logger LOG = Logger.getLogger(RegistryConsentSource.class);

    private final RegistryAccess registry;
    private final Function<ConsentSubject, ConsentMailer> mailer;

    /**
     * @param mailer called only when a new request has recipients with an e-mail address
     */
    public RegistryConsentSource(RegistryAccess registry, Function<ConsentSubject, ConsentMailer> mailer) {
        this.registry = registry;
        this.mailer = mailer;
    }

    @Override
    public ConsentState check(ConsentSubject subject) throws ConsentSourceUnavailableException {
        String student = subject.registryAccountId();
        if (student == null) {
            LOG.debugf("Registry consent check: no registry account chosen for this login (client %s)", subject.clientId());
            return ConsentState.of(ConsentStatus.NONE);
        }
        try {
            SchoolRegistryProvider provider = registry.get();
            Optional<ConsentRecord> active = provider.findActiveConsent(student, subject.clientId());
            if (active.isPresent()) {
                ConsentRecord consent = active.get();
                return new ConsentState(ConsentStatus.GRANTED, consent.selfGranted() ? Grantor.SELF : Grantor.PARENT,
                        Long.toString(consent.requestId()));
            }
            Optional<ConsentRequestRecord> latest = provider.findLatestConsentRequest(student, subject.clientId());
            if (latest.isEmpty()) {
                return ConsentState.of(ConsentStatus.NONE);
            }
            ConsentRequestRecord request = latest.get();
            ConsentStatus status = switch (request.status()) {
                case PENDING -> ConsentStatus.PENDING;
                case DECLINED -> ConsentStatus.DECLINED;
                // approved once, but no consent in force any more: it was revoked
                case APPROVED -> ConsentStatus.REVOKED;
            };
            return new ConsentState(status, null, Long.toString(request.id()));
        } catch (RegistryUnavailableException e) {
            throw unavailable("checking a consent", e);
        }
    }

    @Override
    public ConsentRequestOutcome request(ConsentSubject subject) throws ConsentSourceUnavailableException {
        String student = subject.registryAccountId();
        if (student == null) {
            LOG.warnf("Registry consent request not made: no registry account chosen for this login (client %s); "
                    + "the registry source needs the student's registry account", subject.clientId());
            return new ConsentRequestOutcome(null, false, 0);
        }
        boolean studentApproves = subject.ageGroup() == AgeGroup.ADULT;
        ConsentRequestReceipt receipt;
        SchoolRegistryProvider provider;
        try {
            provider = registry.get();
            receipt = provider.requestConsent(student, subject.clientId(), studentApproves);
        } catch (RegistryUnavailableException e) {
            throw unavailable("requesting a consent", e);
        }
        ConsentRequestRecord request = receipt.request();
        if (receipt.created()) {
            LOG.infof("Consent request opened for client %s, %d recipient(s)", subject.clientId(), receipt.recipients().size());
            LOG.debugf("Consent request %d opened", request.id());
            notifyRecipients(provider, subject, receipt);
        }
        return new ConsentRequestOutcome(Long.toString(request.id()), receipt.created(), receipt.recipients().size());
    }

    /** E-mails every recipient that has an address; a failure is logged (no address) and never fails the login. */
    private void notifyRecipients(SchoolRegistryProvider provider, ConsentSubject subject, ConsentRequestReceipt receipt) {
        List<RegistryAccount> withEmail = receipt.recipients().stream().filter(r -> !r.emails().isEmpty()).toList();
        long requestId = receipt.request().id();
        if (withEmail.size() < receipt.recipients().size()) {
            LOG.infof("Consent request: %d of %d recipient(s) have no e-mail address in the registry",
                    receipt.recipients().size() - withEmail.size(), receipt.recipients().size());
        }
        if (withEmail.isEmpty()) {
            return;
        }
        try {
            ConsentMailer mail = mailer.apply(subject);
            ConsentRequestEmail email = receipt.request().studentApproves()
                    ? ConsentRequestEmail.forStudent(mail.texts(), systemName(subject), mail.link(subject, false).orElse(null))
                    : parentEmail(provider, mail, subject, requestId);
            for (RegistryAccount recipient : withEmail) {
                try {
                    mail.send(recipient.emails().get(0), email);
                } catch (EmailException | RuntimeException e) {
                    // the mail library's message may quote the address: the exception type only
                    LOG.warnf("Consent request %d: e-mail to a recipient could not be sent (%s)", requestId,
                            e.getClass().getName());
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("Consent request %d: notifications could not be prepared (%s)", requestId, e.getClass().getName());
        }
    }

    private static ConsentRequestEmail parentEmail(SchoolRegistryProvider provider, ConsentMailer mail,
                                                   ConsentSubject subject, long requestId) {
        Optional<RegistryAccount> child = Optional.empty();
        try {
            child = provider.findById(subject.registryAccountId());
        } catch (RegistryUnavailableException e) {
            LOG.warnf("Consent request %d: the child's first name could not be read (%s); e-mail sent without it",
                    requestId, e.getClass().getSimpleName());
        }
        return ConsentRequestEmail.forParent(mail.texts(), child.map(RegistryAccount::firstName).orElse(null),
                child.map(RegistryAccount::className).orElse(null), systemName(subject),
                mail.link(subject, true).orElse(null));
    }

    private static String systemName(ConsentSubject subject) {
        return subject.clientName() == null || subject.clientName().isBlank() ? subject.clientId() : subject.clientName();
    }

    @Override
    public int pendingApprovals(ConsentApprover approver) throws ConsentSourceUnavailableException {
        if (approver.esiaOid() == null) {
            return 0;
        }
        try {
            SchoolRegistryProvider provider = registry.get();
            List<String> accounts = provider.findLinked(approver.esiaOid()).stream().map(RegistryAccount::id).toList();
            if (accounts.isEmpty()) {
                return 0;
            }
            return provider.findPendingConsentRequests(accounts).size();
        } catch (RegistryUnavailableException e) {
            throw unavailable("counting pending consent requests", e);
        }
    }

    /**
     * The adult student's own pending request, approved by their own account. A request already approved counts
     * when its consent is still in force (double submit); a minor, a declined request or a request addressed to
     * someone else (e.g. the parents, opened before the 18th birthday) is refused.
     */
    @Override
    public boolean approveSelf(ConsentSubject subject, String textVersion) throws ConsentSourceUnavailableException {
        String student = subject.registryAccountId();
        if (student == null || subject.ageGroup() != AgeGroup.ADULT) {
            LOG.warnf("Registry self-consent refused (client %s): %s", subject.clientId(),
                    student == null ? "no registry account chosen" : "not an adult");
            return false;
        }
        try {
            SchoolRegistryProvider provider = registry.get();
            Optional<ConsentRequestRecord> latest = provider.findLatestConsentRequest(student, subject.clientId());
            if (latest.isEmpty()) {
                return false;
            }
            ConsentRequestRecord request = latest.get();
            if (request.status() == ConsentRequestStatus.APPROVED) {
                return provider.findActiveConsent(student, subject.clientId()).isPresent();
            }
            if (request.status() != ConsentRequestStatus.PENDING || !request.studentApproves()
                    || !request.recipientAccountIds().contains(student)) {
                LOG.info("Registry self-consent refused: not a pending request of the student");
                return false;
            }
            Optional<ConsentRecord> consent = provider.approveConsentRequest(request.id(), student, subject.studentOid(),
                    textVersion);
            consent.ifPresent(c -> {
                LOG.info("Consent recorded (self)");
                LOG.debugf("Consent %d recorded (self, request %d)", c.id(), request.id());
            });
            return consent.isPresent();
        } catch (RegistryUnavailableException e) {
            throw unavailable("recording a self-consent", e);
        }
    }

    private static ConsentSourceUnavailableException unavailable(String doing, RegistryUnavailableException e) {
        LOG.warnf("School registry unavailable while %s: %s", doing, e.getClass().getSimpleName());
        return new ConsentSourceUnavailableException("school registry unavailable while " + doing, e);
    }
}
