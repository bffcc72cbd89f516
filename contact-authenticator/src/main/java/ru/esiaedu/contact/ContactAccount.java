package ru.esiaedu.contact;

/** The person's Keycloak account as the contact step reads and changes it. */
interface ContactAccount {

    /** The address on the account; null when none. */
    String email();

    /** Whether the two choices are on the account already (a later login). */
    boolean choicesStored();

    /** Stores a typed address as not yet confirmed and has Keycloak send its confirmation link. */
    void storeEmailForConfirmation(String address);

    void storeChoices(ContactChoices choices);
}
