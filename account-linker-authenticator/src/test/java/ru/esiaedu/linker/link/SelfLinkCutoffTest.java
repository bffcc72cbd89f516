package ru.esiaedu.linker.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

class SelfLinkCutoffTest {

    private static Instant moscow(String localDateTime) {
        return OffsetDateTime.parse(localDateTime + "+03:00").toInstant();
    }

    @Test
    void emptyOrMissingMeansNoLimit() {
        assertThat(SelfLinkCutoff.parse(null).isOpen(Instant.parse("2099-01-01T00:00:00Z"))).isTrue();
        assertThat(SelfLinkCutoff.parse("  ").isOpen(Instant.parse("2099-01-01T00:00:00Z"))).isTrue();
        assertThat(SelfLinkCutoff.parse("").firstClosedDay()).isNull();
        assertThat(SelfLinkCutoff.parse("").closesAt()).isNull();
    }

    @Test
    void theLastDayIsIncludedUntilMidnightInMoscow() {
        SelfLinkCutoff cutoff = SelfLinkCutoff.parse("2025-03-31");
        assertThat(cutoff.isOpen(moscow("2025-03-01T12:00:00"))).isTrue();
        assertThat(cutoff.isOpen(moscow("2025-03-31T23:59:59"))).isTrue();
        assertThat(cutoff.isOpen(moscow("2025-04-01T00:00:00"))).isFalse();
        assertThat(cutoff.isOpen(moscow("2025-05-01T00:00:00"))).isFalse();
    }

    @Test
    void theBoundaryIsMoscowMidnightNotUtcMidnight() {
        SelfLinkCutoff cutoff = SelfLinkCutoff.parse("2025-03-31");
        assertThat(cutoff.closesAt()).isEqualTo(Instant.parse("2025-03-31T21:00:00Z"));
        assertThat(cutoff.isOpen(Instant.parse("2025-03-31T20:59:59.999Z"))).isTrue();
        assertThat(cutoff.isOpen(Instant.parse("2025-03-31T21:00:00Z"))).isFalse();
        // 23:30 UTC on the last day is already 02:30 on 1 April in Moscow
        assertThat(cutoff.isOpen(Instant.parse("2025-03-31T23:30:00Z"))).isFalse();
    }

    @Test
    void thePageNamesTheFirstClosedDay() {
        assertThat(SelfLinkCutoff.parse(" 2025-03-31 ").firstClosedDay()).isEqualTo(LocalDate.of(2025, 4, 1));
    }

    @Test
    void anInvalidDateClosesSelfLinking() {
        SelfLinkCutoff cutoff = SelfLinkCutoff.parse("31.03.2025");
        assertThat(cutoff.isInvalid()).isTrue();
        assertThat(cutoff.isOpen(Instant.parse("2000-01-01T00:00:00Z"))).isFalse();
        assertThat(cutoff.firstClosedDay()).isNull();
    }
}
