package ru.esiaedu.e2e;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import com.fasterxml.jackson.databind.JsonNode;

import ru.esiaedu.e2e.support.RegistrySql;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who must not get a school account: a parent who picks «Вход для учащихся» while the school typed the parent's
 * phone into the child's card; a wife whose family e-mail sits on her husband's card; someone who appends a Unicode
 * space to a locked login; one person guessing a password in ten tabs at once. Each case has its own ESIA person
 * (1000300120–124) and registry rows that no other test class uses; the methods run in random order.
 */
@TestMethodOrder(MethodOrderer.Random.class)
class MatchingSafetyE2ETest extends SchoolRealmBrowserTest {

    private static final String MOTHER_AS_STUDENT = "1000300120";
    private static final String WIFE_WITH_FAMILY_EMAIL = "1000300121";
    private static final String GUESSER = "1000300122";
    private static final String UNICODE_SPACE_LOGIN = "1000300124";
    private static final String TEN_TABS = "1000300123";
    private static final String LEGACY_PASSWORD = "Sgo-2024!";

    @BeforeAll
    static void registryCardsOfThisClass() throws SQLException {
        RegistrySql registry = new RegistrySql(keycloak);
        // The school typed the mother's mobile into her son's card, as families are told to give "the child's phone".
        registry.execute("INSERT INTO sr_account (id, account_role, organisation_id, last_name, first_name, middle_name,"
                + " last_name_norm, first_name_norm, middle_name_norm, birth_date, created_at) VALUES ('acc-e2e-gromov-sch1',"
                + " 'STUDENT', 'sch-chel-1', 'Громов', 'Тимофей', 'Андреевич', 'ГРОМОВ', 'ТИМОФЕЙ', 'АНДРЕЕВИЧ',"
                + " DATE '2013-09-14', CURRENT_TIMESTAMP) ON CONFLICT DO NOTHING");
        registry.execute("INSERT INTO sr_account_phone (account_id, phone, phone_entered) VALUES ('acc-e2e-gromov-sch1',"
                + " '79175550120', '+7 917 555-01-20') ON CONFLICT DO NOTHING");
        // The husband's parent card carries the spouses' shared e-mail; hers is not in the registry at all.
        registry.execute("INSERT INTO sr_account (id, account_role, organisation_id, last_name, first_name, middle_name,"
                + " last_name_norm, first_name_norm, middle_name_norm, birth_date, created_at) VALUES ('acc-e2e-lebedev-sch1',"
                + " 'PARENT', 'sch-chel-1', 'Лебедев', 'Олег', 'Игоревич', 'ЛЕБЕДЕВ', 'ОЛЕГ', 'ИГОРЕВИЧ', DATE '1984-06-01',"
                + " CURRENT_TIMESTAMP) ON CONFLICT DO NOTHING");
        registry.execute("INSERT INTO sr_account_email (account_id, email, email_entered) VALUES ('acc-e2e-lebedev-sch1',"
                + " 'lebedevy.family@mail.ru', 'Lebedevy.Family@mail.ru') ON CONFLICT DO NOTHING");
        // Two old accounts with the demo's legacy password (the hash of another demo account).
        for (Map.Entry<String, String> account : Map.of("acc-e2e-belova-gym5", "belova.k",
                "acc-e2e-fomina-gym5", "fomina.v").entrySet()) {
            registry.execute("INSERT INTO sr_account (id, account_role, organisation_id, last_name, first_name,"
                    + " last_name_norm, first_name_norm, legacy_login, password_hash, created_at) SELECT '" + account.getKey()
                    + "', 'PARENT', 'gym-chel-5', 'Тестова', 'Вера', 'ТЕСТОВА', 'ВЕРА', '" + account.getValue()
                    + "', password_hash, CURRENT_TIMESTAMP FROM sr_account WHERE id = 'acc-zakharchenko-gym5'"
                    + " ON CONFLICT DO NOTHING");
        }
    }

