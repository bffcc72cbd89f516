package ru.esiaedu.consent.check;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;

import org.jboss.logging.Logger;

import ru.esiaedu.consent.source.ConsentApprover;
import ru.esiaedu.consent.source.ConsentRequestOutcome;
import ru.esiaedu.consent.source.ConsentSource;
import ru.esiaedu.consent.source.ConsentSourceUnavailableException;
import ru.esiaedu.consent.source.ConsentState;
import ru.esiaedu.consent.source.ConsentStatus;
import ru.esiaedu.consent.source.ConsentSubject;
import ru.esiaedu.consent.source.RequestMail;
import ru.esiaedu.consent.source.RequestResend;
import ru.esiaedu.consent.source.SelfApproval;
import ru.esiaedu.login.age.AgeGroup;
import ru.esiaedu.login.age.AgeRules;
import ru.esiaedu.registry.RegistryRole;

/**
 * The consent decision of one login, without Keycloak: which role needs a consent, the age group on the day of
 * login in the region's time zone, the source's answer, at most one request per login, fail closed on every doubt
 * (unknown role → checked; no birth date → minor; source silent → blocked).
 *
 * <p>A {@code null} source means the configured source id is not installed.
 */
public final class ConsentCheck {

    private static final Logger LOG = Logger.getLogger(ConsentCheck.class);

    private final ConsentCheckSettings settings;
    private final AgeRules ageRules;

    public ConsentCheck(ConsentCheckSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.ageRules = new AgeRules(clock.withZone(settings.zone()));
    }

    public ConsentCheckSettings settings() {
        return settings;
    }

    /** First arrival at the step (and «Повторить»): check, and request when there is no valid consent. */
    public ConsentOutcome evaluate(LoginFacts login, ConsentSource source, RequestMemory memory) {
        return decide(login, source, memory, true);
    }

    /** «Согласие получено — войти»: check again; never sends a new request. */
    public ConsentOutcome recheck(LoginFacts login, ConsentSource source, RequestMemory memory) {
        ConsentOutcome outcome = decide(login, source, memory, false);
        return outcome.kind() == ConsentOutcome.Kind.REQUIRED ? outcome.withNotice(ConsentOutcome.Notice.NOT_YET) : outcome;
    }

    /**
     * «Отправить письмо ещё раз»: check again (a consent given meanwhile lets the student in) and, while none is in
     * force, ask the source to mail the pending request again; the source decides how often. Never opens a request.
     */
    public ConsentOutcome resend(LoginFacts login, ConsentSource source, RequestMemory memory) {
        ConsentOutcome outcome = decide(login, source, memory, false);
        if (outcome.kind() != ConsentOutcome.Kind.REQUIRED || !(source instanceof RequestResend resend)) {
            return outcome;
        }
        ConsentRequestOutcome resent;
        try {
            resent = resend.resend(subject(login, outcome.ageGroup()));
        } catch (ConsentSourceUnavailableException | RuntimeException e) {
            return ConsentOutcome.unavailable(outcome.ageGroup(), reason(e));
        }
        RequestMail mail = resent == null || resent.requestId() == null ? RequestMail.NONE : resent.mail();
        if (mail == RequestMail.SENT || mail == RequestMail.FAILED) {
            memory.rememberMail(mail);
        }
        return outcome.withNotice(ConsentOutcome.Notice.RESEND).withMail(mail, true);
    }

    /**
     * «Даю согласие» of an adult student, for sources with {@link SelfApproval}: record it, then check again. For
     * anyone else (a minor, a source without self approval) it is only a re-check.
     */
    public ConsentOutcome approveSelf(LoginFacts login, ConsentSource source, RequestMemory memory, String textVersion) {
        if (!needsConsent(login.role()) || login.oid() == null || !(source instanceof SelfApproval self)) {
            return recheck(login, source, memory);
        }
        AgeGroup group = ageGroup(login);
        if (group.isMinor()) {
            return recheck(login, source, memory);
        }
        try {
            if (!self.approveSelf(subject(login, group), textVersion)) {
                return ConsentOutcome.required(group, ConsentOutcome.Request.NONE, true, ConsentOutcome.Notice.SELF_REFUSED);
            }
        } catch (ConsentSourceUnavailableException | RuntimeException e) {
            return ConsentOutcome.unavailable(group, reason(e));
        }
        return recheck(login, source, memory);
    }

    /** Unknown role (no profile, no role note): checked as if it needed consent. */
    public boolean needsConsent(RegistryRole role) {
        return role == null || settings.requiresConsent(role);
    }

