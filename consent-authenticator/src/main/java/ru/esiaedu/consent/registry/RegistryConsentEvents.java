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

    private RegistryConsentEvents() {
    }
}
