package ru.esiaedu.login.age;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;

import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * The one age rule of every ESIA login step: age on the day of login in the region's time zone, by Keycloak's clock.
 * It decides which documents identify a person in matching (from 14: SNILS and the passport, below: the birth
 * certificate), whose consent a student needs (under 18: a parent's) and what the not-found page says to a student.
 * A person born on 29 February turns a year older on 28 February of a common year: a term counted in years ends on
 * the last day of the month when the month has no such date (Civil Code of the Russian Federation, art. 192 p. 3) —
 * which is what {@link LocalDate#plusYears} does.
 */
public final class AgeRules {

    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Moscow");

    /** Step setting: the region's time zone. Every step that decides by age offers it, with the same default. */
    public static final String TIME_ZONE_SETTING = "timeZone";

    /** The {@link #TIME_ZONE_SETTING} field of a step's settings in the admin console. */
    public static final ProviderConfigProperty TIME_ZONE_PROPERTY = ProviderConfigurationBuilder.create()
            .property()
            .name(TIME_ZONE_SETTING)
            .label("Часовой пояс региона (Region time zone)")
            .helpText("Часовой пояс, в котором считается возраст в день входа (с 14 лет — СНИЛС и паспорт вместо "
                    + "свидетельства о рождении, до 18 лет — согласие родителя), например Europe/Moscow, "
                    + "Asia/Yekaterinburg. Пусто или неверно — Europe/Moscow. Во всех шагах входа через ЕСИА должно "
                    + "стоять одно значение. / Time zone for the age on the day of login (documents from 14, a "
                    + "parent's consent under 18); empty or unknown means Europe/Moscow. Use the same value in every "
                    + "ESIA login step.")
            .type(ProviderConfigProperty.STRING_TYPE)
            .defaultValue(DEFAULT_ZONE.getId())
            .add()
            .build()
            .get(0);

    private final Clock clock;

    /** Rules at the clock's instant in the clock's zone (tests pass a fixed clock). */
    public AgeRules(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Rules for the given region's time zone by Keycloak's clock. */
    public static AgeRules inZone(ZoneId zone) {
        return new AgeRules(KeycloakClock.UTC.withZone(zone));
    }

    /** Rules of a step's settings ({@link #TIME_ZONE_SETTING}) on the given clock. */
    public static AgeRules fromSettings(Map<String, String> settings, Clock clock) {
        String zone = settings == null ? null : settings.get(TIME_ZONE_SETTING);
        return new AgeRules(clock.withZone(zoneOrDefault(zone)));
    }

    /** Zone id from a setting; blank or unknown means {@link #DEFAULT_ZONE}. */
    public static ZoneId zoneOrDefault(String zoneId) {
        if (zoneId == null || zoneId.isBlank()) {
            return DEFAULT_ZONE;
        }
        try {
            return ZoneId.of(zoneId.trim());
        } catch (RuntimeException unknown) {
            return DEFAULT_ZONE;
        }
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Full years reached today. */
    public int ageInYears(LocalDate birthDate) {
        Objects.requireNonNull(birthDate, "birthDate");
        LocalDate today = today();
        int years = today.getYear() - birthDate.getYear();
        return birthDate.plusYears(years).isAfter(today) ? years - 1 : years;
    }

    public AgeGroup groupOf(LocalDate birthDate) {
        int age = ageInYears(birthDate);
        if (age < 14) {
            return AgeGroup.UNDER_14;
        }
        return age < 18 ? AgeGroup.FROM_14_TO_17 : AgeGroup.ADULT;
    }
}
