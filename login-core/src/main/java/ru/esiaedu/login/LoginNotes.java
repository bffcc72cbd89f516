package ru.esiaedu.login;

/**
 * Names of the notes every ESIA login step may read: the chosen role (the ESIA provider reads it too, so its names
 * are the provider's {@code RequestedRole}) and the person's ESIA identity. Everything
 * lives in the authentication session, so any node of a cluster can continue the login. Notes of one flow only
 * (the linker's sub-flow choice, the consent step's request) stay in that flow's module.
 */
public final class LoginNotes {

    /** Chosen role, {@code PARENT|STUDENT|STAFF}; auth note and client note (survives the IdP round trip). */
    public static final String ROLE = ru.esiaedu.esia.broker.RequestedRole.NOTE;

    /** Client note Keycloak keeps for the authorization request parameter {@code role}. */
    public static final String ROLE_REQUEST_PARAM = ru.esiaedu.esia.broker.RequestedRole.REQUEST_PARAM_NOTE;

    /** Auth note: the ESIA oid of the person being linked (set by the first-broker-login match step). */
    public static final String OID = "esia.linker.oid";

    /**
     * Auth note: the registry account ids (comma-separated) the first-broker-login steps linked or found linked to
     * this person in this login. The consent step reads it to undo those links when a minor's first login ends
     * without consent; the linker writes it (under the same key).
     */
    public static final String LINKED_ACCOUNTS = "esia.linker.accounts";

    /** Identity provider alias whose federated identity holds the ESIA oid. */
    public static final String ESIA_ALIAS = "esia";

    private LoginNotes() {
    }
}
