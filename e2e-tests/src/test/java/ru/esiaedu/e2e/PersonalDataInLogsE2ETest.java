package ru.esiaedu.e2e;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

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
}
