package ru.esiaedu.registry;

import java.time.LocalDate;
import java.util.List;

/** CONTRACT STUB (replaced by the school-registry branch). */
public record RegistryAccount(String id, RegistryRole role, Organisation organisation, String className,
        String lastName, String firstName, String middleName, LocalDate birthDate,
        String snils /*normalised 11 digits or null*/, List<String> phones /*normalised 11 digits 7XXXXXXXXXX*/,
        List<String> emails /*lower case*/, List<IdentityDocument> documents, String esiaOid /*linked oid or null*/) {}
