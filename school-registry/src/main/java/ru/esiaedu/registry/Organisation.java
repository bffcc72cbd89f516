package ru.esiaedu.registry;

/**
 * An educational organisation.
 *
 * @param type "SCHOOL", "KINDERGARTEN", "COLLEGE" or "SUPPLEMENTARY" (дополнительное образование)
 */
public record Organisation(String id, String type, String name, String municipality) {}
