package ru.esiaedu.e2e;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMailUtil;

import ru.esiaedu.e2e.support.SchoolPortal;
import ru.esiaedu.e2e.support.RegistrySql;
import ru.esiaedu.e2e.support.Screenshots;
import ru.esiaedu.e2e.support.SharedSmtp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who the person is in the school: role picker, matching by SNILS / e-mail / phone / name and
 * document against the registry (its own PostgreSQL database with the demo data), profile picker,
 * «Привязать учётную запись», «Обратиться в организацию» with a real SMTP server, registry outage.
 * Every person here is used by no other test class, so classes may run in any order; within the class each
 * test sets up the state it needs and the methods run in random order to keep it so (JUnit logs the seed;
 * {@code -Djunit.jupiter.execution.order.random.seed=N} repeats an order).
 */
@TestMethodOrder(MethodOrderer.Random.class)
class RegistryLinkingE2ETest extends SchoolRealmBrowserTest {

    private static final String TEACHER_PARENT = "1000300102";
    private static final String STUDENT_18 = "1000300103";
    private static final String SIMPLIFIED_ADULT = "1000300106";
    private static final String SIMPLIFIED_CHILD = "1000300111";
    private static final String TEEN = "1000300104";
    private static final String CHILD_12 = "1000300109";
    private static final String PARENT_OF_TWO = "1000300101";
    private static final String LEGACY_PASSWORD = "Sgo-2024!";

    /** Students get in only with a consent; this class is about matching (see ConsentE2ETest). */
    @BeforeAll
    static void theStudentsHaveConsents() {
        emulator.consents().grant("SCHOOL01", STUDENT_18, STUDENT_18);
        emulator.consents().grant("SCHOOL01", CHILD_12, TEACHER_PARENT);
    }

    @Test
    void theRolePickerOffersTheThreeRolesAndAPortalCanDeepLinkOne() {
        BROWSER.get().open(portal.loginUrl(UUID.randomUUID().toString()));
        String page = pages.waitForText("Вход для родителей");
        assertThat(page).contains("Войти с ролью", "Вход для родителей", "Вход для учащихся", "Вход для педагогов и сотрудников");
        Screenshots.take(BROWSER.get(), "01-role-picker");

        BROWSER.get().open(portal.loginUrl(UUID.randomUUID().toString()) + "&role=staff");
        BROWSER.get().waitFor(By.id("login"));
        assertThat(BROWSER.get().currentUrl()).startsWith(emulator.baseUrl());
        Screenshots.take(BROWSER.get(), "02-gosuslugi-login-emulator");
    }

    @Test
    void oneUserPerPersonWithAProfilePerRoleMatchedBySnilsAndByEmail() throws Exception {
        // The «Это не я» test of this class may have given her the parent card already (methods run in random order).
        boolean parentCardLinkedBefore = new RegistrySql(keycloak).linkedAccounts(TEACHER_PARENT).contains("acc-sokolova-gym5");
        JsonNode staff = signInForTokens(portal.loginUrl(UUID.randomUUID().toString()) + "&role=staff", null, TEACHER_PARENT);
        assertThat(staff.path("school_profile").path("role").asText()).isEqualTo("STAFF");
        assertThat(staff.path("school_profile").path("registry_id").asText()).isEqualTo("acc-sokolova-sch1");

        BROWSER.get().deleteAllCookies();
        JsonNode parent = signInForTokens(portal.loginUrl(UUID.randomUUID().toString()), "parent", TEACHER_PARENT);
        assertThat(parent.path("school_profile").path("role").asText()).isEqualTo("PARENT");
        assertThat(parent.path("school_profile").path("registry_id").asText()).isEqualTo("acc-sokolova-gym5");
        assertThat(parent.path("school_profile").path("organisation_name").asText()).isEqualTo("Гимназия № 5");

        assertThat(admin.users(REALM, "esia-" + TEACHER_PARENT)).hasSize(1);
        assertThat(new RegistrySql(keycloak).linkedAccounts(TEACHER_PARENT)).containsExactlyInAnyOrder("acc-sokolova-sch1", "acc-sokolova-gym5");
        assertThat(events("match_rule")).contains("SNILS");
        if (!parentCardLinkedBefore) {
            assertThat(events("match_rule")).contains("EMAIL");
        }
    }

