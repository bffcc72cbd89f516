package ru.esiaedu.registry;

/** Contract stub (to be replaced by the school-registry branch). */
public enum RegistryRole { STUDENT, PARENT, STAFF }
