package ru.esiaedu.registry;

/** Contract stub (to be replaced by the school-registry branch). */
public record AccessRequestReceipt(String number, boolean created) {}
