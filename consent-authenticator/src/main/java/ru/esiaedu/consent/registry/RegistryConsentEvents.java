package ru.esiaedu.consent.registry;

/**
 * Event detail names and values of the registry consent source. Events carry ids only: the request, the
 * consent and the student's registry account — never names, oids or e-mail addresses.
 */
public final class RegistryConsentEvents {

    public static final String SOURCE = "consent_source";
    public static final String REQUEST_ID = "consent_request_id";
    public static final String CONSENT_ID = "consent_id";
    public static final String STUDENT_ACCOUNT_ID = "student_account_id";
    /** On {@code UPDATE_CONSENT}: what changed ({@link #ACTION_DECLINED}). */
    public static final String ACTION = "consent_action";
    public static final String ACTION_DECLINED = "declined";
    /** On {@code REVOKE_GRANT}: how many of the student's sessions of the client the revocation ended. */
    public static final String ENDED_SESSIONS = ru.esiaedu.consent.access.EndedSessions.DETAIL_ONLINE;
    /** On {@code REVOKE_GRANT}: how many of the student's offline sessions (offline tokens) of the client it ended. */
    public static final String ENDED_OFFLINE_SESSIONS = ru.esiaedu.consent.access.EndedSessions.DETAIL_OFFLINE;

    private RegistryConsentEvents() {
    }
}
