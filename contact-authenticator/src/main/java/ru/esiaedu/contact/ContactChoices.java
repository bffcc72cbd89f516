package ru.esiaedu.contact;

import java.util.function.Function;

/**
 * The two choices of «Контактные данные»: «Дублировать сообщения Электронного журнала на электронную почту» and
 * «Отмечать сообщение прочитанным при его открытии на электронной почте». Stored on the Keycloak user as "true" /
 * "false" attributes, handed to clients as boolean claims by the realm's protocol mappers. Marking as read is part of
 * the mail copy: without copies there is no mail to open, so it is stored as "no" ({@link #stored()}); the page
 * still shows the boxes as they were ticked.
 */
public record ContactChoices(boolean journalMailCopy, boolean markReadOnOpen) {

    /** User attribute (and form field) «Дублировать сообщения Электронного журнала на электронную почту». */
    public static final String JOURNAL_MAIL_COPY = "esiaEduJournalMailCopy";
    /** User attribute (and form field) «Отмечать сообщение прочитанным при его открытии на электронной почте». */
    public static final String MARK_READ_ON_OPEN = "esiaEduMarkReadOnOpen";

    /** Neither: what a person who was not asked gets (mail copies are opt-in). */
    public static final ContactChoices NONE = new ContactChoices(false, false);

    /** What is stored: marking as read only together with the mail copy. */
    public ContactChoices stored() {
        return new ContactChoices(journalMailCopy, journalMailCopy && markReadOnOpen);
    }

    /** The two checkboxes of a posted form (a checked box posts "on"; an unchecked one posts nothing). */
    public static ContactChoices fromForm(Function<String, String> field) {
        return new ContactChoices(checked(field.apply(JOURNAL_MAIL_COPY)), checked(field.apply(MARK_READ_ON_OPEN)));
    }

    private static boolean checked(String value) {
        return value != null && (value.equals("on") || value.equalsIgnoreCase("true"));
    }
}
