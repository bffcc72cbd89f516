package ru.esiaedu.registry;

/**
 * @param number  shown to the person, e.g. "Р-2026-000123"
 * @param created false when the same requestKey was seen before (a double submit)
 */
public record AccessRequestReceipt(String number, boolean created) {}
