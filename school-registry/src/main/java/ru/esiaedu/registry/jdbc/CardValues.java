package ru.esiaedu.registry.jdbc;

import java.time.Clock;
import java.time.LocalDate;
import java.time.DateTimeException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ru.esiaedu.registry.normalize.Emails;
import ru.esiaedu.registry.normalize.Names;
import ru.esiaedu.registry.normalize.Phones;
import ru.esiaedu.registry.normalize.Snils;
import ru.esiaedu.registry.school.CardField;

/**
 * What the school types into a card, checked and normalised exactly as the matcher will read it (the registry's
 * normalisers), with the limits of the columns. One place for the class page's edits and the bulk import, so a value
 * accepted by one is accepted by the other. Pure.
 */
final class CardValues {

    static final int NAME_MAX = 100;
    static final int PHONE_ENTERED_MAX = 64;
    static final int EMAIL_MAX = 254;
    static final int CONTACTS_MAX = 5;
    static final LocalDate OLDEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);

    /** One contact as stored: the normalised value the finders compare and the value as typed. */
    record Contact(String normalised, String entered) {
    }

    /**
     * A checked value of one field: what goes into the columns and what the card shows.
     *
     * @param entered    the name as typed (stripped), the birth date, the SNILS digits; null when emptied
     * @param normalised {@link Names#normalize} of a name; the SNILS digits; null otherwise
     * @param contacts   phones or e-mails in the order typed, no two with the same normalised value
     */
    record Checked(CardField field, String entered, String normalised, LocalDate birthDate, List<Contact> contacts) {

        /** The value as the card shows it (and as the next compare-and-set expects it). */
        String display() {
            return switch (field) {
                case LAST_NAME, FIRST_NAME, MIDDLE_NAME -> entered == null ? "" : entered;
                case BIRTH_DATE -> birthDate == null ? "" : birthDate.toString();
                case SNILS -> snilsDisplay(normalised);
                case PHONES, EMAILS -> contactsDisplay(contacts);
            };
        }
    }

    /** Either a checked value or the reason it is refused. */
    record Outcome(Checked value, String reason) {

        static Outcome ok(Checked value) {
            return new Outcome(value, null);
        }

        static Outcome invalid(String reason) {
            return new Outcome(null, reason);
        }

        boolean valid() {
            return value != null;
        }
    }

    private final Clock clock;

    CardValues(Clock clock) {
        this.clock = clock;
    }

    /** Checks a value as typed; blank empties the field (refused for the last and first name). */
    Outcome check(CardField field, String raw) {
        String value = raw == null ? "" : raw.strip();
        return switch (field) {
            case LAST_NAME, FIRST_NAME -> value.isEmpty() ? Outcome.invalid("required") : name(field, value);
            case MIDDLE_NAME -> value.isEmpty() ? Outcome.ok(new Checked(field, null, null, null, List.of()))
                    : name(field, value);
            case BIRTH_DATE -> birthDate(value);
            case SNILS -> snils(value);
            case PHONES -> contacts(field, value);
            case EMAILS -> contacts(field, value);
        };
    }

    private Outcome name(CardField field, String value) {
        if (value.length() > NAME_MAX) {
            return Outcome.invalid("too_long");
        }
        boolean letter = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isLetter(c)) {
                letter = true;
            } else if (!(c == ' ' || c == '-' || c == '\'' || c == '.' || c == '\u2019' || (c >= '\u2010' && c <= '\u2014'))) {
                return Outcome.invalid("name");      // digits, control characters, formula signs
            }
        }
        if (!letter) {
            return Outcome.invalid("name");
        }
        return Outcome.ok(new Checked(field, value, Names.normalize(value), null, List.of()));
    }

    private Outcome birthDate(String value) {
        if (value.isEmpty()) {
            return Outcome.ok(new Checked(CardField.BIRTH_DATE, null, null, null, List.of()));
        }
        Optional<LocalDate> date = parseDate(value);
        if (date.isEmpty() || date.get().isBefore(OLDEST_BIRTH_DATE) || date.get().isAfter(LocalDate.now(clock))) {
            return Outcome.invalid("birth_date");
        }
        return Outcome.ok(new Checked(CardField.BIRTH_DATE, date.get().toString(), null, date.get(), List.of()));
    }

    /**
     * {@code дд.мм.гггг} (as Russian Excel writes it, also without leading zeros) or {@code гггг-мм-дд}; read by hand
     * because an import checks a hundred thousand of them and a formatter answers a layout it does not know with an
     * exception.
     */
    static Optional<LocalDate> parseDate(String value) {
        int[] parts = new int[3];
        int[] digits = new int[3];
        int part = 0;
        char separator = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++digits[part] > 4) {
                    return Optional.empty();
                }
                parts[part] = parts[part] * 10 + (c - '0');
            } else if ((c == '.' || c == '-') && part < 2 && digits[part] > 0 && (separator == 0 || separator == c)) {
                separator = c;
                part++;
            } else {
                return Optional.empty();
            }
        }
        if (part != 2 || digits[2] == 0) {
            return Optional.empty();
        }
        boolean iso = separator == '-' && digits[0] == 4 && digits[1] == 2 && digits[2] == 2;
        boolean russian = separator == '.' && digits[0] <= 2 && digits[1] <= 2 && digits[2] == 4;
        if (!iso && !russian) {
            return Optional.empty();
        }
        try {
            return Optional.of(iso ? LocalDate.of(parts[0], parts[1], parts[2]) : LocalDate.of(parts[2], parts[1], parts[0]));
        } catch (DateTimeException impossible) {     // 31.02., month 13
            return Optional.empty();
        }
    }

    private static Outcome snils(String value) {
        if (value.isEmpty()) {
            return Outcome.ok(new Checked(CardField.SNILS, null, null, null, List.of()));
        }
        Optional<String> snils = Snils.normalize(value);
        if (snils.isEmpty()) {
            long digits = value.chars().filter(c -> c >= '0' && c <= '9').count();
            boolean shape = value.chars().allMatch(c -> (c >= '0' && c <= '9') || c == ' ' || c == '-' || c == '\u00a0');
            return Outcome.invalid(shape && digits == 11 ? "snils_check_digit" : "snils");
        }
        return Outcome.ok(new Checked(CardField.SNILS, snils.get(), snils.get(), null, List.of()));
    }

    private static Outcome contacts(CardField field, String value) {
        Map<String, Contact> byNormalised = new LinkedHashMap<>();
        for (String part : split(value)) {
            String entered = part.strip();
            if (entered.isEmpty()) {
                continue;
            }
            int max = field == CardField.PHONES ? PHONE_ENTERED_MAX : EMAIL_MAX;
            if (entered.length() > max) {
                return Outcome.invalid("too_long");
            }
            Optional<String> normalised = field == CardField.PHONES ? Phones.normalize(entered) : Emails.normalize(entered);
            if (normalised.isEmpty()) {
                return Outcome.invalid(field == CardField.PHONES ? "phone" : "email");
            }
            if (normalised.get().length() > EMAIL_MAX) {
                return Outcome.invalid("too_long");
            }
            byNormalised.putIfAbsent(normalised.get(), new Contact(normalised.get(), entered));
        }
        if (byNormalised.size() > CONTACTS_MAX) {
            return Outcome.invalid("too_many");
        }
        return Outcome.ok(new Checked(field, null, null, null, List.copyOf(byNormalised.values())));
    }

    /** The parts between {@code ,}, {@code ;} and line breaks. */
    static List<String> split(String value) {
        List<String> parts = new java.util.ArrayList<>();
        int start = 0;
        for (int i = 0; i <= value.length(); i++) {
            if (i == value.length() || value.charAt(i) == ',' || value.charAt(i) == ';' || value.charAt(i) == '\n') {
                parts.add(value.substring(start, i));
                start = i + 1;
            }
        }
        return parts;
    }

    /** {@code 112-233-445 95}, the way the SNILS is printed on the card; "" for none. */
    static String snilsDisplay(String digits) {
        if (digits == null || digits.length() != 11) {
            return digits == null ? "" : digits;
        }
        return digits.substring(0, 3) + "-" + digits.substring(3, 6) + "-" + digits.substring(6, 9) + " "
                + digits.substring(9);
    }

    /** Contacts as the card shows them: as typed, in the order typed, separated by ", ". */
    static String contactsDisplay(List<Contact> contacts) {
        StringBuilder out = new StringBuilder();
        for (Contact c : contacts) {
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append(c.entered() == null ? c.normalised() : c.entered());
        }
        return out.toString();
    }
}
