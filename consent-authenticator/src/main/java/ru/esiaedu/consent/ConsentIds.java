package ru.esiaedu.consent;

/** Ids shared by the consent steps, the required action and the realm export. */
public final class ConsentIds {

    /** Post-broker-login authenticator: consent check at every student login. */
    public static final String CHECK_AUTHENTICATOR = "esia-consent-check";

    /** Required action (also application-initiated: {@code kc_action=esia-consent-approval}) of the registry source. */
    public static final String APPROVAL_REQUIRED_ACTION = "esia-consent-approval";

    /** Default consent source. */
    public static final String SOURCE_ESIA = "esia";
    public static final String SOURCE_REGISTRY = "registry";

    /** Version of the consent text the pages show; stored with every registry consent (152-ФЗ). */
    public static final String CONSENT_TEXT_VERSION = "2026-11";

    private ConsentIds() {
    }
}
