package ru.esiaedu.registry.school;

import java.util.Map;

import ru.esiaedu.registry.RegistryRole;

/**
 * One account as the school's pages show it: every {@link CardField} as the school entered it (empty string when
 * not entered), and whether an ESIA person is linked to it.
 */
public record PersonCard(String accountId, RegistryRole role, Kinship kinship, Map<CardField, String> fields,
        boolean linked) {

    public PersonCard {
        fields = Map.copyOf(fields);
    }

    public String field(CardField field) {
        return fields.getOrDefault(field, "");
    }

    /** Never prints personal data. */
    @Override
    public String toString() {
        return "PersonCard[accountId=" + accountId + ", role=" + role + "]";
    }
}