    @Test
    void anAdultStudentMatchesBySnilsAndNotTheNamesakeBornInAnotherYear() throws Exception {
        JsonNode student = signInForTokens(portal.loginUrl(UUID.randomUUID().toString()), "student", STUDENT_18);

        assertThat(student.path("school_profile").path("registry_id").asText()).isEqualTo("acc-petrov-sch1");
        assertThat(student.path("school_profile").path("class").asText()).isEqualTo("11А");
        assertThat(new RegistrySql(keycloak).linkedAccounts(STUDENT_18)).contains("acc-petrov-sch1").doesNotContain("acc-petrov-namesake-gym5");
    }

    @Test
    void aChildAccountMatchesByNameBirthDateAndBirthCertificateWrittenDifferently() throws Exception {
        JsonNode child = signInForTokens(portal.loginUrl(UUID.randomUUID().toString()), "student", CHILD_12);

        assertThat(child.path("school_profile").path("registry_id").asText()).isEqualTo("acc-sokolov-gym5");
        assertThat(events("match_rule")).contains("NAME_DOCUMENT");
    }

    @Test
    void severalProfilesOfTheChosenRoleShowThePickerAndTheChoiceGoesIntoTheToken() throws Exception {
        // The school linked a second staff account of the teacher («привязка … возможна только ответственным сотрудником»).
        signInForTokens(portal.loginUrl(UUID.randomUUID().toString()) + "&role=staff", null, TEACHER_PARENT);
        new RegistrySql(keycloak).execute("INSERT INTO sr_account (id, account_role, organisation_id, last_name, first_name, middle_name, last_name_norm,"
                + " first_name_norm, middle_name_norm, birth_date, snils, esia_oid, created_at)"
                + " SELECT 'acc-sokolova-gym5-staff', 'STAFF', 'gym-chel-5', last_name, first_name, middle_name, last_name_norm,"
                + " first_name_norm, middle_name_norm, birth_date, snils, '" + TEACHER_PARENT + "', CURRENT_TIMESTAMP"
                + " FROM sr_account WHERE id = 'acc-sokolova-sch1' ON CONFLICT DO NOTHING");

        try {
            pickTheSecondStaffProfile();
        } finally {
            new RegistrySql(keycloak).execute("DELETE FROM sr_account WHERE id = 'acc-sokolova-gym5-staff'");
        }
    }

    private void pickTheSecondStaffProfile() throws Exception {
        BROWSER.get().deleteAllCookies();
        BROWSER.get().open(portal.loginUrl(UUID.randomUUID().toString()) + "&role=staff");
        pages.signInAs(TEACHER_PARENT).grantIfAsked();
        String picker = pages.waitForText("Гимназия № 5");
        assertThat(picker).contains("МБОУ СОШ № 1 г. Челябинска", "Гимназия № 5", "Нет нужной организации");
        Screenshots.take(BROWSER.get(), "11-profile-picker");
        WebDriver driver = BROWSER.get().driver();
        driver.findElements(By.cssSelector("button[name='profile']")).stream()
                .filter(button -> button.getText().contains("Гимназия № 5")).findFirst().orElseThrow().click();

        JsonNode claims = SchoolPortal.claims(portal.tokens(pages.waitForUrl(portal::isRedirectBack)).path("access_token").asText());
        assertThat(claims.path("school_profile").path("registry_id").asText()).isEqualTo("acc-sokolova-gym5-staff");
        assertThat(claims.path("school_profile").path("organisation_id").asText()).isEqualTo("gym-chel-5");
    }

