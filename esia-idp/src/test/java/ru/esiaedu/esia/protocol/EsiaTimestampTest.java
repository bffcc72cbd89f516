package ru.esiaedu.esia.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class EsiaTimestampTest {

    @Test
    void formatsWithDotsAndNumericOffset() {
        ZonedDateTime t = ZonedDateTime.of(2026, 11, 22, 21, 0, 0, 123_000_000, ZoneId.of("Europe/Moscow"));
        assertThat(EsiaTimestamp.format(t)).isEqualTo("2026.11.22 21:00:00 +0300");
        assertThat(EsiaTimestamp.format(ZonedDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC)))
                .isEqualTo("2026.01.02 03:04:05 +0000");
        assertThat(EsiaTimestamp.format(ZonedDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHoursMinutes(-5, -30))))
                .isEqualTo("2026.01.02 03:04:05 -0530");
    }

    @Test
    void nowUsesTheClocksZone() {
        Instant instant = Instant.parse("2026-11-22T18:00:00.999Z");
        assertThat(EsiaTimestamp.now(Clock.fixed(instant, ZoneId.of("Europe/Moscow"))))
                .isEqualTo("2026.11.22 21:00:00 +0300");
        assertThat(EsiaTimestamp.now(Clock.fixed(instant, ZoneOffset.UTC))).isEqualTo("2026.11.22 18:00:00 +0000");
        assertThat(EsiaTimestamp.now(Clock.fixed(instant, ZoneId.of("Asia/Yekaterinburg"))))
                .isEqualTo("2026.11.22 23:00:00 +0500");
    }

    @Test
    void roundTrips() {
        assertThat(EsiaTimestamp.parse("2026.11.22 21:00:00 +0300").toInstant())
                .isEqualTo(Instant.parse("2026-11-22T18:00:00Z"));
    }

    @Test
    void plusAndSpaceAreEncodedInAQuery() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("client_id", "SCHOOL01");
        params.put("timestamp", "2026.11.22 21:00:00 +0300");
        assertThat(Rfc3986.query(params)).isEqualTo("client_id=SCHOOL01&timestamp=2026.11.22%2021%3A00%3A00%20%2B0300");
    }
}
