package ru.esiaedu.consent.registry;

import java.time.Clock;
import java.util.ArrayList;
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
import ru.esiaedu.consent.source.RequestMail;
import ru.esiaedu.consent.source.RequestResend;
import ru.esiaedu.consent.source.SelfApproval;
import ru.esiaedu.login.age.AgeGroup;
import ru.esiaedu.registry.ConsentNoticeRecord;
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
public final class RegistryConsentSource implements ConsentSource, SelfApproval, RequestResend {

    private static final Logger LOG = Logger.getLogger(RegistryConsentSource.class);

    private final RegistryAccess registry;
    private final Function<ConsentSubject, ConsentMailer> mailer;
    private final Clock clock;

    /**
     * @param mailer called only when a request's mail is to be sent to recipients with an e-mail address
     * @param clock  for how often «Отправить письмо ещё раз» may send
     */
    public RegistryConsentSource(RegistryAccess registry, Function<ConsentSubject, ConsentMailer> mailer, Clock clock) {
        this.registry = registry;
        this.mailer = mailer;
        this.clock = clock;
    }

    /** With the system clock. */
    public RegistryConsentSource(RegistryAccess registry, Function<ConsentSubject, ConsentMailer> mailer) {
        this(registry, mailer, Clock.systemUTC());
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
        }
        RequestMail mail = mail(provider, subject, request, receipt.recipients(),
                receipt.created() ? RequestMailPolicy.Trigger.OPENED : RequestMailPolicy.Trigger.LOGIN);
        return new ConsentRequestOutcome(Long.toString(request.id()), receipt.created(), receipt.recipients().size(), mail);
    }

    /** «Отправить письмо ещё раз»: the pending request's mail again, as often as {@link RequestMailPolicy} allows. */
    @Override
    public ConsentRequestOutcome resend(ConsentSubject subject) throws ConsentSourceUnavailableException {
        String student = subject.registryAccountId();
        if (student == null) {
            return new ConsentRequestOutcome(null, false, 0);
        }
        try {
            SchoolRegistryProvider provider = registry.get();
            Optional<ConsentRequestRecord> latest = provider.findLatestConsentRequest(student, subject.clientId())
                    .filter(r -> r.status() == ConsentRequestStatus.PENDING);
            if (latest.isEmpty()) {
                return new ConsentRequestOutcome(null, false, 0);
            }
            ConsentRequestRecord request = latest.get();
            List<RegistryAccount> recipients = new ArrayList<>();
            for (String id : request.recipientAccountIds()) {
                provider.findById(id).ifPresent(recipients::add);
            }
            RequestMail mail = mail(provider, subject, request, recipients, RequestMailPolicy.Trigger.ASKED);
            return new ConsentRequestOutcome(Long.toString(request.id()), false, recipients.size(), mail);
        } catch (RegistryUnavailableException e) {
            throw unavailable("resending a consent request", e);
        }
    }

    /**
     * Mails the recipients {@link RequestMailPolicy} names, after taking the turn in the registry (of two logins at
     * once, one sends); records whom the mail server accepted it for. A failure never fails the login: it is logged
     * (no address, no id at INFO) and reported, and the mail is tried again at the student's next login.
     */
    private RequestMail mail(SchoolRegistryProvider provider, ConsentSubject subject, ConsentRequestRecord request,
                             List<RegistryAccount> recipients, RequestMailPolicy.Trigger trigger) {
        List<RegistryAccount> withEmail = recipients.stream().filter(r -> !r.emails().isEmpty()).toList();
        if (trigger == RequestMailPolicy.Trigger.OPENED && withEmail.size() < recipients.size()) {
            LOG.infof("Consent request: %d of %d recipient(s) have no e-mail address in the registry",
                    recipients.size() - withEmail.size(), recipients.size());
        }
        long requestId = request.id();
        RequestMailPolicy.Plan plan;
        try {
            ConsentNoticeRecord notice = provider.findConsentNotice(requestId).orElse(null);
            plan = RequestMailPolicy.plan(trigger, withEmail, notice, clock.instant());
            if (!plan.sends()) {
                return plan.instead();
            }
            boolean ourTurn = provider.claimConsentNotice(requestId, notice == null ? 0 : notice.attempts());
            if (!ourTurn && trigger != RequestMailPolicy.Trigger.OPENED) {
                LOG.debugf("Consent request %d: another login is sending its mail", requestId);
                return RequestMail.NONE;
            }
        } catch (RegistryUnavailableException e) {
            LOG.warnf("Consent request mail (client %s): the registry could not say whom it reached (%s); not sent now",
                    subject.clientId(), e.getClass().getSimpleName());
            return RequestMail.FAILED;
        }
        int failed = send(provider, subject, request, plan.to());
        if (failed == 0) {
            if (trigger != RequestMailPolicy.Trigger.OPENED) {
                LOG.infof("Consent request mail (client %s) sent again to %d recipient(s)", subject.clientId(), plan.to().size());
            }
            return RequestMail.SENT;
        }
        LOG.warnf("Consent request mail (client %s): %d of %d recipient(s) not reached; tried again at the student's "
                + "next login", subject.clientId(), failed, plan.to().size());
        return RequestMail.FAILED;
    }

    /** @return how many recipients the mail server did not accept the mail for */
    private int send(SchoolRegistryProvider provider, ConsentSubject subject, ConsentRequestRecord request,
                     List<RegistryAccount> to) {
        long requestId = request.id();
        ConsentMailer mail;
        ConsentRequestEmail email;
        try {
            mail = mailer.apply(subject);
            email = request.studentApproves()
                    ? ConsentRequestEmail.forStudent(mail.texts(), systemName(subject), mail.link(subject, false).orElse(null))
                    : parentEmail(provider, mail, subject, requestId);
        } catch (RuntimeException e) {
            LOG.warnf("Consent request %d: notifications could not be prepared (%s)", requestId, e.getClass().getName());
            return to.size();
        }
        int failed = 0;
        for (RegistryAccount recipient : to) {
            try {
                mail.send(recipient.emails().get(0), email);
            } catch (EmailException | RuntimeException e) {
                // the mail library's message may quote the address: the exception type only
                LOG.warnf("Consent request %d: e-mail to a recipient could not be sent (%s)", requestId,
                        e.getClass().getName());
                failed++;
                continue;
            }
            try {
                provider.recordConsentNoticeReached(requestId, recipient.id());
            } catch (RegistryUnavailableException e) {
                LOG.warnf("Consent request %d: a delivered mail could not be recorded (%s); it may be sent again",
                        requestId, e.getClass().getSimpleName());
            }
        }
        return failed;
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
