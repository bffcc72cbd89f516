package ru.esiaedu.esia.api;

/** ESIA account level, as far as a client system can tell. See {@link AccountTypes#resolve}. */
public enum AccountType {
    /** A child's account created by a parent. */
    CHILD,
    /** Simplified or standard (not confirmed) account. */
    SIMPLIFIED,
    /** Confirmed ({@code trusted}) account. */
    CONFIRMED
}
