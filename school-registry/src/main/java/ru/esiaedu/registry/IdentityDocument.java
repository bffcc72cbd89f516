package ru.esiaedu.registry;

/** An identity document, series and number stored normalised ({@link ru.esiaedu.registry.normalize.Documents}). */
public record IdentityDocument(DocumentType type, String series, String number) {}
