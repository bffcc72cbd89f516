package ru.esiaedu.contact;

import java.util.Map;

/**
 * The console settings of the contact step, with their defaults (the console stores every value as a string).
 *
 * @param askChoicesWhenEsiaEmailVerified show the page with only the two mail choices when Gosuslugi already gave a
 *                                        confirmed address (default: no page, both choices off)
 * @param onePersonPerAddress             refuse an address another user of the realm already has, even where the
 *                                        realm allows duplicate e-mails (the realm's own rule applies in any case)
 */
public record ContactSettings(boolean askChoicesWhenEsiaEmailVerified, boolean onePersonPerAddress) {

    public static final String ASK_CHOICES_WHEN_ESIA_EMAIL_VERIFIED = "askChoicesWhenEsiaEmailVerified";
    public static final String ONE_PERSON_PER_ADDRESS = "onePersonPerAddress";

    static final boolean DEFAULT_ASK_CHOICES = false;
    static final boolean DEFAULT_ONE_PERSON_PER_ADDRESS = true;

    public static ContactSettings defaults() {
        return from(null);
    }

    /** From the execution's config map; null (no config saved yet) means all defaults. */
    public static ContactSettings from(Map<String, String> config) {
        Map<String, String> c = config == null ? Map.of() : config;
        return new ContactSettings(flag(c.get(ASK_CHOICES_WHEN_ESIA_EMAIL_VERIFIED), DEFAULT_ASK_CHOICES),
                flag(c.get(ONE_PERSON_PER_ADDRESS), DEFAULT_ONE_PERSON_PER_ADDRESS));
    }

    /** "true" / "false" as the console writes them; anything else keeps the default. */
    private static boolean flag(String value, boolean fallback) {
        if (value == null) {
            return fallback;
        }
        String v = value.strip();
        if (v.equalsIgnoreCase("true")) {
            return true;
        }
        return v.equalsIgnoreCase("false") ? false : fallback;
    }
}
