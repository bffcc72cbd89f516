package ru.esiaedu.e2e;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import ru.esiaedu.e2e.support.AdminApi;
import ru.esiaedu.e2e.support.KeycloakTestServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 152-ФЗ: after every other end-to-end class ran its flows (ordered last), Keycloak's log — at DEBUG
 * for our packages — holds no SNILS, phones, e-mails, names, documents, logins, passwords or tokens.
 */
@Order(Integer.MAX_VALUE)
class PersonalDataInLogsE2ETest {

    @Test
    void keycloaksLogHoldsNoPersonalDataOrTokens() throws Exception {
        String log = Files.readString(KeycloakTestServer.get().logFile(), StandardCharsets.UTF_8);

        assertThat(log).as("the flows ran and logged").contains("ESIA login failed");
        for (String personal : List.of(
                "112-233-445 95", "11223344595", "223-456-789 73", "22345678973",   // SNILS as ESIA and normalised
                "5550101", "9165550101", "d.zakharchenko@mail.ru", "E.Sokolova79", "primer123",   // contacts
                "family.e2e@example.ru",                                                        // typed in the request form
                "Захарченко", "Набиевна", "Соколова", "Джалилова", "Кузнецов", "Морозова",      // names
                "zakharchenko.d", "petrov.parent", "Sgo-2024", "Esia-Demo-2026")) {            // logins, passwords
            assertThat(log).as("the log must not contain personal data").doesNotContain(personal);
        }
        List<String> found = new ArrayList<>();
        for (String personal : everyTestPersonsData()) {
            if (log.contains(personal)) {
                found.add(personal);
            }
        }
        assertThat(found).as("personal data of the emulator's persons and the registry's demo accounts in the log").isEmpty();
        assertThat(log).as("no JWTs in the log").doesNotContainPattern("eyJ[A-Za-z0-9_-]{10,}\\.eyJ");
        // The client key (in the realm and in the vault) never reaches the log, not even a line of it.
        try (var key = getClass().getClassLoader().getResourceAsStream("demo-keys/client-gost.key.pem")) {
            for (String line : new String(key.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.startsWith("-----") && !line.isBlank()) {
                    assertThat(log).as("key material in the log").doesNotContain(line.strip());
                }
            }
        }
    }

    /**
     * Every ESIA test person's surname, SNILS (as sent and as digits), INN, document series with number, phones (as
     * sent, as digits, the last ten digits) and e-mails, read from the emulator's persons; every registry demo
     * account id (they carry surnames, e.g. {@code acc-zakharchenko-sch1}).
     */
    static Set<String> everyTestPersonsData() throws Exception {
        Set<String> values = new LinkedHashSet<>();
        try (InputStream in = PersonalDataInLogsE2ETest.class.getClassLoader().getResourceAsStream("persons.json")) {
            assertThat(in).as("the emulator's persons.json on the test classpath").isNotNull();
            JsonNode root = AdminApi.JSON.readTree(in);
            JsonNode persons = root.isArray() ? root : root.elements().next();
            for (JsonNode person : persons) {
                String surname = person.path("lastName").asText().strip();
                if (!surname.isEmpty()) {
                    values.add(surname);   // Cyrillic surnames do not occur in log text by chance
                }
                add(values, person.path("inn").asText());
                String snils = person.path("snils").asText();
                add(values, snils);
                add(values, snils.replaceAll("\\D", ""));
                for (JsonNode contact : person.path("contacts")) {
                    String value = contact.path("value").asText();
                    add(values, value);
                    if (!value.contains("@")) {
                        String digits = value.replaceAll("\\D", "");
                        add(values, digits);
                        add(values, digits.length() > 10 ? digits.substring(digits.length() - 10) : digits);
                    }
                }
                for (JsonNode document : person.path("documents")) {
                    String series = document.path("series").asText();
                    String number = document.path("number").asText();
                    add(values, series + " " + number);
                    add(values, series + number);
                    add(values, document.path("actNo").asText());
                }
            }
        }
        Pattern accountId = Pattern.compile("\"(acc-[a-z0-9-]+)\"");
        try (Stream<Path> files = Files.list(Path.of("..", "school-registry", "src", "main", "resources", "db", "registry"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().contains("demo-data")).toList()) {
                Matcher ids = accountId.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (ids.find()) {
                    values.add(ids.group(1));
                }
            }
        }
        assertThat(values).as("the scan knows the demo data").contains("Захарченко", "acc-zakharchenko-sch1");
        return values;
    }

    /** Short values (a four-digit series, an empty field) would match unrelated log text. */
    private static void add(Set<String> values, String value) {
        if (value != null && value.strip().length() >= 6) {
            values.add(value.strip());
        }
    }
}
