package ru.esiaedu.e2e.support;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/** The text of the e-mails Keycloak sends to the test SMTP server (multipart, base64 bodies decoded). */
public final class Mails {

    private Mails() {
    }

    public static MimeMessage waitForMailTo(String address, String subjectPart) throws Exception {
        for (int attempt = 0; attempt < 100; attempt++) {
            for (MimeMessage message : SharedSmtp.get().getReceivedMessages()) {
                if (message.getAllRecipients()[0].toString().equals(address) && message.getSubject().contains(subjectPart)) {
                    return message;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no e-mail to " + address + " with «" + subjectPart + "» in the subject");
    }

    /** The decoded text of every text part. */
    public static String text(Part part) throws Exception {
        Object content = part.getContent();
        if (content instanceof String text) {
            return text;
        }
        if (content instanceof Multipart multipart) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                all.append(text(multipart.getBodyPart(i)));
            }
            return all.toString();
        }
        return "";
    }
}
