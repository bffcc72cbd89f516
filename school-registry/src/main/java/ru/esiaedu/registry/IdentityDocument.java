package ru.esiaedu.registry;

/** Contract stub (to be replaced by the school-registry branch). */
public record IdentityDocument(DocumentType type, String series, String number) {}
