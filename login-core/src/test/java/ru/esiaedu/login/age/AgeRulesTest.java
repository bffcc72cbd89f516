package ru.esiaedu.login.age;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class AgeRulesTest {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    private static AgeRules at(String instant, ZoneId zone) {
        return new AgeRules(Clock.fixed(Instant.parse(instant), zone));
    }

    @Test
    void turnsFourteenOnTheBirthdayItself() {
        LocalDate birth = LocalDate.of(2012, 11, 23);
        assertThat(at("2026-11-22T12:00:00Z", MOSCOW).groupOf(birth)).isEqualTo(AgeGroup.UNDER_14);
        assertThat(at("2026-11-23T12:00:00Z", MOSCOW).groupOf(birth)).isEqualTo(AgeGroup.FROM_14_TO_17);
    }

    @Test
    void turnsEighteenOnTheBirthdayItself() {
        LocalDate birth = LocalDate.of(2008, 11, 23);
        assertThat(at("2026-11-22T20:59:59Z", MOSCOW).groupOf(birth)).isEqualTo(AgeGroup.FROM_14_TO_17);
        assertThat(at("2026-11-22T21:00:00Z", MOSCOW).groupOf(birth)).isEqualTo(AgeGroup.ADULT);
    }

    @Test
    void theDayCountsInTheRegionsTimeZoneNotUtc() {
        LocalDate birth = LocalDate.of(2008, 11, 23);
        // 23:30 UTC on the 22nd is already the 23rd in Moscow (UTC+3) but still the 22nd in UTC
        assertThat(at("2026-11-22T23:30:00Z", MOSCOW).groupOf(birth)).isEqualTo(AgeGroup.ADULT);
        assertThat(at("2026-11-22T23:30:00Z", ZoneId.of("UTC")).groupOf(birth)).isEqualTo(AgeGroup.FROM_14_TO_17);
        // Kamchatka (UTC+12) is a day ahead of Kaliningrad (UTC+2) for half of the day
        assertThat(at("2026-11-22T13:00:00Z", ZoneId.of("Asia/Kamchatka")).groupOf(birth)).isEqualTo(AgeGroup.ADULT);
        assertThat(at("2026-11-22T13:00:00Z", ZoneId.of("Europe/Kaliningrad")).groupOf(birth))
                .isEqualTo(AgeGroup.FROM_14_TO_17);
    }

    @Test
    void bornOnTheTwentyNinthOfFebruaryTurnsOlderOnTheTwentyEighthInACommonYear() {
        LocalDate birth = LocalDate.of(2008, 2, 29);
        assertThat(at("2026-02-27T12:00:00Z", MOSCOW).ageInYears(birth)).isEqualTo(17);
        assertThat(at("2026-02-28T12:00:00Z", MOSCOW).ageInYears(birth)).isEqualTo(18);
        assertThat(at("2026-02-28T12:00:00Z", MOSCOW).groupOf(birth)).isEqualTo(AgeGroup.ADULT);
    }

    @Test
    void bornOnTheTwentyNinthOfFebruaryInALeapYearTurnsOlderOnThatDay() {
        LocalDate birth = LocalDate.of(2012, 2, 29);
        assertThat(at("2028-02-28T12:00:00Z", MOSCOW).ageInYears(birth)).isEqualTo(15);
        assertThat(at("2028-02-29T12:00:00Z", MOSCOW).ageInYears(birth)).isEqualTo(16);
        assertThat(at("2026-02-28T12:00:00Z", MOSCOW).groupOf(birth)).isEqualTo(AgeGroup.FROM_14_TO_17);
        assertThat(at("2026-02-27T12:00:00Z", MOSCOW).groupOf(birth)).isEqualTo(AgeGroup.UNDER_14);
    }

    @Test
    void newbornsAndTheNewYearEdge() {
        assertThat(at("2026-01-01T00:00:00Z", MOSCOW).ageInYears(LocalDate.of(2026, 1, 1))).isZero();
        assertThat(at("2025-12-31T20:59:59Z", MOSCOW).ageInYears(LocalDate.of(2008, 1, 1))).isEqualTo(17);
        assertThat(at("2025-12-31T21:00:00Z", MOSCOW).ageInYears(LocalDate.of(2008, 1, 1))).isEqualTo(18);
    }

    @Test
    void blankOrUnknownZoneFallsBackToMoscow() {
        assertThat(AgeRules.zoneOrDefault(null)).isEqualTo(MOSCOW);
        assertThat(AgeRules.zoneOrDefault(" ")).isEqualTo(MOSCOW);
        assertThat(AgeRules.zoneOrDefault("Mars/Olympus")).isEqualTo(MOSCOW);
        assertThat(AgeRules.zoneOrDefault("Asia/Yekaterinburg")).isEqualTo(ZoneId.of("Asia/Yekaterinburg"));
    }
}
