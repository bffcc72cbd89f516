package ru.esiaedu.contact;

/**
 * What the contact step asks at this login, decided from what is already known about the person's e-mail. Pure: the
 * step hands in the facts, so every case is tested without a server.
 */
public enum ContactQuestion {

    /** No address known: «Контактные данные» with the e-mail field (required) and the two choices. */
    EMAIL_AND_CHOICES("asked_email"),
    /** Gosuslugi confirmed an address and the step is set to ask anyway: the address shown, only the two choices. */
    CHOICES_ONLY("asked_choices"),
    /** Gosuslugi confirmed an address: no page; choices not yet stored are stored as "no" (opt-in mailing). */
    NOTHING_STORE_DEFAULTS("not_asked_esia_email"),
    /** An address is already on the account (waiting for its confirmation, or confirmed): nothing to ask or store. */
    NOTHING("not_asked_known_email"),
    /** No Keycloak user to store anything on (the step is placed before the user exists): passes untouched. */
    NO_USER("not_asked_no_user");

    private final String eventValue;

    ContactQuestion(String eventValue) {
        this.eventValue = eventValue;
    }

    /** The value of the {@code contact_step} event detail. */
    public String eventValue() {
        return eventValue;
    }

    /** Whether a page is shown. */
    public boolean asks() {
        return this == EMAIL_AND_CHOICES || this == CHOICES_ONLY;
    }

    /**
     * @param esiaVerifiedEmail the address Gosuslugi marked confirmed at this login; null when none
     * @param userExists        whether the Keycloak user of this login exists yet
     * @param userEmail         the address on the Keycloak user; null when none
     * @param choicesStored     whether the two choices are already on the user (a later login)
     */
    public static ContactQuestion decide(ContactSettings settings, String esiaVerifiedEmail, boolean userExists,
                                         String userEmail, boolean choicesStored) {
        if (!userExists) {
            return NO_USER;
        }
        if (!blank(esiaVerifiedEmail)) {
            if (choicesStored) {
                return NOTHING;
            }
            return settings.askChoicesWhenEsiaEmailVerified() ? CHOICES_ONLY : NOTHING_STORE_DEFAULTS;
        }
        // An address typed at an earlier login and still waiting for its link: Keycloak's VERIFY_EMAIL asks for it.
        if (!blank(userEmail)) {
            return NOTHING;
        }
        return EMAIL_AND_CHOICES;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