    /** At the person's first login (the first-broker-login flow): no Keycloak user of the person before it. */
    @Test
    void notFoundThenLinkTheOldAccountWithItsLoginAndPassword() throws Exception {
        // The adult-student test signs this person in too; whichever runs first, this one is a first login.
        for (JsonNode user : admin.users(REALM, "esia-" + STUDENT_18)) {
            admin.delete("/admin/realms/" + REALM + "/users/" + user.path("id").asText());
        }
        // A parent account of the adult student that no ESIA rule can match: only the old login proves it.
        new RegistrySql(keycloak).execute("INSERT INTO sr_account (id, account_role, organisation_id, last_name, first_name, middle_name, last_name_norm,"
                + " first_name_norm, middle_name_norm, birth_date, legacy_login, password_hash, created_at)"
                + " SELECT 'acc-petrov-parent-e2e', 'PARENT', 'gym-chel-5', 'Петров', 'Никита', 'Сергеевич', 'ПЕТРОВ', 'НИКИТА',"
                + " 'СЕРГЕЕВИЧ', NULL, 'petrov.parent', password_hash, CURRENT_TIMESTAMP FROM sr_account"
                + " WHERE id = 'acc-zakharchenko-gym5' ON CONFLICT DO NOTHING");
        // The role deep-linked, so «Повторить» (a restart of the login) keeps it.
        BROWSER.get().open(portal.loginUrl(UUID.randomUUID().toString()) + "&role=parent");
        pages.signInAs(STUDENT_18).grantIfAsked();
        waitOutAnotherFirstLogin();
        Screenshots.take(BROWSER.get(), "04-not-found");
        pages.press("esia-link");
        BROWSER.get().waitFor(By.id("organisation"));
        Screenshots.take(BROWSER.get(), "05-link-account");

        submitLink("gym-chel-5", "petrov.parent", "wrong-password");
        assertThat(pages.waitForText("Неверный логин или пароль")).contains("Неверный логин или пароль");
        Screenshots.take(BROWSER.get(), "06-link-wrong-password");
        submitLink("gym-chel-5", "petrov.parent", LEGACY_PASSWORD);

        JsonNode claims = SchoolPortal.claims(portal.tokens(pages.waitForUrl(portal::isRedirectBack)).path("access_token").asText());
        assertThat(claims.path("school_profile").path("registry_id").asText()).isEqualTo("acc-petrov-parent-e2e");
        assertThat(new RegistrySql(keycloak).linkedAccounts(STUDENT_18)).contains("acc-petrov-parent-e2e");
        JsonNode created = admin.users(REALM, "esia-" + STUDENT_18);
        assertThat(created).as("the first login created the user").hasSize(1);
        assertThat(admin.federatedIdentities(REALM, created.get(0).path("id").asText())).hasSize(1);
    }

    /**
     * At a later login (the post-broker-login flow, where Keycloak has dropped the first login's brokered context):
     * a role without a profile ends on «Запись не найдена», and «Привязать учётную запись» links the old account.
     */
    @Test
    void atALaterLoginARoleWithoutAProfileCanLinkTheOldAccount() throws Exception {
        // The person exists in Keycloak: an ordinary student login first (matched by SNILS).
        JsonNode student = signInForTokens(portal.loginUrl(UUID.randomUUID().toString()), "student", STUDENT_18);
        assertThat(student.path("school_profile").path("role").asText()).isEqualTo("STUDENT");
        assertThat(admin.users(REALM, "esia-" + STUDENT_18)).hasSize(1);
        // A staff account of the same person that no rule matches (no SNILS, no contact): only the old login proves it.
        new RegistrySql(keycloak).execute("INSERT INTO sr_account (id, account_role, organisation_id, last_name, first_name, middle_name, last_name_norm,"
                + " first_name_norm, middle_name_norm, birth_date, legacy_login, password_hash, created_at)"
                + " SELECT 'acc-petrov-staff-e2e', 'STAFF', 'gym-chel-5', 'Петров', 'Никита', 'Сергеевич', 'ПЕТРОВ', 'НИКИТА',"
                + " 'СЕРГЕЕВИЧ', NULL, 'petrov.staff', password_hash, CURRENT_TIMESTAMP FROM sr_account"
                + " WHERE id = 'acc-zakharchenko-gym5' ON CONFLICT DO NOTHING");

        BROWSER.get().deleteAllCookies();
        BROWSER.get().open(portal.loginUrl(UUID.randomUUID().toString()) + "&role=staff");
        pages.signInAs(STUDENT_18).grantIfAsked();
        assertThat(pages.waitForText("Запись не найдена")).contains("Запись не найдена");
        pages.press("esia-link");
        submitLink("gym-chel-5", "petrov.staff", LEGACY_PASSWORD);

        JsonNode claims = SchoolPortal.claims(portal.tokens(pages.waitForUrl(portal::isRedirectBack)).path("access_token").asText());
        assertThat(claims.path("school_profile").path("registry_id").asText()).isEqualTo("acc-petrov-staff-e2e");
        assertThat(claims.path("school_profile").path("role").asText()).isEqualTo("STAFF");
        assertThat(new RegistrySql(keycloak).linkedAccounts(STUDENT_18)).contains("acc-petrov-staff-e2e", "acc-petrov-sch1");
        assertThat(admin.users(REALM, "esia-" + STUDENT_18)).as("still one user").hasSize(1);
    }

