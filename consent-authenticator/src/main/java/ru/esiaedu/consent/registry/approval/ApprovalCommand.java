package ru.esiaedu.consent.registry.approval;

import java.util.Optional;

/**
 * A button of the approval page: form field {@code action} = {@code approve:<requestId>},
 * {@code decline:<requestId>}, {@code revoke:<consentId>} or {@code continue}.
 */
public record ApprovalCommand(Kind kind, long id) {

    public static final String FORM_FIELD = "action";

    public enum Kind { APPROVE, DECLINE, REVOKE, CONTINUE }

    public static final ApprovalCommand CONTINUE = new ApprovalCommand(Kind.CONTINUE, 0);

    /** Empty for anything else (a forged or broken form). */
    public static Optional<ApprovalCommand> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String trimmed = value.trim();
        if (trimmed.equals("continue")) {
            return Optional.of(CONTINUE);
        }
        int colon = trimmed.indexOf(':');
        if (colon <= 0 || colon == trimmed.length() - 1 || trimmed.length() > 40) {
            return Optional.empty();
        }
        Kind kind = switch (trimmed.substring(0, colon)) {
            case "approve" -> Kind.APPROVE;
            case "decline" -> Kind.DECLINE;
            case "revoke" -> Kind.REVOKE;
            default -> null;
        };
        String digits = trimmed.substring(colon + 1);
        if (kind == null || !digits.chars().allMatch(c -> c >= '0' && c <= '9') || digits.length() > 18) {
            return Optional.empty();
        }
        return Optional.of(new ApprovalCommand(kind, Long.parseLong(digits)));
    }
}
