package ru.esiaedu.registry.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import ru.esiaedu.registry.DocumentType;

/**
 * The normalisers read what ESIA and people type. For any text: no exception, and normalising twice gives what
 * normalising once gave (finders normalise their arguments again, so anything else would widen or lose a match).
 * Valid values, however they are written, come out as their one normal form.
 */
class NormalizerProperties {

    // --- any input: never throws, idempotent -------------------------------------------------------------------

    @Property
    void snilsIsIdempotent(@ForAll("anyText") String input) {
        Optional<String> once = Snils.normalize(input);
        once.ifPresent(s -> assertThat(Snils.normalize(s)).contains(s));
        once.ifPresent(s -> assertThat(s).matches("\\d{11}"));
    }

    @Property
    void phoneIsIdempotent(@ForAll("anyText") String input) {
        Optional<String> once = Phones.normalize(input);
        once.ifPresent(p -> assertThat(Phones.normalize(p)).contains(p));
        once.ifPresent(p -> assertThat(p).matches("7\\d{10}"));
    }

    @Property
    void emailIsIdempotent(@ForAll("anyText") String input) {
        Optional<String> once = Emails.normalize(input);
        once.ifPresent(e -> assertThat(Emails.normalize(e)).contains(e));
    }

    @Property
    void nameIsIdempotent(@ForAll("anyText") String input) {
        String once = Names.normalize(input);
        assertThat(Names.normalize(once)).isEqualTo(once);
        if (once != null) {
            assertThat(once).isEqualTo(once.strip()).doesNotContain("  ").doesNotContain("-");
        }
    }

    @Property
    void documentIsIdempotent(@ForAll("anyText") String input, @ForAll DocumentType type) {
        String once = Documents.normalize(type, input);
        assertThat(Documents.normalize(type, once)).isEqualTo(once);
        String plain = Documents.normalize(input);
        assertThat(Documents.normalize(plain)).isEqualTo(plain);
        String passport = Documents.normalizePassport(input);
        assertThat(Documents.normalizePassport(passport)).isEqualTo(passport);
    }

    // --- valid values survive however they are written ----------------------------------------------------------

    @Property
    void validSnilsInAnyLayoutGivesItsDigits(@ForAll("validSnils") String digits, @ForAll("snilsLayout") int layout) {
        String written = switch (layout) {
            case 0 -> digits;
            case 1 -> digits.substring(0, 3) + "-" + digits.substring(3, 6) + "-" + digits.substring(6, 9) + " "
                    + digits.substring(9);
            case 2 -> digits.substring(0, 3) + " " + digits.substring(3, 6) + " " + digits.substring(6, 9) + "-"
                    + digits.substring(9);
            default -> "\u00a0" + digits.substring(0, 9) + "\u00a0" + digits.substring(9) + " ";
        };
        assertThat(Snils.normalize(written)).contains(digits);
        assertThat(Snils.isValid(written)).isTrue();
    }

    @Property
    void aWrongCheckNumberIsRefused(@ForAll("validSnils") String digits) {
        long number = Long.parseLong(digits.substring(0, 9));
        if (number <= 1_001_998L) {
            return;   // issued before the check number existed: any check number is accepted
        }
        int check = Integer.parseInt(digits.substring(9));
        String wrong = digits.substring(0, 9) + String.format("%02d", (check + 1) % 100);
        assertThat(Snils.normalize(wrong)).isEmpty();
    }

    @Property
    void validPhoneInAnyLayoutGivesSevenAndTenDigits(@ForAll("tenDigits") String ten, @ForAll("phoneLayout") int layout) {
        String written = switch (layout) {
            case 0 -> "+7" + ten;
            case 1 -> "8 (" + ten.substring(0, 3) + ") " + ten.substring(3, 6) + "-" + ten.substring(6, 8) + "-"
                    + ten.substring(8);
            case 2 -> "+7(" + ten.substring(0, 3) + ")" + ten.substring(3);
            case 3 -> " 7 " + ten.substring(0, 3) + " " + ten.substring(3, 6) + " " + ten.substring(6) + " ";
            default -> ten;
        };
        assertThat(Phones.normalize(written)).contains("7" + ten);
    }

    @Property
    void anEmailIsTheSameAddressInAnyCaseAndPadding(@ForAll("emails") String email, @ForAll boolean upper) {
        String written = "  " + (upper ? email.toUpperCase(java.util.Locale.ROOT) : email) + "\t";
        assertThat(Emails.normalize(written)).contains(email);
    }

