package ru.esiaedu.contact;

import java.util.Optional;

import org.keycloak.utils.EmailValidationUtil;

import ru.esiaedu.registry.normalize.Emails;

/**
 * One contact address as typed: trimmed and lower-cased by the registry's own e-mail rule (the same form the school's
 * data and the matcher use), then checked by Keycloak's e-mail rule (the one its user profile applies), so an address
 * accepted here is one Keycloak stores and mails. The answer is a message key of the theme, never the value.
 */
public final class ContactEmail {

    /** RFC 5321: a forward path is at most 256 octets including the angle brackets. */
    public static final int MAX_LENGTH = 254;

    static final String REQUIRED = "esiaContactEmailRequired";
    static final String TOO_LONG = "esiaContactEmailTooLong";
    static final String ONE_ADDRESS = "esiaContactEmailOneAddress";
    static final String INVALID = "esiaContactEmailInvalid";

    /** The address in its stored form, or the message key of what is wrong with it. */
    public record Checked(String address, String error) {

        public boolean valid() {
            return error == null;
        }
    }

    private ContactEmail() {
    }

    public static Checked check(String typed) {
        String value = typed == null ? "" : typed.strip();
        if (value.isEmpty()) {
            return new Checked(null, REQUIRED);
        }
        if (value.length() > MAX_LENGTH) {
            return new Checked(null, TOO_LONG);
        }
        if (looksLikeSeveral(value)) {
            return new Checked(null, ONE_ADDRESS);
        }
        Optional<String> normalized = Emails.normalize(value);
        if (normalized.isEmpty() || !EmailValidationUtil.isValidEmail(normalized.get()) || !internetDomain(normalized.get())) {
            return new Checked(null, INVALID);
        }
        return new Checked(normalized.get(), null);
    }

    /**
     * Keycloak accepts a host without dots («olga@mail»); for a family's mailbox on the internet that is a typo of
     * «olga@mail.ru», so the domain must have a dot inside it.
     */
    private static boolean internetDomain(String address) {
        String domain = address.substring(address.indexOf('@') + 1);
        int dot = domain.lastIndexOf('.');
        return dot > 0 && dot < domain.length() - 1;
    }

    /** «a@x.ru, b@y.ru», «a@x.ru b@y.ru», «a@x.ru;b@y.ru»: a list, not one address. */
    private static boolean looksLikeSeveral(String value) {
        int at = value.indexOf('@');
        if (at < 0 || at == value.lastIndexOf('@')) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == ';' || Character.isWhitespace(c)) {
                return true;
            }
        }
        return false;
    }
}
