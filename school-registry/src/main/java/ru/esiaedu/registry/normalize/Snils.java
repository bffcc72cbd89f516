package ru.esiaedu.registry.normalize;

import java.util.Optional;

/** CONTRACT STUB (replaced by the school-registry branch): minimal behaviour of the contract. */
public final class Snils {
    private Snils() {
    }

    /** 11 digits when the check number is valid, else empty. */
    public static Optional<String> normalize(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String digits = raw.replaceAll("[\\s\\-]", "");
        return isValid(digits) ? Optional.of(digits) : Optional.empty();
    }

    public static boolean isValid(String digits) {
        if (digits == null || !digits.matches("\\d{11}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (9 - i);
        }
        int check = sum < 100 ? sum : sum % 101;
        if (check == 100) {
            check = 0;
        }
        return check == Integer.parseInt(digits.substring(9));
    }
}
