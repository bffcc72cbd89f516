package ru.esiaedu.benchmarks.matching;

/**
 * What the generator did to a person, their ESIA account or their registry card. Every login carries the scenarios
 * of its person and of the person's cards in the chosen role, so each miss and each false link is reported by what
 * caused it.
 */
enum Scenario {
    // who the person is
    PARENT_IN_FAMILY("a parent in a family of two parents and children"),
    SINGLE_PARENT("the family's only parent"),
    STUDENT("a student"),
    STAFF("staff without children at school"),
    STAFF_WHO_IS_PARENT("staff and a parent of a student"),
    TWIN("a twin (same birth date and surname as a sibling)"),
    NAMESAKE("another person has the same full name"),
    SON_NAMED_AFTER_FATHER("a son with his father's surname and first name"),
    NO_CARD_IN_ROLE("has no card in the chosen role (a parent the school never registered, a grandparent): must get nothing"),
    // the ESIA account
    SIMPLIFIED_ESIA("simplified (unconfirmed) ESIA account"),
    CHILD_ESIA("a child's ESIA account (under 14), no contacts"),
    NO_VERIFIED_PHONE("no verified phone in ESIA"),
    NO_VERIFIED_EMAIL("no verified e-mail in ESIA"),
    ESIA_PHONE_OF_PARENT("a student whose ESIA phone is a parent's phone"),
    RECYCLED_NUMBER_RECEIVED("the ESIA phone was someone else's number before; their card still has it"),
    PLACEHOLDER_NUMBER_OWNER("the ESIA phone is a number schools type as a placeholder"),
    FAMILY_EMAIL_VERIFIED("the ESIA e-mail is the family's shared address"),
    // the registry card
    YO_AS_E("name with Ё typed with Е on the card (or the other way round)"),
    NAME_TYPO("a typo in the surname or first name on the card"),
    NAME_FIELDS_SWAPPED("surname and first name swapped on the card"),
    NO_SNILS_ON_CARD("no SNILS on the card"),
    NO_BIRTH_DATE_ON_CARD("no birth date on the card"),
    BIRTH_DATE_TYPO("a wrong birth date on the card"),
    NO_DOCUMENT_ON_CARD("no identity document on the card"),
    BIRTH_CERTIFICATE_ONLY("14 or older, the card has only the birth certificate"),
    PARENT_PHONE_ON_CARD("a parent's phone on a child's card"),
    OTHER_PARENT_PHONE_ON_CARD("the other parent's phone also on a parent's card"),
    NO_PHONE_ON_CARD("no phone on the card"),
    PLACEHOLDER_PHONE_ON_CARD("a placeholder number (79000000000, …) on the card"),
    OLD_NUMBER_ON_CARD("the card has the person's old number, since given to someone else"),
    PHONE_TYPO_ON_CARD("a typo in the phone on the card"),
    FAMILY_EMAIL_ON_CARD("the family's shared e-mail on the card"),
    NO_EMAIL_ON_CARD("no e-mail on the card"),
    SECOND_CARD("a second card in another organisation (supplementary education)");

    final String description;

    Scenario(String description) {
        this.description = description;
    }

    /** Scenarios that describe who the person is rather than a flaw in the data. */
    boolean isWho() {
        return ordinal() <= NO_CARD_IN_ROLE.ordinal();
    }
}
