package ru.esiaedu.login;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import ru.esiaedu.registry.RegistryAccount;

/**
 * One registry account as the person's profile: role, organisation, class. Its JSON form is the
 * {@code schoolProfiles} user attribute value and the {@code school_profile} claim.
 */
public record SchoolProfile(String role, String organisationId, String organisationName, String className, String registryId) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static SchoolProfile of(RegistryAccount account) {
        return new SchoolProfile(
                account.role() == null ? null : account.role().name(),
                account.organisation() == null ? null : account.organisation().id(),
                account.organisation() == null ? null : account.organisation().name(),
                account.className(),
                account.id());
    }

    /** The claim shape: {@code {"role":…,"organisation_id":…,"organisation_name":…,"class":…,"registry_id":…}}. */
    public Map<String, Object> toClaim() {
        Map<String, Object> claim = new LinkedHashMap<>();
        claim.put("role", role);
        claim.put("organisation_id", organisationId);
        claim.put("organisation_name", organisationName);
        claim.put("class", className);
        claim.put("registry_id", registryId);
        return claim;
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(toClaim());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return null when the value is not a profile document */
    public static SchoolProfile fromJson(String json) {
        if (json == null) {
            return null;
        }
        try {
            Map<String, Object> map = JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
            return fromClaim(map);
        } catch (IOException e) {
            return null;
        }
    }

    static SchoolProfile fromClaim(Map<String, ?> map) {
        if (map == null || map.get("registry_id") == null) {
            return null;
        }
        return new SchoolProfile(str(map.get("role")), str(map.get("organisation_id")), str(map.get("organisation_name")),
                str(map.get("class")), str(map.get("registry_id")));
    }

    private static String str(Object value) {
        return value == null ? null : value.toString();
    }
}
