package ru.esiaedu.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ru.esiaedu.e2e.support.E2e;
import ru.esiaedu.e2e.support.RegistrySql;
import ru.esiaedu.e2e.support.SharedSmtp;
import ru.esiaedu.emulator.Fault;
import ru.esiaedu.emulator.RecordedRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault matrix of docs/fault-matrix.md, end to end: for each fault, the Russian page the person sees, the event
 * with its error code (read back through the admin events API) and the databases afterwards — Keycloak's users
 * through the admin API, the registry's accounts, links, access requests and consents with plain SQL. The cases
 * EsiaLoginE2ETest, RegistryLinkingE2ETest and ConsentE2ETest already cover are not repeated here (the table
 * names them). Each test sets up what it needs and the methods run in random order.
 */
@TestMethodOrder(MethodOrderer.Random.class)
class FaultMatrixE2ETest extends SchoolRealmBrowserTest {

    /** Used by no other class of this suite for a successful login in the parent role. */
    private static final String TEACHER = "1000300102";
    private static final String PARENT = "1000300101";
    private static final String STUDENT_18 = "1000300103";

    private static final String UNAVAILABLE = "Госуслуги сейчас не отвечают";
    private static final String BAD_RESPONSE = "Госуслуги вернули непонятный ответ";
    private static final String INVALID_TOKEN = "Не удалось проверить ответ Госуслуг";
    private static final String SESSION_EXPIRED = "Время на вход истекло или вход уже был завершён";

    /** One fault at the token or person endpoint: the page, the event's reason, and nothing stored. */
    private record EsiaFault(Fault fault, String page, String reason) {
    }

    @Test
    void esiaUnreachableCutOffHugeOrForeignAnswersEndOnRussianPagesWithAnEventAndNothingStored() throws Exception {
        List<EsiaFault> cases = List.of(
                new EsiaFault(Fault.TOKEN_DOWN, UNAVAILABLE, "ESIA token endpoint failed: UNAVAILABLE"),
                new EsiaFault(Fault.TOKEN_TRUNCATED, BAD_RESPONSE, "ESIA token endpoint failed: MALFORMED_RESPONSE"),
                new EsiaFault(Fault.TOKEN_HUGE, BAD_RESPONSE, "ESIA token endpoint failed: MALFORMED_RESPONSE"),
                new EsiaFault(Fault.TOKEN_WRONG_ISSUER, INVALID_TOKEN, "token rejected: WRONG_ISSUER"),
                new EsiaFault(Fault.TOKEN_WRONG_AUDIENCE, INVALID_TOKEN, "token rejected: WRONG_AUDIENCE"),
                new EsiaFault(Fault.TOKEN_NO_SUBJECT, INVALID_TOKEN, "access token rejected: MISSING_SUBJECT"),
                new EsiaFault(Fault.PERSON_GARBAGE, BAD_RESPONSE, "ESIA person API failed: MALFORMED_RESPONSE"),
                new EsiaFault(Fault.PERSON_TRUNCATED, BAD_RESPONSE, "ESIA person API failed: MALFORMED_RESPONSE"),
                new EsiaFault(Fault.PERSON_HUGE, BAD_RESPONSE, "ESIA person API failed: MALFORMED_RESPONSE"));
        Stored before = Stored.now();
        List<String> problems = new ArrayList<>();
        for (EsiaFault c : cases) {
            long since = System.currentTimeMillis();
            BROWSER.get().deleteAllCookies();
            emulator.faults().next(c.fault());
            BROWSER.get().open(portal.loginUrl(UUID.randomUUID().toString()));
            pages.chooseRole("parent").signInAs(TEACHER).grantIfAsked();
            try {
                assertThat(pages.waitForText(c.page())).doesNotContain("Exception");
                assertThat(reasonsSince(since, "identity_provider_login_failure")).as("event of " + c.fault())
                        .anySatisfy(reason -> assertThat(reason).contains(c.reason()));
            } catch (AssertionError wrong) {
                problems.add(c.fault() + ": " + wrong.getMessage());
            }
            assertThat(emulator.faults().pending()).as("fault " + c.fault() + " was met").isEmpty();
        }
        assertThat(problems).isEmpty();
        assertThat(admin.users(REALM, "esia-" + TEACHER)).isEmpty();
        assertThat(Stored.now()).isEqualTo(before);
    }

