package ru.esiaedu.consent.check;

import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import ru.esiaedu.consent.ConsentIds;
import ru.esiaedu.login.age.AgeRules;
import ru.esiaedu.login.Roles;
import ru.esiaedu.registry.RegistryRole;

/**
 * The console settings of the consent-check step, with their defaults. Values are stored as strings by the admin
 * console (multivalued lists joined with {@code ##}).
 *
 * @param sourceId              consent source provider id ({@code esia}, {@code registry}, …)
 * @param rolesRequiringConsent roles whose logins are checked; never empty
 * @param zone                  the region's time zone for the age on the day of login
 * @param purpose               text sent with a request (ESIA shows it to the parent)
 * @param esiaConsentApiUrl     override of the ESIA base URL for the consent API; null = the brokering IdP's
 */
public record ConsentCheckSettings(String sourceId, Set<RegistryRole> rolesRequiringConsent, ZoneId zone, String purpose,
        String esiaConsentApiUrl) {

    public static final String CONSENT_SOURCE = "consentSource";
    public static final String ROLES_REQUIRING_CONSENT = "rolesRequiringConsent";
    public static final String TIME_ZONE = AgeRules.TIME_ZONE_SETTING;
    public static final String PURPOSE = "purpose";
    public static final String ESIA_CONSENT_API_URL = "esiaConsentApiUrl";

    public static final String DEFAULT_SOURCE = ConsentIds.SOURCE_ESIA;
    public static final String DEFAULT_ROLES = "STUDENT";
    public static final String DEFAULT_PURPOSE = "Вход учащегося в электронный дневник";

    public ConsentCheckSettings {
        rolesRequiringConsent = Set.copyOf(rolesRequiringConsent);
    }

    public static ConsentCheckSettings defaults() {
        return from(Map.of());
    }

    /** From the execution's config map; null (no config saved yet) means all defaults. */
    public static ConsentCheckSettings from(Map<String, String> config) {
        Map<String, String> c = config == null ? Map.of() : config;
        String source = blankToNull(c.get(CONSENT_SOURCE));
        String purpose = blankToNull(c.get(PURPOSE));
        return new ConsentCheckSettings(
                source == null ? DEFAULT_SOURCE : source.toLowerCase(Locale.ROOT),
                roles(c.get(ROLES_REQUIRING_CONSENT)),
                AgeRules.zoneOrDefault(c.get(TIME_ZONE)),
                purpose == null ? DEFAULT_PURPOSE : purpose,
                baseUrl(c.get(ESIA_CONSENT_API_URL)));
    }

    public boolean requiresConsent(RegistryRole role) {
        return rolesRequiringConsent.contains(role);
    }

    /**
     * "##"- or comma-separated role names; nothing readable means students only (the step fails closed: switch it
     * off with the execution's requirement DISABLED, not with an empty list).
     */
    static Set<RegistryRole> roles(String value) {
        EnumSet<RegistryRole> roles = EnumSet.noneOf(RegistryRole.class);
        if (value != null) {
            for (String part : value.split("##|,")) {
                Roles.parse(part).ifPresent(roles::add);
            }
        }
        return roles.isEmpty() ? EnumSet.of(RegistryRole.STUDENT) : roles;
    }

    /** Trimmed, without trailing slashes; blank means none. */
    static String baseUrl(String value) {
        String url = blankToNull(value);
        if (url == null) {
            return null;
        }
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        return url.isEmpty() ? null : url;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
