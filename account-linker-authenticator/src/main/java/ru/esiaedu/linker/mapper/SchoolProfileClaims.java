package ru.esiaedu.linker.mapper;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

import ru.esiaedu.login.ProfileNotes;
import ru.esiaedu.login.SchoolProfile;

/** Builds the {@code school_profile} and {@code school_profiles} claim values (pure). */
public final class SchoolProfileClaims {

    public static final String PROFILE_CLAIM = "school_profile";
    public static final String PROFILES_CLAIM = "school_profiles";

    private SchoolProfileClaims() {
    }

    /** @return null when no profile was chosen in this user session */
    public static Map<String, Object> profile(Function<String, String> userSessionNotes) {
        SchoolProfile profile = ProfileNotes.fromNotes(userSessionNotes);
        return profile == null ? null : profile.toClaim();
    }

    /** Every profile from the {@code schoolProfiles} user attribute values; unreadable values are skipped. */
    public static List<Map<String, Object>> profiles(Stream<String> attributeValues) {
        return attributeValues.map(SchoolProfile::fromJson).filter(Objects::nonNull).map(SchoolProfile::toClaim).toList();
    }
}
