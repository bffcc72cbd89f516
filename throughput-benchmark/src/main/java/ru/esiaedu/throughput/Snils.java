package ru.esiaedu.throughput;

/** The SNILS check number (Пенсионный фонд: weights 9…1, modulo 101, 100 and 101 as 00). */
final class Snils {
    private Snils() {
    }

    /** Nine digits → the eleven digits with the check number. */
    static String withCheckNumber(String nineDigits) {
        if (!nineDigits.matches("\\d{9}")) {
            throw new IllegalArgumentException("a SNILS number has nine digits");
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nineDigits.charAt(i) - '0') * (9 - i);
        }
        int check = sum < 100 ? sum : (sum % 101 == 100 ? 0 : sum % 101);
        return nineDigits + String.format("%02d", check);
    }
}
