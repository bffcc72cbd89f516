package ru.esiaedu.desk.mail;

import ru.esiaedu.registry.school.InboxRequest;
import ru.esiaedu.registry.school.InboxRequestStatus;

/**
 * The requester's e-mail about their «Обратиться в организацию» request: its number and what the school did —
 * linked (they can now sign in through Gosuslugi) or rejected with the school's comment. Plain text in Russian.
 */
public record OutcomeMail(String subject, String textBody) {

    /** @throws IllegalArgumentException for a request still open */
    public static OutcomeMail of(InboxRequest request, String siteName) {
        String number = request.number();
        if (request.status() == InboxRequestStatus.LINKED) {
            return new OutcomeMail("Обращение № " + number + " выполнено",
                    "Здравствуйте!\n\n"
                    + "Ваше обращение № " + number + " рассмотрено: образовательная организация привязала вашу учётную"
                    + " запись Госуслуг к записи в электронном журнале.\n\n"
                    + "Теперь войдите в «" + siteName + "» через Госуслуги («Войти через госуслуги»).\n\n"
                    + "Это письмо отправлено автоматически, отвечать на него не нужно.\n");
        }
        if (request.status() == InboxRequestStatus.REJECTED) {
            String comment = request.comment() == null || request.comment().isBlank() ? "без комментария" : request.comment();
            return new OutcomeMail("Обращение № " + number + " отклонено",
                    "Здравствуйте!\n\n"
                    + "Ваше обращение № " + number + " рассмотрено и отклонено образовательной организацией.\n\n"
                    + "Комментарий организации: " + comment + "\n\n"
                    + "Если вы не согласны, обратитесь в образовательную организацию.\n\n"
                    + "Это письмо отправлено автоматически, отвечать на него не нужно.\n");
        }
        throw new IllegalArgumentException("request " + request.id() + " is still open");
    }
}