    @Property
    void aNameIsTheSameInAnyCaseSpacingAndHyphenation(@ForAll("nameParts") java.util.List<String> parts,
            @ForAll("separators") String separator, @ForAll boolean lower) {
        String canonical = String.join(" ", parts).toUpperCase(java.util.Locale.ROOT).replace('Ё', 'Е');
        String written = "  " + String.join(separator, parts) + " ";
        written = lower ? written.toLowerCase(java.util.Locale.ROOT) : written;
        assertThat(Names.normalize(written)).isEqualTo(canonical);
    }

    @Property
    void aBirthCertificateSeriesIsTheSameOnEitherKeyboard(@ForAll("romanNumerals") String roman,
            @ForAll("twoCyrillicLookalikes") String letters, @ForAll boolean latinLetters, @ForAll boolean dash,
            @ForAll boolean lower) {
        String typedLetters = latinLetters ? toLatin(letters) : letters;
        String written = roman + (dash ? "-" : " ") + typedLetters;
        written = lower ? written.toLowerCase(java.util.Locale.ROOT) : written;
        assertThat(Documents.normalize(DocumentType.BIRTH_CERTIFICATE, written)).isEqualTo(roman + letters);
    }

    // --- generators -------------------------------------------------------------------------------------------

    /** Anything, with the characters the normalisers care about over-represented. */
    @Provide
    Arbitrary<String> anyText() {
        Arbitrary<String> tricky = Arbitraries.strings()
                .withChars("0123456789 -+()@.\u00a0\u2010\u2011\u2012\u2013\u2014\u2015ЁёIVXLCМЮАВІӀßİı\t\n")
                .ofMaxLength(30);
        Arbitrary<String> unicode = Arbitraries.strings().all().ofMaxLength(30);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, tricky),
                net.jqwik.api.Tuple.of(2, unicode),
                net.jqwik.api.Tuple.of(1, Arbitraries.just((String) null)));
    }

    @Provide
    Arbitrary<String> validSnils() {
        return Arbitraries.longs().between(1, 999_999_999L).map(n -> {
            String nine = String.format("%09d", n);
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (nine.charAt(i) - '0') * (9 - i);
            }
            int check = sum < 100 ? sum : sum == 100 || sum == 101 ? 0 : sum % 101 == 100 ? 0 : sum % 101;
            return nine + String.format("%02d", check);
        });
    }

    @Provide
    Arbitrary<Integer> snilsLayout() {
        return Arbitraries.integers().between(0, 3);
    }

    @Provide
    Arbitrary<Integer> phoneLayout() {
        return Arbitraries.integers().between(0, 4);
    }

    /** Ten digits of a Russian number without the country code (the first is 3..9 but not 7 or 8). */
    @Provide
    Arbitrary<String> tenDigits() {
        return Combinators.combine(Arbitraries.of('3', '4', '5', '6', '9'),
                Arbitraries.strings().numeric().ofLength(9)).as((first, rest) -> first + rest);
    }

    @Provide
    Arbitrary<String> emails() {
        Arbitrary<String> local = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789._+-")
                .ofMinLength(1).ofMaxLength(20);
        Arbitrary<String> domain = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12)
                .map(s -> s.toLowerCase(java.util.Locale.ROOT));
        return Combinators.combine(local, domain, Arbitraries.of("ru", "рф", "com"))
                .as((l, d, tld) -> l + "@" + d + "." + tld);
    }

    @Provide
    Arbitrary<java.util.List<String>> nameParts() {
        return Arbitraries.strings().withCharRange('А', 'я').withChars('Ё', 'ё').ofMinLength(1).ofMaxLength(12)
                .list().ofMinSize(1).ofMaxSize(3);
    }

    @Provide
    Arbitrary<String> separators() {
        return Arbitraries.of(" ", "  ", "-", " - ", "\u2013", "\u00a0", "\t");
    }

    @Provide
    Arbitrary<String> romanNumerals() {
        return Arbitraries.of("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIV", "XX",
                "XL", "LX", "XC", "C");
    }

    /** Two of the Cyrillic letters that have a Latin twin on the keyboard. */
    @Provide
    Arbitrary<String> twoCyrillicLookalikes() {
        return Arbitraries.strings().withChars("АВСЕНКМОРТХУ").ofLength(2);
    }

    private static String toLatin(String cyrillic) {
        StringBuilder out = new StringBuilder();
        for (char c : cyrillic.toCharArray()) {
            out.append("ABCEHKMOPTXY".charAt("АВСЕНКМОРТХУ".indexOf(c)));
        }
        return out.toString();
    }
}
