package ru.esiaedu.linker.request;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccessRequestEmailTest {

    @Test
    void carriesTheNumberTheOrganisationAndWhatHappensNext() {
        AccessRequestEmail email = AccessRequestEmail.build("Р-2026-000123", "МБОУ СОШ № 17", "Сетевой Город. Образование");
        assertThat(email.subject()).isEqualTo("Обращение № Р-2026-000123 принято");
        assertThat(email.textBody())
                .contains("обращение № Р-2026-000123")
                .contains("направлено в организацию «МБОУ СОШ № 17»")
                .contains("системе «Сетевой Город. Образование»")
                .contains("Что будет дальше")
                .contains("придёт уведомление")
                .contains("снова войдите");
    }

    @Test
    void saysNothingAboutTheChildOrThePerson() {
        // The builder is not even given the child's name, class, e-mail or SNILS: a mistyped address must not learn them.
        AccessRequestEmail email = AccessRequestEmail.build("Р-2026-000123", "МБОУ СОШ № 17", "ЭлЖур");
        assertThat(email.textBody()).doesNotContain("@").doesNotContainPattern("\\d{3}-\\d{3}-\\d{3} \\d{2}")
                .doesNotContain("класс");
    }

    @Test
    void worksWithoutOrganisationOrPlatformName() {
        AccessRequestEmail email = AccessRequestEmail.build("Р-1", null, " ");
        assertThat(email.textBody()).contains("школьной информационной системе").contains("выбранную организацию")
                .doesNotContain("null").doesNotContain("«»");
    }
}
