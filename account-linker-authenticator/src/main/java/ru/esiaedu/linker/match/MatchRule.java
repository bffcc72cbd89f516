package ru.esiaedu.linker.match;

/** The matching rules of the contract, in the order they are tried; the name is the registry's {@code how}. */
public enum MatchRule {
    SNILS, PHONE, EMAIL, NAME_DOCUMENT
}
