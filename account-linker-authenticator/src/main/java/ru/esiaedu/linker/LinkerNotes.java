package ru.esiaedu.linker;

/**
 * Names of the notes the account-linker steps leave for each other (see docs/account-linker.md).
 * Everything lives in the authentication session, so any node of a cluster can continue the login.
 */
public final class LinkerNotes {

    /** Chosen role, {@code PARENT|STUDENT|STAFF}; auth note and client note (survives the IdP round trip). */
    public static final String ROLE = "esia.role";

    /** Client note Keycloak keeps for the authorization request parameter {@code role}. */
    public static final String ROLE_REQUEST_PARAM = "client_request_param_role";

    /** Auth note: which conditional step runs next, {@link #NEXT_LINK} or {@link #NEXT_REQUEST}. */
    public static final String NEXT = "esia.linker.next";
    public static final String NEXT_LINK = "link";
    public static final String NEXT_REQUEST = "request";

    /** Auth note: registry account ids owned by this person, comma-separated. */
    public static final String ACCOUNTS = "esia.linker.accounts";

    /** Auth note: how the accounts were found ({@code SNILS, PHONE, EMAIL, NAME_DOCUMENT, LEGACY_LOGIN}), comma-separated. */
    public static final String RULE = "esia.linker.rule";

    /** The rule name the legacy-login link step records. */
    public static final String RULE_LEGACY_LOGIN = "LEGACY_LOGIN";

    /** Auth note: number of the access request created in this login (re-shown on a repeated post). */
    public static final String REQUEST_NUMBER = "esia.request.number";
    /** Auth note: "true" when the notification e-mail of that request could not be sent. */
    public static final String REQUEST_MAIL_FAILED = "esia.request.mailFailed";

    /** Auth note: the ESIA oid of the person being linked (set by the first-broker-login match step). */
    public static final String OID = "esia.linker.oid";

    /** Context-data key of the normalised person JSON put there by the ESIA identity provider. */
    public static final String CONTEXT_PERSON_JSON = "esia.person";

    /** Identity provider alias whose federated identity holds the ESIA oid. */
    public static final String ESIA_ALIAS = "esia";

    private LinkerNotes() {
    }
}