    /**
     * The age group of the student this login is for: from the younger of ESIA's birth date and the registry account's
     * (whoever holds a minor's account is checked as that minor); no birth date at all: a minor, so a parent's consent
     * is needed (fail closed).
     */
    public AgeGroup ageGroup(LoginFacts login) {
        LocalDate birthDate = login.youngestBirthDate();
        return birthDate == null ? AgeGroup.UNDER_14 : ageRules.groupOf(birthDate);
    }

    public ConsentSubject subject(LoginFacts login, AgeGroup group) {
        return new ConsentSubject(login.realmId(), login.clientId(), login.clientName(), login.oid(), group,
                login.registryAccountId(), login.esiaAccessToken(), login.esiaBaseUrl());
    }

    private ConsentOutcome decide(LoginFacts login, ConsentSource source, RequestMemory memory, boolean mayRequest) {
        if (!needsConsent(login.role())) {
            return ConsentOutcome.notRequired(approvalsPending(login, source));
        }
        if (login.oid() == null) {
            return ConsentOutcome.noPerson();
        }
        if (source == null) {
            return ConsentOutcome.misconfigured("consent source '" + settings.sourceId() + "' is not installed");
        }
        if (login.accountUnreadable()) {
            return ConsentOutcome.unavailable(ageGroup(login), "the student account could not be read from the registry");
        }
        if (login.birthDatesDisagree()) {
            // ESIA's person and the student account are not the same age: not this person's account, or a typo the
            // school must correct. Nothing is asked of anyone.
            return ConsentOutcome.birthDateMismatch(ageGroup(login));
        }
        AgeGroup group = ageGroup(login);
        ConsentSubject subject = subject(login, group);
        boolean selfApproval = source instanceof SelfApproval && !group.isMinor();
        ConsentState state;
        try {
            state = source.check(subject);
        } catch (ConsentSourceUnavailableException | RuntimeException e) {
            return ConsentOutcome.unavailable(group, reason(e));
        }
        if (state == null || state.status() == null) {
            return ConsentOutcome.unavailable(group, "consent source gave no status");
        }
        if (state.status() == ConsentStatus.GRANTED) {
            return ConsentOutcome.granted(group, state.grantor());
        }
        // NONE, PENDING, DECLINED, REVOKED: the student cannot log in; ask (once per login).
        boolean resendable = source instanceof RequestResend;
        if (!mayRequest) {
            return ConsentOutcome.required(group, ConsentOutcome.Request.NONE, selfApproval, ConsentOutcome.Notice.NONE)
                    .withMail(memory.mail(), resendable);
        }
        if (memory.requested()) {
            return ConsentOutcome.required(group, ConsentOutcome.Request.ALREADY_PENDING, selfApproval, ConsentOutcome.Notice.NONE)
                    .withMail(memory.mail(), resendable);
        }
        ConsentRequestOutcome requested;
        try {
            requested = source.request(subject, settings.purpose());
        } catch (ConsentSourceUnavailableException | RuntimeException e) {
            return ConsentOutcome.unavailable(group, reason(e));
        }
        if (requested == null) {
            return ConsentOutcome.unavailable(group, "consent source gave no request outcome");
        }
        memory.remember(requested);
        return ConsentOutcome.required(group,
                requested.created() ? ConsentOutcome.Request.CREATED : ConsentOutcome.Request.ALREADY_PENDING,
                selfApproval, ConsentOutcome.Notice.NONE).withMail(requested.mail(), resendable);
    }

    /** Requests waiting for this person's decision inside the platform; any failure here never blocks the login. */
    private boolean approvalsPending(LoginFacts login, ConsentSource source) {
        if (source == null || login.oid() == null) {
            if (source == null) {
                LOG.warnf("consent source '%s' is not installed: pending approvals not looked up", settings.sourceId());
            }
            return false;
        }
        try {
            return source.pendingApprovals(new ConsentApprover(login.realmId(), login.oid())) > 0;
        } catch (ConsentSourceUnavailableException | RuntimeException e) {
            LOG.warnf("consent source '%s': pending approvals not looked up (%s); login continues",
                    settings.sourceId(), reason(e));
            return false;
        }
    }

    /** The exception's technical message for the log; runtime failures by class only (their text is not ours). */
    private static String reason(Exception e) {
        if (e instanceof ConsentSourceUnavailableException) {
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        return "unexpected " + e.getClass().getSimpleName();
    }
}
