package ru.esiaedu.registry.normalize;

import java.util.Optional;

/**
 * СНИЛС: {@code 112-233-445 95}, {@code 11223344595}, {@code 112 233 445-95} → {@code 11223344595} when the
 * check number is right, otherwise empty.
 */
public final class Snils {

    /** Numbers up to 001-001-998 were issued before the check number existed. */
    private static final long LAST_WITHOUT_CHECK = 1_001_998L;

    private Snils() {}

    public static Optional<String> normalize(String snils) {
        if (snils == null) {
            return Optional.empty();
        }
        StringBuilder digits = new StringBuilder(11);
        for (int i = 0; i < snils.length(); i++) {
            char c = snils.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c != ' ' && c != '-' && c != '\u00a0') {
                return Optional.empty();
            }
        }
        String d = digits.toString();
        return d.length() == 11 && checkNumberValid(d) ? Optional.of(d) : Optional.empty();
    }

    public static boolean isValid(String snils) {
        return normalize(snils).isPresent();
    }

    private static boolean checkNumberValid(String d) {
        long number = Long.parseLong(d.substring(0, 9));
        if (number == 0) {
            return false;
        }
        int check = Integer.parseInt(d.substring(9));
        if (number <= LAST_WITHOUT_CHECK) {
            return true;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (d.charAt(i) - '0') * (9 - i);
        }
        int expected;
        if (sum < 100) {
            expected = sum;
        } else if (sum == 100 || sum == 101) {
            expected = 0;
        } else {
            expected = sum % 101;
            if (expected == 100) {
                expected = 0;
            }
        }
        return check == expected;
    }
}
