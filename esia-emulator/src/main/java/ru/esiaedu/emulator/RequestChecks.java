package ru.esiaedu.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The checks shared by the authorization and token endpoints, each failing with ESIA's code. */
final class RequestChecks {
    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy.MM.dd HH:mm:ss Z", Locale.ROOT);
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final Clock clock;
    private final Duration maxSkew;

    RequestChecks(Clock clock, Duration maxSkew) {
        this.clock = clock;
        this.maxSkew = maxSkew;
    }

    static void noRepeats(Params p) throws EsiaException {
        String repeated = p.firstRepeated();
        if (repeated != null) {
            throw EsiaException.invalidRequest("ESIA-007003", "Параметр " + repeated + " передан несколько раз");
        }
    }

    /** A parameter that must be present and non-empty; missing ones get ESIA-007003. */
    static String required(Params p, String name) throws EsiaException {
        String v = p.get(name);
        if (v == null || v.isEmpty()) {
            throw EsiaException.invalidRequest("ESIA-007003", "В запросе отсутствует обязательный параметр " + name);
        }
        return v;
    }

    /** timestamp and client_certificate_hash have their own code when missing. */
    static String requiredMandatory(Params p, String name) throws EsiaException {
        String v = p.get(name);
        if (v == null || v.isEmpty()) {
            throw EsiaException.invalidRequest("ESIA-007014", "Отсутствует обязательный параметр " + name);
        }
        return v;
    }

    static String state(Params p) throws EsiaException {
        String s = required(p, "state");
        if (!UUID.matcher(s).matches()) {
            throw EsiaException.invalidRequest("ESIA-007003", "Параметр state должен быть UUID");
        }
        return s;
    }

    static OffsetDateTime parseTimestamp(String raw) throws EsiaException {
        try {
            return OffsetDateTime.parse(raw, TIMESTAMP);
        } catch (DateTimeParseException e) {
            throw EsiaException.invalidRequest("ESIA-007003",
                    "Неверный формат параметра timestamp (ожидается yyyy.MM.dd HH:mm:ss Z, '+' передаётся как %2B)");
        }
    }

    void timeWithinSkew(OffsetDateTime ts) throws EsiaException {
        Duration diff = Duration.between(ts.toInstant(), clock.instant()).abs();
        if (diff.compareTo(maxSkew) > 0) {
            throw EsiaException.invalidRequest("ESIA-007015", "Неверное время запроса");
        }
    }

    static void certificateHash(RegisteredClient client, String hash) throws EsiaException {
        if (!client.certificateHash().equals(hash)) {
            throw new EsiaException("invalid_client", "ESIA-007053",
                    "Сертификат не соответствует зарегистрированному для системы-клиента");
        }
    }

    static void rawGostSignature(RegisteredClient client, String text, String secret) throws EsiaException {
        if (!SignatureVerifier.verifyRawGost(client.certificate(), text, secret)) {
            throw new EsiaException("invalid_client", "ESIA-007053", "Подпись запроса (client_secret) не прошла проверку");
        }
    }

    static void cmsSignature(RegisteredClient client, String text, String secret) throws EsiaException {
        if (!SignatureVerifier.verifyCms(client.certificate(), text, secret)) {
            throw new EsiaException("unauthorized_client", "ESIA-007005", "Неверный client_secret");
        }
    }

    /** Splits scope and checks it against the client's allowed scopes. */
    static List<String> scopes(RegisteredClient client, String scope) throws EsiaException {
        if (scope == null || scope.isBlank()) {
            throw new EsiaException("invalid_scope", "ESIA-007013", "Не указана область доступа (scope)");
        }
        List<String> list = new ArrayList<>();
        for (String s : Arrays.asList(scope.trim().split(" +"))) {
            if (!client.allowedScopes().contains(s)) {
                throw new EsiaException("invalid_scope", "ESIA-007006", "Запрошена недопустимая область доступа " + s);
            }
            if (!list.contains(s)) {
                list.add(s);
            }
        }
        return List.copyOf(list);
    }
}
