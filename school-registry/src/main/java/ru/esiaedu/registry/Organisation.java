package ru.esiaedu.registry;

/** Contract stub (to be replaced by the school-registry branch). */
public record Organisation(String id, String type, String name, String municipality) {}
