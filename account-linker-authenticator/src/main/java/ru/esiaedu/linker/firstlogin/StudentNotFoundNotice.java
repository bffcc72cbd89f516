package ru.esiaedu.linker.firstlogin;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import ru.esiaedu.login.age.AgeRules;
import ru.esiaedu.registry.RegistryRole;

/**
 * What the not-found page says to a student: «Ваш дневник не найден. Чтобы решить проблему, попросите
 * родителей сообщить о ней через форму обратной связи» under 18, «…сообщите о ней через форму обратной связи» at 18+,
 * with «форму обратной связи» a link to the region's feedback form when one is configured.
 *
 * @param audience    {@code minor}, {@code adult}, or null for anyone who is not logging in as a student
 * @param feedbackUrl an http(s) URL, or null for plain text
 */
public record StudentNotFoundNotice(String audience, String feedbackUrl) {

    public static final String MINOR = "minor";
    public static final String ADULT = "adult";

    public static final String CONFIG_FEEDBACK_URL = "feedbackUrl";

    /** The settings of every step that can show the not-found page (first login and later logins). */
    public static final List<ProviderConfigProperty> CONFIG_PROPERTIES = ProviderConfigurationBuilder.create()
            .property()
            .name(CONFIG_FEEDBACK_URL)
            .label("Форма обратной связи (Feedback form URL)")
            .helpText("Адрес (http или https) формы подачи обращения платформы обратной связи региона. "
                    + "Учащимся, которых нет в реестре, страница «Запись не найдена» говорит «Ваш дневник не найден. "
                    + "Чтобы решить проблему, (попросите родителей) сообщите о ней через форму обратной связи», и "
                    + "«форму обратной связи» становится ссылкой. Пусто — текст без ссылки. / The region's feedback "
                    + "form (http or https). Students not found in the registry are told to report the problem "
                    + "through it; empty = the words without a link.")
            .type(ProviderConfigProperty.STRING_TYPE)
            .defaultValue("")
            .add()
            .property(AgeRules.TIME_ZONE_PROPERTY)
            .build();

    /** From a step's settings ({@link #CONFIG_PROPERTIES}; null or missing = defaults). */
    public static StudentNotFoundNotice fromSettings(Map<String, String> settings, Optional<RegistryRole> role,
                                                     LocalDate birthDate, Clock clock) {
        Map<String, String> values = settings == null ? Map.of() : settings;
        return of(role, birthDate, AgeRules.fromSettings(values, clock), values.get(CONFIG_FEEDBACK_URL));
    }

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
