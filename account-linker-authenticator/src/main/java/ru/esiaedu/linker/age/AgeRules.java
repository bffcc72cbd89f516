package ru.esiaedu.linker.age;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Age on the day of login in the region's time zone. A person born on 29 February turns a year older on
 * 28 February of a common year: a term counted in years ends on the last day of the month when the month has no
 * such date (Civil Code of the Russian Federation, art. 192 p. 3) — which is what {@link LocalDate#plusYears} does.
 */
public final class AgeRules {

    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Moscow");

    private final Clock clock;

    public AgeRules(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Rules for the given region's time zone at the system's current time. */
    public static AgeRules inZone(ZoneId zone) {
        return new AgeRules(Clock.system(zone));
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
        LocalDate today = today();
        int years = today.getYear() - birthDate.getYear();
        return birthDate.plusYears(years).isAfter(today) ? years - 1 : years;
    }

    public AgeGroup groupOf(LocalDate birthDate) {
        Objects.requireNonNull(birthDate, "birthDate");
        int age = ageInYears(birthDate);
        if (age < 14) {
            return AgeGroup.UNDER_14;
        }
        return age < 18 ? AgeGroup.FROM_14_TO_17 : AgeGroup.ADULT;
    }
}
