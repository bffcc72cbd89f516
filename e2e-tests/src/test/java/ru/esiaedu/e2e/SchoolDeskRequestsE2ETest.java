package ru.esiaedu.e2e;

import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ru.esiaedu.e2e.support.A11yCheck;
import ru.esiaedu.e2e.support.Browser;
import ru.esiaedu.e2e.support.DeskPages;
import ru.esiaedu.e2e.support.EsiaPages;
import ru.esiaedu.e2e.support.RegistrySql;
import ru.esiaedu.e2e.support.SchoolPortal;
import ru.esiaedu.e2e.support.Screenshots;
import ru.esiaedu.e2e.support.Mails;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * «С апреля 2025 года привязка учётной записи Госуслуг возможна только ответственным сотрудником образовательной
 * организации»: after the self-linking cut-off a mother the school's data does not identify sends
 * «Обратиться в организацию», the deputy head finds her card in the requests inbox and links her, she gets the
 * outcome by e-mail and then gets in. Persons: 1000300114 (Белова, mother in 5А, card {@code acc-belova-m-sch1} without
 * contacts) and 1000300115 (Никитин, deputy head, set up by {@link SchoolDeskE2ETest}'s SQL here too).
 * She has never signed in: the request and the login after it are both first logins.
 */
class SchoolDeskRequestsE2ETest extends SchoolRealmBrowserTest {

    static final String MOTHER = "1000300114";
    static final String MOTHER_CARD = "acc-belova-m-sch1";

    @BeforeAll
    static void theSchoolHasADeputyHead() throws Exception {
        SchoolDeskE2ETest.staffOfSchoolOne("acc-nikitin-staff-e2e", "Никитин", "Олег", "Иванович", "34567890325",
                "DEPUTY_HEAD", "NULL");
    }

    @Test
    void afterTheCutOffTheSchoolLinksTheRequesterFromTheInboxSheIsMailedAndThenGetsIn() throws Exception {
        JsonNode config = legacyLinkConfig();
        ObjectNode closed = config.deepCopy();
        ((ObjectNode) closed.path("config")).put("selfLinkUntil", "2025-03-31");
        admin.put("/admin/realms/" + REALM + "/authentication/config/" + config.path("id").asText(), closed);
        try {
            assertThat(admin.users(REALM, "esia-" + MOTHER)).as("a first login").isEmpty();
            String email = "belova." + UUID.randomUUID().toString().substring(0, 8) + "@example.ru";
            String number = sendARequestAs(MOTHER, email);

            try (Browser staffBrowser = Browser.desktop()) {
                EsiaPages staffEsia = new EsiaPages(staffBrowser, emulator.baseUrl());
                DeskPages desk = new DeskPages(staffBrowser, staffEsia, keycloak.baseUrl(), REALM);
                desk.signInAt("", SchoolDeskE2ETest.DEPUTY);
                assertThat(staffEsia.waitForText("Классы")).contains("5А", "9Б", "Обращения");
                Screenshots.take(staffBrowser, "43-desk-home");
                A11yCheck.assertPasses(staffBrowser, "the desk's home page");

                staffBrowser.open(desk.url("requests"));
                String inbox = staffEsia.waitForText("Обращение № " + number);
                assertThat(inbox).contains("Белов Тимофей Ильич", email);
                WebElement card = requestCard(staffBrowser, number);
                WebElement search = card.findElement(By.cssSelector("input[type=search]"));
                search.clear();
                search.sendKeys("Белова Наталья");
                card.findElement(By.cssSelector("button.find")).click();
                staffBrowser.waitFor(By.cssSelector("button.link-request[data-account='" + MOTHER_CARD + "']"));
                Screenshots.take(staffBrowser, "42-desk-requests");
                A11yCheck.assertPasses(staffBrowser, "the requests inbox");
                card.findElement(By.cssSelector("button.link-request[data-account='" + MOTHER_CARD + "']")).click();
                assertThat(staffEsia.waitForText("Заявителю отправлено письмо")).contains("Учётная запись Госуслуг привязана");
            }

            MimeMessage mail = Mails.waitForMailTo(email, "выполнено");
            assertThat(mail.getSubject()).isEqualTo("Обращение № " + number + " выполнено");
            assertThat(Mails.text(mail)).contains("привязала вашу учётную запись Госуслуг", number);
            RegistrySql registry = new RegistrySql(keycloak);
            assertThat(registry.linkedAccounts(MOTHER)).containsExactly(MOTHER_CARD);
            assertThat(registry.count("SELECT COUNT(*) FROM sr_access_request WHERE request_number = '" + number
                    + "' AND status = 'LINKED' AND resolved_by = 'staff:acc-nikitin-staff-e2e'")).isEqualTo(1);

            BROWSER.get().deleteAllCookies();
            BROWSER.get().open(portal.loginUrl(UUID.randomUUID().toString()));
            pages.chooseRole("parent").signInAs(MOTHER).grantIfAsked();
            JsonNode claims = SchoolPortal.claims(portal.tokens(pages.waitForUrl(portal::isRedirectBack)).path("access_token").asText());
            assertThat(claims.path("school_profile").path("registry_id").asText()).isEqualTo(MOTHER_CARD);
        } finally {
            admin.put("/admin/realms/" + REALM + "/authentication/config/" + config.path("id").asText(), config);
        }
    }

    /** «Запись не найдена» → «Обратиться в организацию» for her son in 5А; returns the request's number. */
    private String sendARequestAs(String oid, String email) {
        BROWSER.get().open(portal.loginUrl(UUID.randomUUID().toString()));
        pages.chooseRole("parent").signInAs(oid).grantIfAsked();
        pages.waitForText("Запись не найдена");
        pages.press("esia-request");
        WebDriver driver = BROWSER.get().driver();
        BROWSER.get().waitFor(By.id("childFullName")).sendKeys("Белов Тимофей Ильич");
        new Select(driver.findElement(By.id("organisationType"))).selectByValue("SCHOOL");
        new Select(driver.findElement(By.id("organisationId"))).selectByValue("sch-chel-1");
        driver.findElement(By.id("className")).sendKeys("5А");
        driver.findElement(By.id("contactEmail")).clear();
        driver.findElement(By.id("contactEmail")).sendKeys(email);
        pages.clickVisible(By.id("esia-request-send"));
        String done = pages.waitForText("Обращение №");
        return done.replaceAll("(?s).*Обращение № (\\S+) отправлено.*", "$1");
    }

    private static WebElement requestCard(Browser browser, String number) {
        for (WebElement card : browser.driver().findElements(By.cssSelector("#requests > li"))) {
            if (card.getText().contains("Обращение № " + number)) {
                return card;
            }
        }
        throw new AssertionError("no card of request " + number);
    }

    private static JsonNode legacyLinkConfig() {
        for (JsonNode execution : admin.get("/admin/realms/" + REALM + "/authentication/flows/esia%20first%20broker%20login/executions")) {
            if ("esia-legacy-link".equals(execution.path("providerId").asText())) {
                return admin.get("/admin/realms/" + REALM + "/authentication/config/" + execution.path("authenticationConfig").asText());
            }
        }
        throw new AssertionError("no esia-legacy-link execution in the first broker login flow");
    }
}
