package ru.esiaedu.esia.protocol;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;

/**
 * The ESIA {@code timestamp} parameter: {@code yyyy.MM.dd HH:mm:ss Z}, e.g. {@code 2026.11.22 21:00:00 +0300}.
 * The offset contains a {@code +}: in a query string send it as {@code %2B} (see {@link Rfc3986}), otherwise ESIA
 * reads a space.
 */
public final class EsiaTimestamp {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy.MM.dd HH:mm:ss Z", Locale.ROOT);

    private EsiaTimestamp() {
    }

    public static String format(ZonedDateTime time) {
        return FORMAT.format(Objects.requireNonNull(time, "time"));
    }

    /**
     * The current time in the clock's own zone (ESIA checks the instant, not the zone; any offset is valid).
     * Pass {@code Clock.system(ZoneId.of("Europe/Moscow"))} to get ESIA's local time in the value, e.g. to match
     * its logs. Fractions of a second are dropped.
     */
    public static String now(Clock clock) {
        return format(ZonedDateTime.now(Objects.requireNonNull(clock, "clock")).truncatedTo(ChronoUnit.SECONDS));
    }

    /** Parses a value in the ESIA format (for the emulator and tests). */
    public static ZonedDateTime parse(String value) {
        return ZonedDateTime.parse(Objects.requireNonNull(value, "value"), FORMAT);
    }
}
