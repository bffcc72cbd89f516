package ru.esiaedu.linker.request;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import ru.esiaedu.registry.Organisation;

/**
 * The «Обратиться в организацию» form: child's full name, organisation type, organisation, class,
 * contact e-mail. Values are normalised on the way in (trimmed, spaces collapsed, e-mail lower case), so the
 * idempotency key and the registry see the same thing however the person typed it.
 */
public record AccessRequestForm(String childFullName, String organisationType, String organisationId,
                                String className, String contactEmail) {

    public static final String FIELD_CHILD = "childFullName";
    public static final String FIELD_TYPE = "organisationType";
    public static final String FIELD_ORGANISATION = "organisationId";
    public static final String FIELD_CLASS = "className";
    public static final String FIELD_EMAIL = "contactEmail";
    public static final List<String> FIELDS = List.of(FIELD_CHILD, FIELD_TYPE, FIELD_ORGANISATION, FIELD_CLASS, FIELD_EMAIL);

    static final int MAX_NAME = 150;
    static final int MAX_CLASS = 20;
    static final int MAX_EMAIL = 254;

    /** Letters (Cyrillic and Latin), spaces, hyphens, apostrophes; at least two words (фамилия и имя). */
    private static final Pattern NAME = Pattern.compile("[\\p{IsCyrillic}A-Za-z'’\\-]+( [\\p{IsCyrillic}A-Za-z'’\\-]+)+");
    /** «5А», «11 Б», «10-1», «Старшая группа»: letters, digits, spaces, hyphens, dots, slashes. */
    private static final Pattern CLASS = Pattern.compile("[\\p{IsCyrillic}A-Za-z0-9 .\\-/«»\"]+");
    /**
     * An address as people type it and mail servers take it: a dot-atom local part of letters (Latin or Cyrillic),
     * digits and {@code . _ % + -} (no dot first, last or twice), a domain of letters (Latin or Cyrillic, for .рф), digits and
     * inner hyphens, and a top-level domain of letters. Nothing that could be markup or a second header.
     */
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9\\p{IsCyrillic}_%+\\-]+(\\.[A-Za-z0-9\\p{IsCyrillic}_%+\\-]+)*@"
            + "([A-Za-z0-9\\p{IsCyrillic}]([A-Za-z0-9\\p{IsCyrillic}\\-]{0,61}[A-Za-z0-9\\p{IsCyrillic}])?\\.)+"
            + "[A-Za-z\\p{IsCyrillic}]{2,63}");
    static final int MAX_EMAIL_LOCAL = 64;

    public static AccessRequestForm read(Function<String, String> field) {
        String email = clean(field.apply(FIELD_EMAIL));
        return new AccessRequestForm(clean(field.apply(FIELD_CHILD)), clean(field.apply(FIELD_TYPE)),
                clean(field.apply(FIELD_ORGANISATION)), clean(field.apply(FIELD_CLASS)), email.toLowerCase(Locale.ROOT));
    }

    /**
     * Field → message key of the first problem of that field; empty when the form may be sent.
     * The organisation must be one of {@code organisations} and of the chosen type.
     */
    public Map<String, String> validate(List<Organisation> organisations) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (childFullName.isEmpty()) {
            errors.put(FIELD_CHILD, "esiaRequestChildRequired");
        } else if (childFullName.length() > MAX_NAME || !NAME.matcher(childFullName).matches()) {
            errors.put(FIELD_CHILD, "esiaRequestChildInvalid");
        }
        if (organisationType.isEmpty()) {
            errors.put(FIELD_TYPE, "esiaRequestTypeRequired");
        } else if (!OrganisationTypes.ALL.contains(organisationType)) {
            errors.put(FIELD_TYPE, "esiaRequestTypeInvalid");
        }
        if (organisationId.isEmpty()) {
            errors.put(FIELD_ORGANISATION, "esiaRequestOrganisationRequired");
        } else {
            Optional<Organisation> organisation = organisation(organisations);
            if (organisation.isEmpty()) {
                errors.put(FIELD_ORGANISATION, "esiaRequestOrganisationInvalid");
            } else if (!errors.containsKey(FIELD_TYPE) && !organisation.get().type().equals(organisationType)) {
                errors.put(FIELD_ORGANISATION, "esiaRequestOrganisationWrongType");
            }
        }
        if (className.isEmpty()) {
            // A school needs the class; other organisations may leave the group empty.
            if (OrganisationTypes.SCHOOL.equals(organisationType)) {
                errors.put(FIELD_CLASS, "esiaRequestClassRequired");
            }
        } else if (className.length() > MAX_CLASS || !CLASS.matcher(className).matches()) {
            errors.put(FIELD_CLASS, "esiaRequestClassInvalid");
        }
        if (contactEmail.isEmpty()) {
            errors.put(FIELD_EMAIL, "esiaRequestEmailRequired");
        } else if (contactEmail.length() > MAX_EMAIL || !EMAIL.matcher(contactEmail).matches()
                || contactEmail.indexOf('@') > MAX_EMAIL_LOCAL) {
            errors.put(FIELD_EMAIL, "esiaRequestEmailInvalid");
        }
        return errors;
    }

    public Optional<Organisation> organisation(List<Organisation> organisations) {
        return organisations.stream().filter(o -> o.id().equals(organisationId)).findFirst();
    }

    /** Trim, collapse runs of white space (including no-break spaces) to one space; null becomes "". */
    static String clean(String value) {
        if (value == null) {
            return "";
        }
        return value.replace('\u00A0', ' ').replaceAll("\\s+", " ").trim();
    }
}
