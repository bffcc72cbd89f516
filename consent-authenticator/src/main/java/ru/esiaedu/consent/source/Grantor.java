package ru.esiaedu.consent.source;

/** Who gives the consent: a parent (legal representative) for a minor, the student themself at 18+. */
public enum Grantor { PARENT, SELF }
