package ru.esiaedu.emulator;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Who ESIA asks for a student's consent: for a minor (under 18 today in Moscow) every parent whose {@code kids}
 * list holds the student (deleted accounts left out), for an adult the student themself.
 */
final class ConsentRecipients {
    static final ZoneId ZONE = ZoneId.of("Europe/Moscow");
    private static final DateTimeFormatter BIRTH_DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu");

    private final PersonDirectory persons;
    private final Clock clock;

    ConsentRecipients(PersonDirectory persons, Clock clock) {
        this.persons = persons;
        this.clock = clock;
    }

    /**
     * Under 18 on today's date in Moscow. A birthday on 29 February counts on 28 February of a common year, as
     * {@link LocalDate#plusYears} does. An unreadable birth date counts as adult (the student is asked).
     */
    boolean minor(Person student) {
        LocalDate born;
        try {
            born = LocalDate.parse(student.birthDate(), BIRTH_DATE);
        } catch (DateTimeParseException | NullPointerException e) {
            return false;
        }
        return born.plusYears(18).isAfter(LocalDate.now(clock.withZone(ZONE)));
    }

    List<Long> of(Person student) {
        if (!minor(student)) {
            return List.of(student.oid());
        }
        return persons.all().stream().filter(p -> !p.deleted() && p.kids().contains(student.oid()))
                .map(Person::oid).toList();
    }

    /** Who may grant a consent through the test hooks: the student or any parent, whatever the age. */
    boolean mayGrant(Person student, long grantorOid) {
        return grantorOid == student.oid() || persons.find(grantorOid).map(p -> p.kids().contains(student.oid())).orElse(false);
    }
}
