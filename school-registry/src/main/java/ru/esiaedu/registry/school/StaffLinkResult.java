package ru.esiaedu.registry.school;

/** What became of a staff member's «привязать» (from a request or from the class page). */
public enum StaffLinkResult {
    LINKED,
    /** the account was already linked to this person */
    ALREADY_LINKED,
    /** another ESIA person holds the account: unlink first */
    HELD_BY_ANOTHER,
    /** no such account in this organisation */
    NO_ACCOUNT,
    /** the request is not open (already linked or rejected) */
    REQUEST_NOT_OPEN
}
