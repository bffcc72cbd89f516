package ru.esiaedu.linker;

/**
 * Names of the notes the account-linker steps leave for each other (see docs/account-linker.md); the notes
 * every ESIA login step reads are in {@link ru.esiaedu.login.LoginNotes}.
 * Everything lives in the authentication session, so any node of a cluster can continue the login.
 */
public final class LinkerNotes {

    /** Auth note: which conditional step runs next, {@link #NEXT_LINK} or {@link #NEXT_REQUEST}. */
    public static final String NEXT = "esia.linker.next";
    public static final String NEXT_LINK = "link";
    public static final String NEXT_REQUEST = "request";

    /** Auth note: registry account ids owned by this person, comma-separated (the consent step reads it too). */
    public static final String ACCOUNTS = ru.esiaedu.login.LoginNotes.LINKED_ACCOUNTS;

    /** Auth note: how the accounts were found ({@link ru.esiaedu.registry.LinkRule} names), comma-separated. */
    public static final String RULE = "esia.linker.rule";

    /** Auth note: number of the access request created in this login (re-shown on a repeated post). */
    public static final String REQUEST_NUMBER = "esia.request.number";
    /** Auth note: "true" when the notification e-mail of that request could not be sent. */
    public static final String REQUEST_MAIL_FAILED = "esia.request.mailFailed";

    private LinkerNotes() {
    }
}
