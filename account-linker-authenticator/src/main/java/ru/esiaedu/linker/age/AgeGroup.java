package ru.esiaedu.linker.age;

/**
 * The age groups of the consent rules (seed 002): under 14 a child account a parent created in ESIA, 14–17 an own
 * account a parent linked in ESIA, 18+ an own confirmed account.
 */
public enum AgeGroup {
    UNDER_14, FROM_14_TO_17, ADULT;

    public boolean isMinor() {
        return this != ADULT;
    }
}
