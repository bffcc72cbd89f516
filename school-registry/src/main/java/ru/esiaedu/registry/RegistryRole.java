package ru.esiaedu.registry;

/** «учащиеся», «родители», «педагоги и сотрудники». CONTRACT STUB (replaced by the school-registry branch). */
public enum RegistryRole { STUDENT, PARENT, STAFF }
