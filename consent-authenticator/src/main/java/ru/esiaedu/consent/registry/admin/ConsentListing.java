package ru.esiaedu.consent.registry.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import ru.esiaedu.registry.ConsentRecord;
import ru.esiaedu.registry.RegistryUnavailableException;
import ru.esiaedu.registry.SchoolRegistryProvider;

/**
 * Reads consent records for the admin endpoint of one realm. The registry serves every realm of the server and a
 * consent names the Keycloak client it is for, so a realm sees the consents of its own clients only: the registry
 * is read newest first in chunks of {@value #CHUNK}, other realms' records are skipped, and {@code first} and
 * {@code max} count this realm's records.
 */
public final class ConsentListing {

    static final int CHUNK = 500;

    private ConsentListing() {
    }

    public static List<ConsentRecordView> page(SchoolRegistryProvider registry, Predicate<String> realmClient,
                                               ConsentQuery query) throws RegistryUnavailableException {
        return collect(registry, realmClient, query);
    }

    public static List<ConsentRecordView> export(SchoolRegistryProvider registry, Predicate<String> realmClient,
                                                 ConsentQuery query) throws RegistryUnavailableException {
        return collect(registry, realmClient, query);
    }

    private static List<ConsentRecordView> collect(SchoolRegistryProvider registry, Predicate<String> realmClient,
                                                   ConsentQuery query) throws RegistryUnavailableException {
        List<ConsentRecordView> records = new ArrayList<>();
        int toSkip = query.first();
        int offset = 0;
        while (records.size() < query.max()) {
            List<ConsentRecord> chunk = registry.listConsents(query.student(), offset, CHUNK);
            for (ConsentRecord record : chunk) {
                if (!realmClient.test(record.clientId())) {
                    continue;
                }
                if (toSkip > 0) {
                    toSkip--;
                } else if (records.size() < query.max()) {
                    records.add(ConsentRecordView.of(record));
                }
            }
            if (chunk.size() < CHUNK) {
                break;
            }
            offset += CHUNK;
        }
        return records;
    }
}