    @Test
    void aMotherWhoPicksTheStudentsEntranceDoesNotGetHerSonsAccountThroughHerPhoneOnHisCard() throws Exception {
        BROWSER.get().open(portal.loginUrl(UUID.randomUUID().toString()));
        pages.chooseRole("student").signInAs(MOTHER_AS_STUDENT).grantIfAsked();

        assertThat(pages.waitForAnyText("Запись не найдена", "Вход уже выполняется")).contains("Запись не найдена");
        RegistrySql registry = new RegistrySql(keycloak);
        assertThat(registry.linkedAccounts(MOTHER_AS_STUDENT)).isEmpty();
        assertThat(registry.count("SELECT COUNT(*) FROM sr_account WHERE id = 'acc-e2e-gromov-sch1' AND esia_oid IS NULL"))
                .as("the son's card is still free for him").isEqualTo(1);
        assertThat(admin.users(REALM, "esia-" + MOTHER_AS_STUDENT)).isEmpty();
    }

    @Test
    void aWifeWhoseFamilyEmailIsOnHerHusbandsCardDoesNotGetHisAccount() throws Exception {
        BROWSER.get().open(portal.loginUrl(UUID.randomUUID().toString()));
        pages.chooseRole("parent").signInAs(WIFE_WITH_FAMILY_EMAIL).grantIfAsked();

        assertThat(pages.waitForAnyText("Запись не найдена", "Вход уже выполняется")).contains("Запись не найдена");
        RegistrySql registry = new RegistrySql(keycloak);
        assertThat(registry.linkedAccounts(WIFE_WITH_FAMILY_EMAIL)).isEmpty();
        assertThat(registry.count("SELECT COUNT(*) FROM sr_account WHERE id = 'acc-e2e-lebedev-sch1' AND esia_oid IS NULL"))
                .as("the husband's card is still free for him").isEqualTo(1);
    }

    /**
     * One person locks the old login «belova.k» with wrong passwords; another, who knows the password, types the
     * login with an ideographic space (U+3000) appended: the same account, so the same lock.
     */
    @Test
    void aLoginWithAUnicodeSpaceAppendedIsTheSameLockedLogin() throws Exception {
        int failureFactor = admin.get("/admin/realms/" + REALM).path("failureFactor").asInt();
        openLinkFormAs(GUESSER);
        for (int attempt = 1; attempt <= failureFactor; attempt++) {
            pages.submitLegacyLink("gym-chel-5", "belova.k", "wrong-" + attempt);
            pages.waitForAnyText("Неверный логин или пароль", "Слишком много неудачных попыток");
        }
        assertThat(pages.bodyText()).contains("Слишком много неудачных попыток");

        BROWSER.get().deleteAllCookies();
        openLinkFormAs(UNICODE_SPACE_LOGIN);
        String login = "belova.k\u3000";
        new org.openqa.selenium.support.ui.Select(BROWSER.get().waitFor(By.id("organisation"))).selectByValue("gym-chel-5");
        // Set through the page itself, so the ideographic space is surely in the posted value.
        WebElement username = BROWSER.get().driver().findElement(By.id("username"));
        ((JavascriptExecutor) BROWSER.get().driver()).executeScript("arguments[0].value = arguments[1];", username, login);
        assertThat(username.getDomProperty("value")).isEqualTo(login);
        BROWSER.get().driver().findElement(By.id("password")).sendKeys(LEGACY_PASSWORD);
        BROWSER.get().driver().findElement(By.id("kc-login")).click();

        assertThat(pages.waitForAnyText("Неверный логин или пароль", "Слишком много неудачных попыток"))
                .contains("Слишком много неудачных попыток");
        assertThat(new RegistrySql(keycloak).linkedAccounts(UNICODE_SPACE_LOGIN)).isEmpty();
        assertThat(admin.users(REALM, "esia-" + UNICODE_SPACE_LOGIN)).isEmpty();
    }

