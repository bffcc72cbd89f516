package ru.esiaedu.registry.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;
import ru.esiaedu.registry.normalize.Phones;
import ru.esiaedu.registry.school.CardField;

/** The checks of the class page and the import, over many values. */
class CardValuesProperties {

    static final CardValues VALUES = new CardValues(Clock.fixed(Instant.parse("2026-09-01T09:00:00Z"), ZoneOffset.UTC));

    @Property(tries = 500)
    void everyBirthDateInRangeReadsInAllThreeLayouts(@ForAll("birthDates") LocalDate date) {
        for (String pattern : new String[] {"dd.MM.yyyy", "d.M.yyyy", "yyyy-MM-dd"}) {
            CardValues.Outcome outcome = VALUES.check(CardField.BIRTH_DATE, date.format(DateTimeFormatter.ofPattern(pattern)));
            assertThat(outcome.valid()).isTrue();
            assertThat(outcome.value().display()).isEqualTo(date.toString());
        }
    }

    @Property(tries = 300)
    void datesOutsideTheRangeAreRefused(@ForAll("outsideDates") LocalDate date) {
        assertThat(VALUES.check(CardField.BIRTH_DATE, date.format(DateTimeFormatter.ofPattern("dd.MM.yyyy"))).reason())
                .isEqualTo("birth_date");
    }

    @Property(tries = 500)
    void anyTextIsEitherRefusedWithAReasonOrStoredAsTheMatcherReadsIt(@ForAll @StringLength(max = 80) String text) {
        for (CardField field : CardField.values()) {
            CardValues.Outcome outcome = VALUES.check(field, text);
            assertThat(outcome.valid() != (outcome.reason() != null)).isTrue();
            if (outcome.valid() && field == CardField.PHONES) {
                outcome.value().contacts().forEach(c -> assertThat(Phones.normalize(c.entered())).contains(c.normalised()));
            }
        }
    }

    @Provide
    Arbitrary<LocalDate> birthDates() {
        return Arbitraries.integers().between(0, (int) (LocalDate.of(2026, 9, 1).toEpochDay()
                - LocalDate.of(1900, 1, 1).toEpochDay())).map(d -> LocalDate.of(1900, 1, 1).plusDays(d));
    }

    @Provide
    Arbitrary<LocalDate> outsideDates() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(1, 20_000).map(d -> LocalDate.of(1900, 1, 1).minusDays(d)),
                Arbitraries.integers().between(1, 2_000).map(d -> LocalDate.of(2026, 9, 1).plusDays(d)));
    }
}
