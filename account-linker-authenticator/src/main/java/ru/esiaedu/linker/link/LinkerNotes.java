package ru.esiaedu.linker.link;

/**
 * Authentication-session notes shared by the first-broker-login executions of this module
 * (contract in docs/account-linker-link-request.md).
 */
public final class LinkerNotes {

    /** Set by the registry-match step: {@code link} or {@code request}; read by {@link ru.esiaedu.linker.condition.LinkerNextCondition}. */
    public static final String NEXT = "esia.linker.next";
    public static final String NEXT_LINK = "link";
    public static final String NEXT_REQUEST = "request";

    /** Role chosen on the role page: {@code PARENT|STUDENT|STAFF} (auth note, or client note as a fallback). */
    public static final String ROLE = "esia.role";

    /** Left behind after a successful link: the registry id(s) of the linked account(s), comma separated. */
    public static final String ACCOUNTS = "esia.linker.accounts";
    /** Left behind after a successful link: how it was linked. */
    public static final String RULE = "esia.linker.rule";
    public static final String RULE_LEGACY_LOGIN = "LEGACY_LOGIN";

    /** Number of the access request created in this authentication session (re-shown on a repeated post). */
    public static final String REQUEST_NUMBER = "esia.request.number";
    /** "true" when the notification e-mail of that request could not be sent. */
    public static final String REQUEST_MAIL_FAILED = "esia.request.mailFailed";

    /** Brokered-context data key holding the normalised ESIA person JSON (written by the esia-idp provider). */
    public static final String CONTEXT_PERSON_JSON = "esia.person";

    private LinkerNotes() {
    }
}