    /**
     * A child under 14 signs up for a simplified ESIA account (phone and e-mail confirmed by a code) and the family
     * hands the phone to the school, which enters it on the child's card: the child gets in as a student. A simplified
     * adult gets in for no role: as a parent the provider refuses, as a student nothing of theirs is on a card.
     */
    @Test
    void aChildWithASimplifiedAccountGetsInByThePhoneOnTheirCardAndASimplifiedAdultDoesNot() throws Exception {
        // This class is about matching: a consent in force, whoever gave it (ConsentE2ETest is about who may).
        emulator.consents().grant("SCHOOL01", SIMPLIFIED_CHILD, SIMPLIFIED_CHILD);
        JsonNode child = signInForTokens(portal.loginUrl(UUID.randomUUID().toString()), "student", SIMPLIFIED_CHILD);
        assertThat(child.path("school_profile").path("registry_id").asText()).isEqualTo("acc-semenova-sch1");
        assertThat(new RegistrySql(keycloak).linkedAccounts(SIMPLIFIED_CHILD)).containsExactly("acc-semenova-sch1");

        BROWSER.get().deleteAllCookies();
        BROWSER.get().open(portal.loginUrl(UUID.randomUUID().toString()));
        pages.chooseRole("student").signInAs(SIMPLIFIED_ADULT).grantIfAsked();
        assertThat(pages.waitForText("не подтверждена")).contains("Ваша учётная запись на Госуслугах не подтверждена");
        assertThat(admin.users(REALM, "esia-" + SIMPLIFIED_ADULT)).isEmpty();
        assertThat(new RegistrySql(keycloak).linkedAccounts(SIMPLIFIED_ADULT)).isEmpty();
    }

    /** «Это не я» on the picker: the account is unlinked at once, the school gets a request, the login goes on. */
    @Test
    void thisIsNotMeUnlinksTheAccountAsksTheSchoolAndTheLoginGoesOn() throws Exception {
        RegistrySql registry = new RegistrySql(keycloak);
        // Someone else's parent card that was linked to the teacher by mistake (say, by an old rule).
        registry.execute("INSERT INTO sr_account (id, account_role, organisation_id, last_name, first_name, last_name_norm,"
                + " first_name_norm, esia_oid, created_at) VALUES ('acc-not-sokolova-e2e', 'PARENT', 'sch-chel-1', 'Соколова',"
                + " 'Евгения', 'СОКОЛОВА', 'ЕВГЕНИЯ', '" + TEACHER_PARENT + "', CURRENT_TIMESTAMP) ON CONFLICT DO NOTHING");
        registry.execute("INSERT INTO sr_account_link (account_id, esia_oid, how, linked_at) VALUES ('acc-not-sokolova-e2e', '"
                + TEACHER_PARENT + "', 'PHONE', CURRENT_TIMESTAMP)");
        // Her own parent card (Гимназия № 5, matched by e-mail) is hers already, whichever test ran first.
        registry.execute("UPDATE sr_account SET esia_oid = '" + TEACHER_PARENT + "' WHERE id = 'acc-sokolova-gym5'"
                + " AND esia_oid IS NULL");
        BROWSER.get().open(portal.loginUrl(UUID.randomUUID().toString()));
        pages.chooseRole("parent").signInAs(TEACHER_PARENT).grantIfAsked();
        BROWSER.get().waitFor(By.id("esia-profile-form"));
        BROWSER.get().driver().findElement(By.cssSelector("button[name='notMe'][value='acc-not-sokolova-e2e']")).click();

        JsonNode claims = SchoolPortal.claims(portal.tokens(pages.waitForUrl(portal::isRedirectBack)).path("access_token").asText());
        assertThat(claims.path("school_profile").path("registry_id").asText()).isEqualTo("acc-sokolova-gym5");
        assertThat(registry.linkedAccounts(TEACHER_PARENT)).doesNotContain("acc-not-sokolova-e2e");
        assertThat(registry.count("SELECT COUNT(*) FROM sr_account_link WHERE account_id = 'acc-not-sokolova-e2e'"
                + " AND unlinked_by = 'person' AND unlink_reason = 'Это не я' AND unlinked_at IS NOT NULL")).isEqualTo(1);
        assertThat(registry.count("SELECT COUNT(*) FROM sr_access_request WHERE esia_oid = '" + TEACHER_PARENT
                + "' AND organisation_id = 'sch-chel-1' AND status = 'NEW'")).isEqualTo(1);
    }

