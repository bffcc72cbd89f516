package ru.esiaedu.registry;

import java.time.LocalDate;
import java.util.List;

/** Contract stub (to be replaced by the school-registry branch). */
public record RegistryAccount(String id, RegistryRole role, Organisation organisation, String className,
        String lastName, String firstName, String middleName, LocalDate birthDate,
        String snils, List<String> phones, List<String> emails, List<IdentityDocument> documents, String esiaOid) {}
