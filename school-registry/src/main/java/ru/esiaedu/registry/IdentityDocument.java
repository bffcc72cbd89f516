package ru.esiaedu.registry;

/** Stored normalised. CONTRACT STUB (replaced by the school-registry branch). */
public record IdentityDocument(DocumentType type, String series, String number) {}
