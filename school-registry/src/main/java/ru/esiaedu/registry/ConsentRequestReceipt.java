package ru.esiaedu.registry;

import java.util.List;

/**
 * @param created    false when a request for the same student and client was already pending (nobody to notify)
 * @param recipients the accounts asked (for e-mail notifications), in a stable order
 */
public record ConsentRequestReceipt(ConsentRequestRecord request, boolean created, List<RegistryAccount> recipients) {

    public ConsentRequestReceipt {
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }
}
