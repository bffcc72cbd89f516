package ru.esiaedu.registry;

/** Contract stub (to be replaced by the school-registry branch). */
public record AccessRequest(String requestKey, String esiaOid, RegistryRole role, String childFullName,
        String organisationType, String organisationId, String className, String contactEmail) {}
