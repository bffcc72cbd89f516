package ru.esiaedu.linker.firstlogin;

import java.net.URI;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

import ru.esiaedu.linker.age.AgeRules;
import ru.esiaedu.registry.RegistryRole;

/**
 * What the not-found page says to a student (seed 002): «Ваш дневник не найден. Чтобы решить проблему, попросите
 * родителей сообщить о ней через форму обратной связи» under 18, «…сообщите о ней через форму обратной связи» at 18+,
 * with «форму обратной связи» a link to the region's feedback form when one is configured.
 *
 * @param audience    {@code minor}, {@code adult}, or null for anyone who is not logging in as a student
 * @param feedbackUrl an http(s) URL, or null for plain text
 */
public record StudentNotFoundNotice(String audience, String feedbackUrl) {

    public static final String MINOR = "minor";
    public static final String ADULT = "adult";

    /** No birth date from ESIA: the minor's wording (a parent is the one who can sort it out). */
    public static StudentNotFoundNotice of(Optional<RegistryRole> role, LocalDate birthDate, AgeRules ageRules,
                                           String feedbackUrlSetting) {
        if (role.isEmpty() || role.get() != RegistryRole.STUDENT) {
            return new StudentNotFoundNotice(null, null);
        }
        boolean adult = birthDate != null && !ageRules.groupOf(birthDate).isMinor();
        return new StudentNotFoundNotice(adult ? ADULT : MINOR, feedbackUrl(feedbackUrlSetting));
    }

    public boolean forStudent() {
        return audience != null;
    }

    /** Only absolute http(s) URLs become a link: anything else (a typo, {@code javascript:}) stays plain text. */
    static String feedbackUrl(String setting) {
        if (setting == null || setting.isBlank()) {
            return null;
        }
        String url = setting.strip();
        try {
            URI uri = URI.create(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null ? url : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
