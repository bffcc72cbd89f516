package ru.esiaedu.registry;

/** CONTRACT STUB (replaced by the school-registry branch). */
public enum DocumentType { BIRTH_CERTIFICATE, PASSPORT }