    /** A callback without {@code state} (a hand-made or truncated URL) matches no login and finishes none. */
    @Test
    void aCallbackWithoutStateIsRefusedOnARussianPageWithAnEvent() throws Exception {
        Stored before = Stored.now();
        long since = System.currentTimeMillis();
        emulator.clearRequests();
        BROWSER.get().open(portal.loginUrl(UUID.randomUUID().toString()));
        pages.chooseRole("parent");
        BROWSER.get().open(endpoint() + "?code=" + UUID.randomUUID());

        assertThat(pages.waitForText(SESSION_EXPIRED)).doesNotContain("Exception");
        assertThat(reasonsSince(since, "identity_provider_login_failure"))
                .anySatisfy(reason -> assertThat(reason).contains("unknown, expired or already used state"));
        assertThat(emulator.requests()).as("no code exchange")
                .noneSatisfy(request -> assertThat(request.endpoint()).contains("/aas/oauth2/v3/te"));
        assertThat(Stored.now()).isEqualTo(before);
    }

    /**
     * A code ESIA already exchanged, replayed into a fresh login of the same browser (the state is this login's own,
     * so it passes our check): ESIA refuses the code (ESIA-007011), the person sees a Russian page and the user who
     * signed in with that code is not touched, not doubled.
     */
    @Test
    void aReplayedCodeInANewLoginIsRefusedByEsiaAndChangesNothing() throws Exception {
        emulator.clearRequests();
        BROWSER.get().open(portal.loginUrl(UUID.randomUUID().toString()));
        pages.chooseRole("parent").signInAs(PARENT).grantIfAsked();
        pages.waitForUrl(portal::isRedirectBack);
        String spentCode = lastParam("/aas/oauth2/v3/te", "code");
        Stored before = Stored.now();
        long since = System.currentTimeMillis();

        BROWSER.get().deleteAllCookies();
        BROWSER.get().open(portal.loginUrl(UUID.randomUUID().toString()));
        pages.chooseRole("parent");
        String freshState = lastParam("/aas/oauth2/v2/ac", "state");
        BROWSER.get().open(endpoint() + "?code=" + spentCode + "&state=" + freshState);

        assertThat(pages.waitForText("ESIA-007011")).contains(messages().getProperty("esiaError.ESIA-007011"));
        assertThat(reasonsSince(since, "identity_provider_login_failure"))
                .anySatisfy(reason -> assertThat(reason).contains("ESIA token endpoint failed: ESIA_ERROR ESIA-007011"));
        assertThat(admin.users(REALM, "esia-" + PARENT)).hasSize(1);
        assertThat(Stored.now()).isEqualTo(before);
    }

    /**
     * Every code of ESIA's codebook (and a consent-family code, an unknown one and a bare {@code server_error})
     * redirected back in place of a code, in one browser session: each gives the Russian text the theme has for it
     * and an event naming the code; nobody is created.
     */
    @Test
    void everyEsiaErrorCodeOnTheRedirectGivesItsRussianTextAndAnEventNamingIt() throws Exception {
        Properties texts = messages();
        Map<String, String> expected = new LinkedHashMap<>();
        for (String key : texts.stringPropertyNames()) {
            if (key.startsWith("esiaError.")) {
                expected.put(key.substring("esiaError.".length()), texts.getProperty(key));
            }
        }
        assertThat(expected).as("the codebook").hasSizeGreaterThanOrEqualTo(17);
        // A refusal at ESIA is a cancellation: the login page says so, whatever the code's own text.
        expected.put("ESIA-007004", texts.getProperty("esiaCancelled"));
        expected.put("ESIA-036701", texts.getProperty("esiaUnknownError"));
        expected.put("ESIA-009999", texts.getProperty("esiaUnknownError"));
        expected.put("", texts.getProperty("esiaUnavailable"));
        Stored before = Stored.now();
        List<String> problems = new ArrayList<>();
        BROWSER.get().open(portal.loginUrl(UUID.randomUUID().toString()));
        for (Map.Entry<String, String> entry : expected.entrySet()) {
            String code = entry.getKey();
            long since = System.currentTimeMillis();
            emulator.clearRequests();
            pages.chooseRole("parent");
            String state = lastParam("/aas/oauth2/v2/ac", "state");
            String error = code.isEmpty() ? "server_error" : oauthError(code);
            String description = code.isEmpty() ? "" : "&error_description=" + code + "%3A%20test";
            BROWSER.get().open(endpoint() + "?error=" + error + description + "&state=" + state);
            try {
                String page = pages.waitForText(entry.getValue());
                assertThat(page).doesNotContain("Exception");
                String eventError = "ESIA-007004".equals(code) ? "rejected_by_user" : "identity_provider_login_failure";
                assertThat(reasonsSince(since, eventError)).anySatisfy(reason ->
                        assertThat(reason).contains(code.isEmpty() ? "server_error" : code));
                BROWSER.get().waitFor(By.id("esia-role-parent"));
            } catch (AssertionError | RuntimeException wrong) {
                problems.add(code + ": " + wrong.getMessage());
                BROWSER.get().open(portal.loginUrl(UUID.randomUUID().toString()));
            }
        }
        assertThat(problems).isEmpty();
        assertThat(Stored.now()).isEqualTo(before);
    }

