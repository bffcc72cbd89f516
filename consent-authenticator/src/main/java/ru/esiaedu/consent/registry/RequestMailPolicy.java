package ru.esiaedu.consent.registry;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import ru.esiaedu.consent.source.RequestMail;
import ru.esiaedu.registry.ConsentNoticeRecord;
import ru.esiaedu.registry.RegistryAccount;

/**
 * Whom a consent request's mail goes to in this step, without Keycloak. A new request mails every recipient with an
 * address. A later login of the student mails those the mail has not reached (the mail server was down), never
 * those it reached. «Отправить письмо ещё раз» resends to those not reached a minute after the last attempt, and to
 * everyone an hour after a delivered mail — so the button cannot be used to flood the parents.
 */
final class RequestMailPolicy {

    /** «Отправить письмо ещё раз» after a failed attempt. */
    static final Duration RETRY_AFTER_FAILURE = Duration.ofMinutes(1);
    /** «Отправить письмо ещё раз» after the mail reached everyone. */
    static final Duration RESEND_AFTER_DELIVERY = Duration.ofHours(1);

    enum Trigger {
        /** The request was opened in this login. */
        OPENED,
        /** A later login of the student found the request pending. */
        LOGIN,
        /** The student pressed «Отправить письмо ещё раз». */
        ASKED
    }

    /**
     * @param to      the recipients to mail now; empty when nothing is sent
     * @param instead what to report when nothing is sent
     */
    record Plan(List<RegistryAccount> to, RequestMail instead) {

        Plan {
            to = List.copyOf(to);
        }

        boolean sends() {
            return !to.isEmpty();
        }

        static Plan send(List<RegistryAccount> to) {
            return new Plan(to, RequestMail.SENT);
        }

        static Plan nothing(RequestMail why) {
            return new Plan(List.of(), why);
        }
    }

    private RequestMailPolicy() {
    }

    /**
     * @param withEmail the request's recipients that have an e-mail address
     * @param notice    the request's mail state; null when the registry keeps none (then only a new request is mailed)
     */
    static Plan plan(Trigger trigger, List<RegistryAccount> withEmail, ConsentNoticeRecord notice, Instant now) {
        if (withEmail.isEmpty()) {
            return Plan.nothing(RequestMail.NO_ADDRESS);
        }
        if (trigger == Trigger.OPENED) {
            return Plan.send(withEmail);
        }
        if (notice == null) {
            return Plan.nothing(RequestMail.NONE);
        }
        List<RegistryAccount> notReached = withEmail.stream()
                .filter(account -> !notice.reachedAccountIds().contains(account.id())).toList();
        if (trigger == Trigger.LOGIN) {
            return notReached.isEmpty() ? Plan.nothing(RequestMail.ALREADY_SENT) : Plan.send(notReached);
        }
        Duration wait = notReached.isEmpty() ? RESEND_AFTER_DELIVERY : RETRY_AFTER_FAILURE;
        Instant last = notice.lastAttemptAt();
        if (last != null && now.isBefore(last.plus(wait))) {
            return Plan.nothing(RequestMail.TOO_SOON);
        }
        return Plan.send(notReached.isEmpty() ? withEmail : notReached);
    }
}
