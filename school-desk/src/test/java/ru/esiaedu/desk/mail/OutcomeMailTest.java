package ru.esiaedu.desk.mail;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import ru.esiaedu.registry.RegistryRole;
import ru.esiaedu.registry.school.InboxRequest;
import ru.esiaedu.registry.school.InboxRequestStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutcomeMailTest {

    private static InboxRequest request(InboxRequestStatus status, String comment) {
        return new InboxRequest(7, "Р-2026-000007", status, RegistryRole.PARENT, "Белова Наталья Олеговна",
                "Белов Тимофей Ильич", "SCHOOL", "sch-chel-1", "5А", "n.belova@example.ru", "1000300114",
                Instant.EPOCH, status == InboxRequestStatus.LINKED ? "acc-belova-m-sch1" : null, comment, "staff:x", Instant.EPOCH);
    }

    @Test
    void aLinkedRequestTellsTheNumberAndHowToSignInNow() {
        OutcomeMail mail = OutcomeMail.of(request(InboxRequestStatus.LINKED, null), "Электронная школа");

        assertThat(mail.subject()).isEqualTo("Обращение № Р-2026-000007 выполнено");
        assertThat(mail.textBody()).contains("Р-2026-000007", "привязала", "«Электронная школа»", "Войти через госуслуги");
    }

    @Test
    void aRejectedRequestQuotesTheSchoolsComment() {
        OutcomeMail mail = OutcomeMail.of(request(InboxRequestStatus.REJECTED, "Ребёнок у нас не учится"), "Школа");

        assertThat(mail.subject()).isEqualTo("Обращение № Р-2026-000007 отклонено");
        assertThat(mail.textBody()).contains("Комментарий организации: Ребёнок у нас не учится");
    }

    @Test
    void theMailNamesNeitherTheChildNorTheRequester() {
        OutcomeMail mail = OutcomeMail.of(request(InboxRequestStatus.LINKED, null), "Школа");

        assertThat(mail.subject() + mail.textBody()).doesNotContain("Белов", "1000300114", "acc-belova");
    }

    @Test
    void anOpenRequestHasNoOutcomeMail() {
        assertThatThrownBy(() -> OutcomeMail.of(request(InboxRequestStatus.NEW, null), "Школа"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
