package ru.esiaedu.login;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** The user-session notes holding the profile chosen for this login, read by the token mapper. */
public final class ProfileNotes {

    public static final String ROLE = "esia.profile.role";
    public static final String ORGANISATION_ID = "esia.profile.organisation_id";
    public static final String ORGANISATION_NAME = "esia.profile.organisation_name";
    public static final String CLASS = "esia.profile.class";
    public static final String REGISTRY_ID = "esia.profile.registry_id";

    /** User attribute: one JSON document per profile, refreshed at every ESIA login. */
    public static final String USER_ATTRIBUTE = "schoolProfiles";

    private ProfileNotes() {
    }

    /** Note name → value for all five notes; a missing value is the empty string. */
    public static Map<String, String> toNotes(SchoolProfile profile) {
        Map<String, String> notes = new LinkedHashMap<>();
        put(notes, ROLE, profile.role());
        put(notes, ORGANISATION_ID, profile.organisationId());
        put(notes, ORGANISATION_NAME, profile.organisationName());
        put(notes, CLASS, profile.className());
        put(notes, REGISTRY_ID, profile.registryId());
        return notes;
    }

    /** @return null when no profile was chosen in this session */
    public static SchoolProfile fromNotes(Function<String, String> notes) {
        String registryId = value(notes, REGISTRY_ID);
        if (registryId == null) {
            return null;
        }
        return new SchoolProfile(value(notes, ROLE), value(notes, ORGANISATION_ID), value(notes, ORGANISATION_NAME),
                value(notes, CLASS), registryId);
    }

    private static String value(Function<String, String> notes, String key) {
        String value = notes.apply(key);
        return value == null || value.isEmpty() ? null : value;
    }

    private static void put(Map<String, String> notes, String key, String value) {
        notes.put(key, value == null ? "" : value);
    }
}