    /**
     * The registry answers, but too slowly: a school's bulk import holds its accounts table. The query timeout cuts
     * the wait; the person gets the registry page, the event carries the error, nothing is created or linked.
     */
    @Test
    void aSlowRegistryIsCutOffByTheQueryTimeoutAndCreatesNothing() throws Exception {
        Stored before = Stored.now();
        long since = System.currentTimeMillis();
        try (Connection registry = keycloak.database().registryConnection()) {
            registry.setAutoCommit(false);
            try (Statement statement = registry.createStatement()) {
                statement.execute("LOCK TABLE sr_account IN ACCESS EXCLUSIVE MODE");
            }
            BROWSER.get().open(portal.loginUrl(UUID.randomUUID().toString()));
            pages.chooseRole("student").signInAs(STUDENT_18).grantIfAsked();
            String page = pages.waitForText("временно недоступен");
            assertThat(page).contains("Электронный журнал временно недоступен").contains("учётная запись не создана");
            registry.rollback();
        }
        assertThat(errorsSince(since)).contains("school_registry_unavailable");
        assertThat(admin.users(REALM, "esia-" + STUDENT_18)).isEmpty();
        assertThat(Stored.now()).isEqualTo(before);
    }

    /**
     * SMTP down when «Обратиться в организацию» is sent: the request is registered whole (one row, its number on the
     * page), the page says the e-mail could not be sent, the event carries the number; no user is created.
     */
    @Test
    void smtpDownWhenARequestIsSentRegistersItWholeAndSaysTheMailFailed() throws Exception {
        JsonNode realm = admin.get("/admin/realms/" + REALM);
        ObjectNode broken = (ObjectNode) realm.deepCopy();
        ((ObjectNode) broken.with("smtpServer")).put("port", Integer.toString(E2e.freePort()));
        admin.put("/admin/realms/" + REALM, broken);
        try {
            Stored before = Stored.now();
            long requestsOfTeacher = registrySql().count("SELECT COUNT(*) FROM sr_access_request WHERE esia_oid = '" + TEACHER + "'");
            int mailsBefore = SharedSmtp.get().getReceivedMessages().length;
            long since = System.currentTimeMillis();
            BROWSER.get().open(portal.loginUrl(UUID.randomUUID().toString()));
            pages.chooseRole("student").signInAs(TEACHER).grantIfAsked();
            pages.waitForText("Запись не найдена");
            pages.press("esia-request");
            WebDriver driver = BROWSER.get().driver();
            BROWSER.get().waitFor(By.id("childFullName")).sendKeys("Соколов Артём Андреевич");
            new Select(driver.findElement(By.id("organisationType"))).selectByValue("SCHOOL");
            new Select(driver.findElement(By.id("organisationId"))).selectByValue("gym-chel-5");
            driver.findElement(By.id("className")).sendKeys("6А");
            driver.findElement(By.id("contactEmail")).clear();
            driver.findElement(By.id("contactEmail")).sendKeys("fault.matrix@example.ru");
            pages.clickVisible(By.id("esia-request-send"));

            String done = pages.waitForText("Обращение №");
            assertThat(done).contains("Письмо с уведомлением отправить не удалось, но обращение зарегистрировано");
            String number = done.replaceAll("(?s).*Обращение № (\\S+) отправлено.*", "$1");
            assertThat(number).matches("Р-\\d{4}-\\d{6}");
            assertThat(registrySql().count("SELECT COUNT(*) FROM sr_access_request WHERE esia_oid = '" + TEACHER
                    + "' AND request_number = '" + number + "'")).isEqualTo(1);
            assertThat(registrySql().count("SELECT COUNT(*) FROM sr_access_request WHERE esia_oid = '" + TEACHER + "'"))
                    .isEqualTo(requestsOfTeacher + 1);
            assertThat(numbersSince(since)).contains(number);
            assertThat(SharedSmtp.get().getReceivedMessages()).hasSize(mailsBefore);
            assertThat(admin.users(REALM, "esia-" + TEACHER)).isEmpty();
            assertThat(Stored.now()).isEqualTo(before.withOneMoreRequest());
        } finally {
            admin.put("/admin/realms/" + REALM, realm);
        }
    }

