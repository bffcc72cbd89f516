package ru.esiaedu.registry;

/** CONTRACT STUB (replaced by the school-registry branch). */
public record AccessRequestReceipt(String number, boolean created) {}
