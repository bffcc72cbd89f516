package ru.esiaedu.registry;

/** Registry roles as the seeds name them: «учащиеся», «родители», «педагоги и сотрудники». */
public enum RegistryRole { STUDENT, PARENT, STAFF }