    // ---- what is stored --------------------------------------------------------------------------------

    /** Counts of everything a login can write: Keycloak's users and the registry's links, requests and consents. */
    private record Stored(int users, long linkedAccounts, long links, long accessRequests, long consents,
                          long consentRequests) {

        static Stored now() throws SQLException {
            RegistrySql sql = registrySql();
            return new Stored(admin.userCount(REALM),
                    sql.count("SELECT COUNT(*) FROM sr_account WHERE esia_oid IS NOT NULL"),
                    sql.count("SELECT COUNT(*) FROM sr_account_link"),
                    sql.count("SELECT COUNT(*) FROM sr_access_request"),
                    sql.count("SELECT COUNT(*) FROM sr_consent"),
                    sql.count("SELECT COUNT(*) FROM sr_consent_request"));
        }

        Stored withOneMoreRequest() {
            return new Stored(users, linkedAccounts, links, accessRequests + 1, consents, consentRequests);
        }
    }

    private static RegistrySql registrySql() {
        return new RegistrySql(keycloak);
    }

    // ---- events ----------------------------------------------------------------------------------------

    private static List<JsonNode> eventsSince(long since) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode event : admin.get("/admin/realms/" + REALM + "/events?max=1000")) {
            if (event.path("time").asLong() >= since - 1000) {
                found.add(event);
            }
        }
        return found;
    }

    /** The {@code reason} details of events with this error since the given time. */
    private static List<String> reasonsSince(long since, String error) {
        return eventsSince(since).stream().filter(event -> error.equals(event.path("error").asText()))
                .map(event -> event.path("details").path("reason").asText()).toList();
    }

    private static List<String> errorsSince(long since) {
        return eventsSince(since).stream().map(event -> event.path("error").asText()).toList();
    }

    private static List<String> numbersSince(long since) {
        List<String> numbers = new ArrayList<>();
        for (JsonNode event : eventsSince(since)) {
            event.path("details").properties().forEach(detail -> numbers.add(detail.getValue().asText()));
        }
        return numbers;
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    private static String endpoint() {
        return keycloak.baseUrl() + "/realms/" + REALM + "/broker/esia/endpoint";
    }

    /** The emulator's (and, by its notes, ESIA's) OAuth error for a code. */
    private static String oauthError(String code) {
        return switch (code) {
            case "ESIA-007002", "ESIA-007053" -> "invalid_client";
            case "ESIA-007005" -> "unauthorized_client";
            case "ESIA-007006", "ESIA-007013" -> "invalid_scope";
            case "ESIA-007011" -> "invalid_grant";
            case "ESIA-007004", "ESIA-007055" -> "access_denied";
            default -> "invalid_request";
        };
    }

    /** The identity provider's Russian texts, as the module ships them. */
    private static Properties messages() throws IOException {
        Path file = E2e.repositoryDir().resolve("esia-idp/src/main/resources/theme-resources/messages/messages_ru.properties");
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file);
             var reader = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    private static String lastParam(String endpoint, String name) {
        List<RecordedRequest> requests = emulator.requests();
        for (int i = requests.size() - 1; i >= 0; i--) {
            if (requests.get(i).endpoint().contains(endpoint)) {
                return requests.get(i).params().get(name);
            }
        }
        throw new AssertionError("no request to " + endpoint);
    }
}
