package ru.esiaedu.consent.registry.admin;

/**
 * Query parameters of the admin endpoint, checked: {@code student} (a registry account id, optional),
 * {@code first} (≥ 0, default 0), {@code max} (1…{@value #MAX_PAGE} for JSON, default {@value #DEFAULT_PAGE};
 * up to {@value #MAX_EXPORT} for the CSV export, default {@value #DEFAULT_EXPORT}).
 */
public record ConsentQuery(String student, int first, int max) {

    public static final int DEFAULT_PAGE = 100;
    public static final int MAX_PAGE = 1000;
    public static final int DEFAULT_EXPORT = 10_000;
    public static final int MAX_EXPORT = 100_000;
    static final int MAX_ID_LENGTH = 64;

    /** A parameter that cannot be used; the message names the parameter only (echoes nothing). */
    public static final class InvalidQueryException extends IllegalArgumentException {
        public InvalidQueryException(String message) {
            super(message);
        }
    }

    public static ConsentQuery page(String student, Integer first, Integer max) {
        return of(student, first, max, DEFAULT_PAGE, MAX_PAGE);
    }

    public static ConsentQuery export(String student, Integer first, Integer max) {
        return of(student, first, max, DEFAULT_EXPORT, MAX_EXPORT);
    }

    private static ConsentQuery of(String student, Integer first, Integer max, int defaultMax, int limit) {
        String id = student == null || student.isBlank() ? null : student.trim();
        if (id != null && (id.length() > MAX_ID_LENGTH || id.chars().anyMatch(Character::isISOControl))) {
            throw new InvalidQueryException("student must be a registry account id");
        }
        int from = first == null ? 0 : first;
        if (from < 0) {
            throw new InvalidQueryException("first must be 0 or more");
        }
        int size = max == null ? defaultMax : max;
        if (size < 1 || size > limit) {
            throw new InvalidQueryException("max must be between 1 and " + limit);
        }
        return new ConsentQuery(id, from, size);
    }
}
