package ru.esiaedu.linker.request;

/**
 * The notification sent to the contact address after «Обратиться в организацию»: the request number, the
 * organisation it went to and what happens next. Deliberately nothing about the child or the person (no name,
 * class, SNILS or documents): the address is typed by hand and may be mistyped, so the letter must not tell a
 * stranger anything about a child.
 *
 * @param subject  subject line
 * @param textBody plain-text body (UTF-8)
 */
public record AccessRequestEmail(String subject, String textBody) {

    public static AccessRequestEmail build(String number, String organisationName, String platformName) {
        String system = platformName == null || platformName.isBlank()
                ? "школьной информационной системе" : "системе «" + platformName.trim() + "»";
        String organisation = organisationName == null || organisationName.isBlank()
                ? "выбранную организацию" : "организацию «" + organisationName.trim() + "»";
        String subject = "Обращение № " + number + " принято";
        String body = "Здравствуйте!\n\n"
                + "Ваше обращение № " + number + " о доступе к " + system + " через Госуслуги направлено в "
                + organisation + ".\n\n"
                + "Что будет дальше:\n"
                + "1. Ответственный сотрудник организации проверит сведения и заполнит или исправит личную карточку в системе.\n"
                + "2. По результату рассмотрения на этот адрес придёт уведомление о решении.\n"
                + "3. После этого снова войдите в систему через Госуслуги — учётная запись будет найдена автоматически.\n\n"
                + "Если обращение долго не рассматривается, обратитесь в организацию лично и назовите номер обращения.\n\n"
                + "Если вы не отправляли это обращение, просто удалите письмо.\n"
                + "Письмо отправлено автоматически, отвечать на него не нужно.\n";
        return new AccessRequestEmail(subject, body);
    }
}