    /**
     * Ten tabs of one person post ten wrong passwords at the same moment (the same form, the same session): at most
     * the realm's failure factor of them reach the password check; the others are told a check is under way.
     */
    @Test
    @SuppressWarnings("unchecked")
    void tenParallelWrongPasswordsCountAtMostTheFailureFactor() throws Exception {
        // The lowest failure factor, so that one extra guess would show.
        JsonNode realm = admin.get("/admin/realms/" + REALM);
        int failureFactor = 2;
        admin.put("/admin/realms/" + REALM, ((com.fasterxml.jackson.databind.node.ObjectNode) realm.deepCopy())
                .put("failureFactor", failureFactor));
        try {
            tenParallelWrongPasswords(failureFactor);
        } finally {
            admin.put("/admin/realms/" + REALM, realm);
        }
    }

    @SuppressWarnings("unchecked")
    private void tenParallelWrongPasswords(int failureFactor) throws Exception {
        // Ten tabs, each on its own link form (its own tab id and session code), as a person opens them.
        org.openqa.selenium.WebDriver driver = BROWSER.get().driver();
        List<Object> forms = new java.util.ArrayList<>();
        for (int tab = 0; tab < 10; tab++) {
            if (tab == 0) {
                openLinkFormAs(TEN_TABS);
            } else {
                driver.switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
                BROWSER.get().open(portal.loginUrl(UUID.randomUUID().toString()));
                BROWSER.get().waitFor(By.id("esia-role-parent")).click(); // signed in at Госуслуги already
                pages.grantIfAsked().waitForText("Запись не найдена");
                pages.press("esia-link");
                BROWSER.get().waitFor(By.id("username"));
            }
            forms.add(((JavascriptExecutor) driver).executeScript(
                    "const form = document.getElementById('kc-esia-link-form');"
                    + "return [form.action, Array.from(new FormData(form).entries()).map(([n, v]) => [n, String(v)])];"));
        }

        // All ten wrong passwords at the same moment.
        List<Map<String, Object>> answers = (List<Map<String, Object>>) ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                + "Promise.all(arguments[0].map(([action, fields], i) => {"
                + "  const body = new URLSearchParams(fields); body.set('organisation', 'gym-chel-5');"
                + "  body.set('username', 'fomina.v'); body.set('password', 'wrong-' + i);"
                + "  return fetch(action, {method: 'POST', body: body, credentials: 'same-origin', redirect: 'manual'})"
                + "    .then(r => r.text().then(t => ({status: r.status, text: t})), e => ({status: -1, text: String(e)}));"
                + "})).then(done);", forms);

        assertThat(answers).hasSize(10);
        List<String> told = List.of("Неверный логин или пароль", "Слишком много неудачных попыток", "ещё проверяется");
        assertThat(answers).extracting(a -> ((Number) a.get("status")).intValue())
                .as("every tab gets a page, none a server error").containsOnly(200);
        assertThat(answers).extracting(a -> String.valueOf(a.get("text")))
                .as("each tab is told: wrong password, locked, or another attempt is being checked")
                .allMatch(text -> told.stream().anyMatch(text::contains));
        long checked = wrongPasswordEvents(TEN_TABS);
        assertThat(checked).as("wrong passwords that reached the password check").isBetween(1L, (long) failureFactor);
        assertThat(new RegistrySql(keycloak).linkedAccounts(TEN_TABS)).isEmpty();
        assertThat(admin.users(REALM, "esia-" + TEN_TABS)).isEmpty();
    }

    private void openLinkFormAs(String oid) {
        BROWSER.get().open(portal.loginUrl(UUID.randomUUID().toString()));
        pages.chooseRole("parent").signInAs(oid).grantIfAsked();
        pages.waitForText("Запись не найдена");
        pages.press("esia-link");
        BROWSER.get().waitFor(By.id("username"));
    }

    /** Link-form events of this person that say a password was checked and was wrong. */
    private static long wrongPasswordEvents(String oid) {
        long count = 0;
        for (JsonNode event : admin.get("/admin/realms/" + REALM + "/events?max=1000")) {
            if ("invalid_user_credentials".equals(event.path("error").asText())
                    && "LEGACY_LOGIN".equals(event.path("details").path("link_method").asText())
                    && event.toString().contains(oid)) {
                count++;
            }
        }
        return count;
    }
}
