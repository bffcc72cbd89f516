package ru.esiaedu.linker.link;

import java.util.Map;

/**
 * Failed legacy-login attempts counted under one key (an ESIA oid, or one legacy login of one organisation).
 * Stored as plain string notes in Keycloak's single-use object store, which every cluster node sees.
 */
public record AttemptState(int failures, long lastFailureMillis, long notBeforeMillis) {

    public static final AttemptState NONE = new AttemptState(0, 0, 0);

    public Map<String, String> toNotes() {
        return Map.of("failures", Integer.toString(failures),
                "last", Long.toString(lastFailureMillis),
                "notBefore", Long.toString(notBeforeMillis));
    }

    public static AttemptState fromNotes(Map<String, String> notes) {
        if (notes == null || notes.isEmpty()) {
            return NONE;
        }
        try {
            return new AttemptState(Integer.parseInt(notes.getOrDefault("failures", "0")),
                    Long.parseLong(notes.getOrDefault("last", "0")),
                    Long.parseLong(notes.getOrDefault("notBefore", "0")));
        } catch (NumberFormatException e) {
            return NONE;
        }
    }
}
