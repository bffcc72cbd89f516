package ru.esiaedu.linker.firstlogin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import ru.esiaedu.login.age.AgeRules;
import ru.esiaedu.registry.RegistryRole;

class StudentNotFoundNoticeTest {

    /** 2026-03-01 00:30 in Moscow = 2026-02-28 21:30 UTC. */
    private static final Instant NOW = Instant.parse("2026-02-28T21:30:00Z");
    private static final AgeRules MOSCOW = new AgeRules(Clock.fixed(NOW, ZoneId.of("Europe/Moscow")));
    private static final String FORM = "https://feedback.example.ru/form?topic=diary";

    @Test
    void aMinorStudentGetsTheAskYourParentsWordingWithTheLink() {
        StudentNotFoundNotice notice = StudentNotFoundNotice.of(Optional.of(RegistryRole.STUDENT),
                LocalDate.of(2012, 5, 1), MOSCOW, FORM);
        assertThat(notice.audience()).isEqualTo("minor");
        assertThat(notice.feedbackUrl()).isEqualTo(FORM);
        assertThat(notice.forStudent()).isTrue();
    }

    @Test
    void anAdultStudentGetsTheReportItYourselfWording() {
        assertThat(StudentNotFoundNotice.of(Optional.of(RegistryRole.STUDENT), LocalDate.of(2007, 9, 1), MOSCOW, FORM)
                .audience()).isEqualTo("adult");
    }

    @Test
    void theEighteenthBirthdayCountsInTheConfiguredTimeZone() {
        LocalDate born = LocalDate.of(2008, 3, 1);
        AgeRules utc = new AgeRules(Clock.fixed(NOW, ZoneId.of("UTC")));
        assertThat(StudentNotFoundNotice.of(Optional.of(RegistryRole.STUDENT), born, MOSCOW, null).audience())
                .isEqualTo("adult");     // already 1 March in Moscow
        assertThat(StudentNotFoundNotice.of(Optional.of(RegistryRole.STUDENT), born, utc, null).audience())
                .isEqualTo("minor");     // still 28 February in UTC
    }

    @Test
    void noBirthDateMeansTheMinorWording() {
        assertThat(StudentNotFoundNotice.of(Optional.of(RegistryRole.STUDENT), null, MOSCOW, FORM).audience())
                .isEqualTo("minor");
    }

    @Test
    void parentsStaffAndAnUnknownRoleKeepTheGenericPage() {
        for (Optional<RegistryRole> role : java.util.List.of(Optional.of(RegistryRole.PARENT),
                Optional.of(RegistryRole.STAFF), Optional.<RegistryRole>empty())) {
            StudentNotFoundNotice notice = StudentNotFoundNotice.of(role, LocalDate.of(2012, 5, 1), MOSCOW, FORM);
            assertThat(notice.forStudent()).as(role.toString()).isFalse();
            assertThat(notice.feedbackUrl()).isNull();
        }
    }

    @Test
    void onlyHttpAndHttpsAddressesBecomeALink() {
        assertThat(StudentNotFoundNotice.feedbackUrl("  http://localhost:3000/feedback ")).isEqualTo("http://localhost:3000/feedback");
        assertThat(StudentNotFoundNotice.feedbackUrl(FORM)).isEqualTo(FORM);
        assertThat(StudentNotFoundNotice.feedbackUrl("")).isNull();
        assertThat(StudentNotFoundNotice.feedbackUrl(null)).isNull();
        assertThat(StudentNotFoundNotice.feedbackUrl("javascript:alert(1)")).isNull();
        assertThat(StudentNotFoundNotice.feedbackUrl("feedback.example.ru/form")).isNull();
        assertThat(StudentNotFoundNotice.feedbackUrl("https://exa mple.ru")).isNull();
    }

    @Test
    void aStepsSettingsGiveTheZoneAndTheFormAndMissingSettingsTheDefaults() {
        Clock utcClock = Clock.fixed(NOW, ZoneId.of("UTC"));
        LocalDate eighteenOnMarchFirst = LocalDate.of(2008, 3, 1);
        // 2026-02-28 21:30 UTC: already 1 March in Moscow (the default zone), still 28 February in UTC
        assertThat(StudentNotFoundNotice.fromSettings(null, Optional.of(RegistryRole.STUDENT), eighteenOnMarchFirst,
                utcClock)).isEqualTo(new StudentNotFoundNotice("adult", null));
        assertThat(StudentNotFoundNotice.fromSettings(java.util.Map.of("timeZone", "UTC", "feedbackUrl", FORM),
                Optional.of(RegistryRole.STUDENT), eighteenOnMarchFirst, utcClock))
                .isEqualTo(new StudentNotFoundNotice("minor", FORM));
        assertThat(StudentNotFoundNotice.fromSettings(java.util.Map.of("feedbackUrl", FORM), Optional.of(RegistryRole.PARENT),
                eighteenOnMarchFirst, utcClock).forStudent()).isFalse();
    }
}