    @Test
    void theLinkFormLocksAtExactlyTheRealmsFailureFactor() throws Exception {
        int failureFactor = admin.get("/admin/realms/" + REALM).path("failureFactor").asInt();
        assertThat(failureFactor).as("the demo realm's brute-force failure factor").isGreaterThan(1);
        BROWSER.get().open(portal.loginUrl(UUID.randomUUID().toString()));
        pages.chooseRole("parent").signInAs(TEEN).grantIfAsked();
        pages.waitForText("Запись не найдена");
        pages.press("esia-link");

        for (int attempt = 1; attempt < failureFactor; attempt++) {
            submitLink("gym-chel-5", "zakharchenko.d", "wrong-" + attempt);
            assertThat(pages.waitForAnyText("Неверный логин или пароль", "Слишком много неудачных попыток"))
                    .as("wrong password no. %d of %d", attempt, failureFactor)
                    .contains("Неверный логин или пароль").doesNotContain("Слишком много неудачных попыток");
        }
        submitLink("gym-chel-5", "zakharchenko.d", "wrong-" + failureFactor);
        assertThat(pages.waitForAnyText("Неверный логин или пароль", "Слишком много неудачных попыток"))
                .as("wrong password no. %d", failureFactor).contains("Слишком много неудачных попыток");
        Screenshots.take(BROWSER.get(), "07-link-locked");
        // Even the right password is refused while locked.
        submitLinkIfFormShown("gym-chel-5", "zakharchenko.d", LEGACY_PASSWORD);
        assertThat(pages.bodyText()).doesNotContain("Неверный логин или пароль").contains("Слишком много неудачных попыток");
        assertThat(admin.users(REALM, "esia-" + TEEN)).isEmpty();
        assertThat(new RegistrySql(keycloak).linkedAccounts(TEEN)).doesNotContain("acc-zakharchenko-gym5");
    }

    @Test
    void afterTheCutOffDateTheLinkPageSaysOnlyTheSchoolCanLink() {
        JsonNode config = legacyLinkConfig();
        ObjectNode closed = config.deepCopy();
        ((ObjectNode) closed.path("config")).put("selfLinkUntil", "2025-03-31");
        admin.put("/admin/realms/" + REALM + "/authentication/config/" + config.path("id").asText(), closed);
        try {
            BROWSER.get().open(portal.loginUrl(UUID.randomUUID().toString()));
            pages.chooseRole("staff").signInAs(TEEN).grantIfAsked();
            pages.waitForText("Запись не найдена");
            pages.press("esia-link");

            String page = pages.waitForText("только ответственным сотрудником");
            assertThat(page).contains("привязка учётной записи Госуслуг возможна только ответственным сотрудником образовательной организации");
            assertThat(BROWSER.get().driver().findElements(By.id("username"))).isEmpty();
            Screenshots.take(BROWSER.get(), "08-link-closed-after-cut-off");
        } finally {
            admin.put("/admin/realms/" + REALM + "/authentication/config/" + config.path("id").asText(), config);
        }
    }

