package ru.esiaedu.registry;

/** type: "SCHOOL", "KINDERGARTEN", "COLLEGE", "SUPPLEMENTARY". CONTRACT STUB (replaced by the school-registry branch). */
public record Organisation(String id, String type, String name, String municipality) {}
