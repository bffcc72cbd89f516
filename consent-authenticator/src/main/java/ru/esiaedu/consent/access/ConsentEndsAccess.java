package ru.esiaedu.consent.access;

import java.util.Optional;

import org.jboss.logging.Logger;

import ru.esiaedu.registry.RegistryAccount;
import ru.esiaedu.registry.RegistryUnavailableException;
import ru.esiaedu.registry.SchoolRegistryProvider;

/**
 * «Отозвать» ends what the consent allowed, at once: the student's registry account leads to their ESIA person, whose
 * Keycloak user loses its sessions and offline tokens of that client. Without this a revocation would only stop the
 * next login, while refresh tokens (hours) and offline tokens (weeks) kept working. A student account nobody has
 * signed in to yet has nothing to end.
 */
public final class ConsentEndsAccess {

    private static final Logger LOG = Logger.getLogger(ConsentEndsAccess.class);

    private final SchoolRegistryProvider registry;
    private final StudentSessions sessions;

    public ConsentEndsAccess(SchoolRegistryProvider registry, StudentSessions sessions) {
        this.registry = registry;
        this.sessions = sessions;
    }

    /** Never throws: the revocation is recorded already; a failure here is logged (ids of no person) and reported. */
    public EndedSessions end(StudentAccess access) {
        Optional<String> oid;
        try {
            oid = registry.findById(access.studentAccountId()).map(RegistryAccount::esiaOid)
                    .filter(value -> !value.isBlank());
        } catch (RegistryUnavailableException e) {
            LOG.warnf("Consent revoked for client %s, but the student's sessions could not be looked up (%s); they end "
                    + "at their next refresh only if the registry answers then", access.clientId(), e.getClass().getSimpleName());
            return EndedSessions.NONE;
        }
        if (oid.isEmpty()) {
            LOG.debugf("Consent revoked for client %s: the student account is linked to nobody, no sessions to end",
                    access.clientId());
            return EndedSessions.NONE;
        }
        try {
            EndedSessions ended = sessions.end(oid.get(), access.clientId());
            LOG.infof("Consent revoked for client %s: %d session(s) and %d offline session(s) of the student ended",
                    access.clientId(), ended.online(), ended.offline());
            return ended;
        } catch (RuntimeException e) {
            LOG.warnf("Consent revoked for client %s, but the student's sessions could not be ended (%s)",
                    access.clientId(), e.getClass().getName());
            return EndedSessions.NONE;
        }
    }
}
