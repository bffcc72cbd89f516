package ru.esiaedu.registry;

import java.time.LocalDate;
import java.util.List;

/**
 * One account of the school registry: a person in one role in one organisation (a "profile").
 * Names are as the school entered them; {@code snils} is 11 digits or null, phones are normalised
 * {@code 7XXXXXXXXXX}, e-mails lower case, documents normalised; {@code esiaOid} is the linked ESIA
 * person or null.
 */
public record RegistryAccount(String id, RegistryRole role, Organisation organisation, String className,
        String lastName, String firstName, String middleName, LocalDate birthDate,
        String snils, List<String> phones, List<String> emails, List<IdentityDocument> documents, String esiaOid) {

    public RegistryAccount {
        phones = phones == null ? List.of() : List.copyOf(phones);
        emails = emails == null ? List.of() : List.copyOf(emails);
        documents = documents == null ? List.of() : List.copyOf(documents);
    }

    /** Never prints personal data (records' default toString would): id, role and organisation only. */
    @Override
    public String toString() {
        return "RegistryAccount[id=" + id + ", role=" + role + ", organisation="
                + (organisation == null ? null : organisation.id()) + "]";
    }
}
