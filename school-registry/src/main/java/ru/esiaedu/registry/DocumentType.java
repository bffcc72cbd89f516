package ru.esiaedu.registry;

/** Identity documents the registry keeps for matching (rule NAME_DOCUMENT). */
public enum DocumentType { BIRTH_CERTIFICATE, PASSPORT }
