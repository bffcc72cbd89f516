package ru.esiaedu.linker.link;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * The «самостоятельная привязка доступна до …» rule («С апреля 2025 года привязка учётной записи Госуслуг возможна только ответственным сотрудником образовательной организации»): self-linking with the legacy login works up to
 * and including the configured day (Moscow time); from the next midnight in Moscow only the school can link.
 */
public final class SelfLinkCutoff {

    public static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    private static final SelfLinkCutoff UNLIMITED = new SelfLinkCutoff(null, false);

    private final LocalDate lastDay;
    private final boolean invalid;

    private SelfLinkCutoff(LocalDate lastDay, boolean invalid) {
        this.lastDay = lastDay;
        this.invalid = invalid;
    }

    /**
     * Empty or null means no limit. A value that is not an ISO date ({@code 2025-03-31}) closes self-linking:
     * a typo must not silently reopen a door the operator meant to shut.
     */
    public static SelfLinkCutoff parse(String configured) {
        if (configured == null || configured.isBlank()) {
            return UNLIMITED;
        }
        try {
            return new SelfLinkCutoff(LocalDate.parse(configured.trim()), false);
        } catch (DateTimeParseException e) {
            return new SelfLinkCutoff(null, true);
        }
    }

    public boolean isInvalid() {
        return invalid;
    }

    public boolean isOpen(Instant now) {
        if (invalid) {
            return false;
        }
        if (lastDay == null) {
            return true;
        }
        return now.isBefore(closesAt());
    }

    /** The first moment self-linking is closed: midnight in Moscow after the last allowed day; null without a limit. */
    public Instant closesAt() {
        return lastDay == null ? null : lastDay.plusDays(1).atStartOfDay(MOSCOW).toInstant();
    }

    /** The first day self-linking is closed (shown as «С 1 апреля 2025 года …»); null when unlimited or invalid. */
    public LocalDate firstClosedDay() {
        return lastDay == null ? null : lastDay.plusDays(1);
    }
}