    @Test
    void notFoundThenARequestToTheSchoolGetsANumberAndAnEmailOnce() throws Exception {
        BROWSER.get().open(portal.loginUrl(UUID.randomUUID().toString()));
        pages.chooseRole("student").signInAs(PARENT_OF_TWO).grantIfAsked();
        pages.waitForText("Запись не найдена");
        pages.press("esia-request");

        WebDriver driver = BROWSER.get().driver();
        BROWSER.get().waitFor(By.id("childFullName")).sendKeys("Джалилова Амина Егоровна");
        new Select(driver.findElement(By.id("organisationType"))).selectByValue("SCHOOL");
        new Select(driver.findElement(By.id("organisationId"))).selectByValue("gym-chel-5");
        driver.findElement(By.id("className")).sendKeys("4В");
        driver.findElement(By.id("contactEmail")).clear();
        driver.findElement(By.id("contactEmail")).sendKeys("family.e2e@example.ru");
        Screenshots.take(BROWSER.get(), "09-request-form");
        PostedForm submitted = PostedForm.of(driver, "kc-esia-request-form");
        pages.clickVisible(By.id("esia-request-send"));

        String done = pages.waitForText("Обращение №");
        Screenshots.take(BROWSER.get(), "10-request-sent");
        String number = done.replaceAll("(?s).*Обращение № (\\S+) отправлено.*", "$1");
        assertThat(number).matches("Р-\\d{4}-\\d{6}");
        assertThat(SharedSmtp.get().waitForIncomingEmail(15_000, 1)).isTrue();
        List<MimeMessage> mails = new ArrayList<>();
        for (MimeMessage message : SharedSmtp.get().getReceivedMessages()) {
            if (message.getAllRecipients()[0].toString().equals("family.e2e@example.ru")) {
                mails.add(message);
            }
        }
        assertThat(mails).hasSize(1);
        assertThat(GreenMailUtil.getBody(mails.get(0))).isNotBlank();
        assertThat(mails.get(0).getSubject() + GreenMailUtil.getBody(mails.get(0))).contains(number);

        // A second submit of the same form (back button, resubmission) makes no second request. The page
        // disables its button on submit and the browser's back does not re-post, so post the very same form
        // (action URL with its session code, every field) once more from this browser, with its cookies.
        // Keycloak refuses the spent session code before our step runs (a simultaneous double click is what the
        // request key guards against; the registry tests submit one request concurrently).
        long staleBefore = staleFormEvents();
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "window.__beforeReplay = true;"
                + "const form = document.createElement('form'); form.method = 'post'; form.action = arguments[0];"
                + "for (const [name, value] of arguments[1]) { const input = document.createElement('input');"
                + "  input.type = 'hidden'; input.name = name; input.value = value; form.appendChild(input); }"
                + "document.body.appendChild(form); form.submit();", submitted.action(), submitted.fields());
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(30)).until(d ->
                Boolean.FALSE.equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                        "return window.__beforeReplay === true || document.readyState !== 'complete';")));
        assertThat(pages.bodyText()).doesNotContain("Exception", "Unexpected error");
        assertThat(staleFormEvents()).as("the second submit reached Keycloak and was refused").isEqualTo(staleBefore + 1);
        assertThat(new RegistrySql(keycloak).count("SELECT count(*) FROM sr_access_request WHERE esia_oid = '" + PARENT_OF_TWO + "'")).isEqualTo(1);
        assertThat(admin.users(REALM, "esia-" + PARENT_OF_TWO)).isEmpty();
    }

    @Test
    void aRegistryOutageEndsOnARussianPageAndCreatesNothing() throws Exception {
        try (Connection connection = keycloak.database().adminConnection(); Statement statement = connection.createStatement()) {
            statement.execute("ALTER DATABASE school_registry ALLOW_CONNECTIONS false");
            statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'school_registry'");
        }
        try {
            BROWSER.get().open(portal.loginUrl(UUID.randomUUID().toString()));
            pages.chooseRole("student").signInAs("1000300105").grantIfAsked();

            String page = pages.waitForText("временно недоступен");
            assertThat(page).contains("Электронный журнал временно недоступен").contains("учётная запись не создана");
            Screenshots.take(BROWSER.get(), "12-registry-unavailable");
            assertThat(admin.users(REALM, "esia-1000300105")).isEmpty();
        } finally {
            try (Connection connection = keycloak.database().adminConnection(); Statement statement = connection.createStatement()) {
                statement.execute("ALTER DATABASE school_registry ALLOW_CONNECTIONS true");
            }
        }
    }

    /**
     * A first login of the same person that matched holds the first-login lock for its 30 s (the adult-student
     * test may have just signed this person in): the person sees «Вход уже выполняется» and presses «Повторить»,
     * as the page says, until the not-found page comes.
     */
    private void waitOutAnotherFirstLogin() {
        new org.openqa.selenium.support.ui.FluentWait<>(pages).withTimeout(java.time.Duration.ofSeconds(90))
                .pollingEvery(java.time.Duration.ofSeconds(3))
                .until(p -> {
                    if (p.waitForAnyText("Запись не найдена", "Вход уже выполняется").contains("Запись не найдена")) {
                        return true;
                    }
                    p.press("esia-retry").grantIfAsked();
                    return false;
                });
    }

    /** What a form would post: its action URL and its fields, read before it is submitted. */
    private record PostedForm(String action, List<List<String>> fields) {
        @SuppressWarnings("unchecked")
        static PostedForm of(WebDriver driver, String formId) {
            org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) driver;
            String action = (String) js.executeScript("return document.getElementById(arguments[0]).action;", formId);
            List<List<String>> fields = (List<List<String>>) js.executeScript(
                    "return Array.from(new FormData(document.getElementById(arguments[0])).entries())"
                    + ".map(([name, value]) => [name, String(value)]);", formId);
            assertThat(fields).as("fields of %s", formId).isNotEmpty();
            return new PostedForm(action, fields);
        }
    }

    private JsonNode signInForTokens(String loginUrl, String role, String oid) throws Exception {
        BROWSER.get().open(loginUrl);
        if (role != null) {
            pages.chooseRole(role);
        }
        pages.signInAs(oid).grantIfAsked();
        return SchoolPortal.claims(portal.tokens(pages.waitForUrl(portal::isRedirectBack)).path("access_token").asText());
    }

    private void submitLink(String organisation, String login, String password) {
        pages.submitLegacyLink(organisation, login, password);
    }

    private void submitLinkIfFormShown(String organisation, String login, String password) {
        if (!BROWSER.get().driver().findElements(By.id("username")).isEmpty()) {
            submitLink(organisation, login, password);
            pages.waitForAnyText("Неверный логин или пароль", "Слишком много неудачных попыток");
        }
    }

    private static JsonNode legacyLinkConfig() {
        for (JsonNode execution : admin.get("/admin/realms/" + REALM + "/authentication/flows/esia%20first%20broker%20login/executions")) {
            if ("esia-legacy-link".equals(execution.path("providerId").asText())) {
                return admin.get("/admin/realms/" + REALM + "/authentication/config/" + execution.path("authenticationConfig").asText());
            }
        }
        throw new AssertionError("no esia-legacy-link execution in the first broker login flow");
    }

    /** Login errors for a form posted with a spent session code. */
    private static long staleFormEvents() {
        long count = 0;
        for (JsonNode event : admin.get("/admin/realms/" + REALM + "/events?type=IDENTITY_PROVIDER_FIRST_LOGIN_ERROR&max=1000")) {
            if ("Failed to verify login action".equals(event.path("error").asText())) {
                count++;
            }
        }
        return count;
    }

    private static List<String> events(String detail) {
        List<String> values = new ArrayList<>();
        for (JsonNode event : admin.get("/admin/realms/" + REALM + "/events?max=200")) {
            JsonNode value = event.path("details").path(detail);
            if (!value.isMissingNode()) {
                values.add(value.asText());
            }
        }
        return values;
    }
}
