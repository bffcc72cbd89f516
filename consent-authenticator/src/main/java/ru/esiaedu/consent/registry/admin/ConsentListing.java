package ru.esiaedu.consent.registry.admin;

import java.util.ArrayList;
import java.util.List;

import ru.esiaedu.registry.ConsentRecord;
import ru.esiaedu.registry.RegistryUnavailableException;
import ru.esiaedu.registry.SchoolRegistryProvider;

/** Reads consent records for the admin endpoint: one page, or an export fetched in chunks of {@value #CHUNK}. */
public final class ConsentListing {

    static final int CHUNK = 500;

    private ConsentListing() {
    }

    public static List<ConsentRecordView> page(SchoolRegistryProvider registry, ConsentQuery query)
            throws RegistryUnavailableException {
        return registry.listConsents(query.student(), query.first(), query.max()).stream()
                .map(ConsentRecordView::of).toList();
    }

    public static List<ConsentRecordView> export(SchoolRegistryProvider registry, ConsentQuery query)
            throws RegistryUnavailableException {
        List<ConsentRecordView> records = new ArrayList<>();
        int offset = query.first();
        int left = query.max();
        while (left > 0) {
            int size = Math.min(CHUNK, left);
            List<ConsentRecord> chunk = registry.listConsents(query.student(), offset, size);
            chunk.stream().limit(size).forEach(record -> records.add(ConsentRecordView.of(record)));
            if (chunk.size() < size) {
                break;
            }
            offset += size;
            left -= size;
        }
        return records;
    }
}
