package ru.esiaedu.emulator;

import java.time.Instant;

/**
 * A notification in a person's ESIA personal account ({@link Consents#notificationsOf}).
 *
 * @param id           notification id
 * @param recipientOid whose account it is in
 * @param title        e.g. «Запрос согласия на обработку персональных данных»
 * @param text         names the child (or «ваше согласие») and the client system
 * @param requestId    the consent request it links to ({@code /profile/consents/<requestId>}); may be null
 * @param created      when it was sent
 * @param read         whether the person has opened the notifications page since
 */
public record NotificationView(String id, String recipientOid, String title, String text, String requestId,
                               Instant created, boolean read) {

    static NotificationView of(ConsentRegistry.Notification n) {
        return new NotificationView(n.id(), Long.toString(n.recipientOid()), n.title(), n.text(), n.requestId(),
                n.created(), n.read());
    }
}
