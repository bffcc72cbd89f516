package ru.esiaedu.e2e;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMailUtil;

import ru.esiaedu.e2e.support.A11yCheck;
import ru.esiaedu.e2e.support.RegistrySql;
import ru.esiaedu.e2e.support.SchoolPortal;
import ru.esiaedu.e2e.support.Screenshots;
import ru.esiaedu.e2e.support.SharedSmtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * «Контактные данные» at the first ESIA login, switched on for this realm (the demo realm ships it off): a parent
 * whose e-mail Gosuslugi has not confirmed (1000300107, Морозова; a registry parent account of hers is added by SNILS
 * and removed afterwards) is asked for an address, is refused someone else's address and hostile input, confirms the
 * address through Keycloak's mail and link, and the portal's token carries the address and both choices. A parent with
 * a confirmed Gosuslugi address (1000300102, Соколова) is not asked and gets no mail copies. What the logins change in
 * the registry is undone after the class (other classes match these persons afresh).
 */
@TestMethodOrder(MethodOrderer.Random.class)
class ContactDetailsE2ETest extends SchoolRealmBrowserTest {

    private static final String NO_CONFIRMED_EMAIL = "1000300107";
    private static final String CONFIRMED_EMAIL = "1000300102";
    private static final String ACCOUNT = "acc-morozova-contact-e2e";
    private static final String OTHERS_ADDRESS = "someone.else@school.example";
    private static final String OTHER_USER = "contact-e2e-other-user";
    private static final String HER_ADDRESS = "olga.morozova.contact@school.example";
    private static final Pattern LINK = Pattern.compile("https?://[^\\s\"<>]+/login-actions/action-token\\?key=[^\\s\"<>]+");

    @BeforeAll
    static void theStepIsOnAndTheRegistryKnowsHer() throws Exception {
        String flow = "/admin/realms/" + REALM + "/authentication/flows/esia%20first%20broker%20login/executions";
        ObjectNode execution = null;
        for (JsonNode e : admin.get(flow)) {
            if ("esia-contact-details".equals(e.path("providerId").asText())) {
                execution = (ObjectNode) e.deepCopy();
            }
        }
        assertThat(execution).as("the contact step in the shipped first broker login flow").isNotNull();
        assertThat(execution.path("requirement").asText()).as("shipped switched off").isEqualTo("DISABLED");
        execution.put("requirement", "REQUIRED");
        admin.put(flow, execution);

        admin.post("/admin/realms/" + REALM + "/users", Map.of("username", OTHER_USER, "enabled", true,
                "email", OTHERS_ADDRESS, "emailVerified", true, "firstName", "Другой", "lastName", "Пользователь"));

        // A parent account of hers that the school entered with her SNILS.
        new RegistrySql(keycloak).execute("INSERT INTO sr_account (id, account_role, organisation_id, last_name, first_name,"
                + " middle_name, last_name_norm, first_name_norm, middle_name_norm, birth_date, snils, created_at) VALUES ('"
                + ACCOUNT + "', 'PARENT', 'gym-chel-5', 'Морозова', 'Ольга', 'Петровна', 'МОРОЗОВА', 'ОЛЬГА', 'ПЕТРОВНА',"
                + " DATE '1988-01-30', '22345678973', CURRENT_TIMESTAMP) ON CONFLICT DO NOTHING");
    }

    /** Registry accounts of the confirmed parent linked before this class (her login links what it matches). */
    private static Set<String> linkedBefore;

    @BeforeAll
    static void rememberTheConfirmedParentsLinks() throws Exception {
        linkedBefore = new RegistrySql(keycloak).linkedAccounts(CONFIRMED_EMAIL);
    }

    @AfterAll
    static void theRegistryForgetsWhatThisClassChanged() throws Exception {
        RegistrySql sql = new RegistrySql(keycloak);
        sql.execute("DELETE FROM sr_account_link WHERE account_id = '" + ACCOUNT + "'");
        sql.execute("DELETE FROM sr_account WHERE id = '" + ACCOUNT + "'");
        for (String account : sql.linkedAccounts(CONFIRMED_EMAIL)) {
            if (!linkedBefore.contains(account)) {
                sql.execute("UPDATE sr_account SET esia_oid = NULL WHERE id = '" + account + "'");
                sql.execute("DELETE FROM sr_account_link WHERE account_id = '" + account + "' AND esia_oid = '"
                        + CONFIRMED_EMAIL + "'");
            }
        }
    }

    @Test
    void aParentWithoutAConfirmedEmailGivesOneConfirmsItByMailAndThePortalGetsHerChoices() throws Exception {
        BROWSER.get().open(portal.loginUrl(UUID.randomUUID().toString()));
        pages.chooseRole("parent");
        pages.signInAs(NO_CONFIRMED_EMAIL).grantIfAsked();

        String page = pages.waitForText("Контактные данные");
        assertThat(page).contains("Электронная почта", "Необходима для восстановления пароля",
                "Дублировать сообщения Электронного журнала на электронную почту",
                "Отмечать сообщение прочитанным при его открытии на электронной почте", "Регистрация")
                .doesNotContain("Пропустить");
        A11yCheck.assertPasses(BROWSER.get(), "«Контактные данные»");
        Screenshots.take(BROWSER.get(), "40-contact-details");

        submit("mama@school.example, papa@school.example", true, false);
        assertThat(pages.waitForText("Укажите один адрес")).contains("Укажите один адрес электронной почты.");
        assertThat(emailField().getAttribute("value")).as("kept for correction").isEqualTo("mama@school.example, papa@school.example");
        assertThat(BROWSER.get().driver().findElement(By.id("esiaEduJournalMailCopy")).isSelected()).as("choice kept").isTrue();

        submit("<script>alert('contact')</script>", false, false);
        assertThat(pages.waitForText("Проверьте адрес электронной почты")).contains("name@example.ru");
        assertThatThrownBy(() -> BROWSER.get().driver().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(emailField().getAttribute("value")).isEqualTo("<script>alert('contact')</script>");

        submit("x".repeat(300) + "@school.example", false, false);
        assertThat(pages.waitForText("Адрес слишком длинный")).contains("не больше 254 символов");

        submit(OTHERS_ADDRESS.toUpperCase(), true, true);
        String taken = pages.waitForText("уже указан в другой учётной записи");
        assertThat(taken).contains("Этот адрес уже указан в другой учётной записи. Укажите другой адрес.")
                .doesNotContain(OTHER_USER, "Другой", "Пользователь");
        A11yCheck.assertPasses(BROWSER.get(), "«Контактные данные» with an error");
        Screenshots.take(BROWSER.get(), "41-contact-details-address-taken");

        int mailsBefore = SharedSmtp.get().getReceivedMessages().length;
        String formAction = (String) ((JavascriptExecutor) BROWSER.get().driver())
                .executeScript("return document.getElementById('kc-esia-contact-form').action;");
        submit("  Olga.Morozova.Contact@School.Example ", true, true);
        pages.waitForText("Подтверждение адреса E-mail");

        // The same form posted once more (a second click that got through, the back button) with another address.
        WebElement before = BROWSER.get().driver().findElement(By.tagName("html"));
        postAgain(formAction, Map.of("email", "second.try@school.example", "esiaEduJournalMailCopy", "on"));
        new WebDriverWait(BROWSER.get().driver(), Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(before));
        // Keycloak refuses a form of a step the login has left («Страница устарела»); «продолжить» is the step it is on.
        assertThat(pages.waitForText("Страница устарела")).doesNotContain("second.try");
        pages.press("loginContinueLink");
        assertThat(pages.waitForText("Подтверждение адреса E-mail")).contains(HER_ADDRESS).doesNotContain("second.try");

        JsonNode user = herUser();
        assertThat(user.path("email").asText()).isEqualTo(HER_ADDRESS);
        assertThat(user.path("emailVerified").asBoolean()).isFalse();
        assertThat(user.path("requiredActions").toString()).contains("VERIFY_EMAIL");
        assertThat(user.path("attributes").path("esiaEduJournalMailCopy").get(0).asText()).isEqualTo("true");
        assertThat(user.path("attributes").path("esiaEduMarkReadOnOpen").get(0).asText()).isEqualTo("true");

        String link = verificationLink(mailsBefore);
        BROWSER.get().open(link);
        JsonNode claims = SchoolPortal.claims(portal.tokens(pages.waitForUrl(portal::isRedirectBack)).path("access_token").asText());

        assertThat(claims.path("email").asText()).isEqualTo(HER_ADDRESS);
        assertThat(claims.path("email_verified").asBoolean()).isTrue();
        assertThat(claims.path("journal_mail_copy").isBoolean()).isTrue();
        assertThat(claims.path("journal_mail_copy").asBoolean()).isTrue();
        assertThat(claims.path("mark_read_on_open").asBoolean()).isTrue();
        assertThat(claims.path("school_profile").path("registry_id").asText()).isEqualTo(ACCOUNT);
        JsonNode verified = herUser();
        assertThat(verified.path("emailVerified").asBoolean()).isTrue();
        assertThat(verified.path("requiredActions").toString()).doesNotContain("VERIFY_EMAIL");
        assertThat(admin.users(REALM, OTHER_USER).get(0).path("email").asText()).as("the other account untouched")
                .isEqualTo(OTHERS_ADDRESS);

        assertThat(stepEvents("IDENTITY_PROVIDER_FIRST_LOGIN")).anySatisfy(details -> assertThat(details)
                .containsEntry("contact_step", "asked_email").containsEntry("email_confirmation", "link_sent")
                .containsEntry("journal_mail_copy", "true").containsEntry("mark_read_on_open", "true"));
        List<Map<String, String>> refusals = stepEvents("UPDATE_EMAIL_ERROR");
        assertThat(refusals).extracting(details -> details.get("contact_refused"))
                .contains("oneAddress", "invalid", "tooLong", "taken");
        for (Map<String, String> details : refusals) {
            assertThat(details.values().toString()).doesNotContain("school.example", "script");
        }
        assertThat(Files.readString(keycloak.logFile())).doesNotContain(HER_ADDRESS, OTHERS_ADDRESS);
    }

    @Test
    void aParentWithAConfirmedGosuslugiEmailIsNotAskedAndGetsNoMailCopies() throws Exception {
        BROWSER.get().open(portal.loginUrl(UUID.randomUUID().toString()));
        pages.chooseRole("parent");
        pages.signInAs(CONFIRMED_EMAIL).grantIfAsked();

        JsonNode claims = SchoolPortal.claims(portal.tokens(pages.waitForUrl(portal::isRedirectBack)).path("access_token").asText());

        assertThat(claims.path("email_verified").asBoolean()).isTrue();
        assertThat(claims.path("journal_mail_copy").isBoolean()).isTrue();
        assertThat(claims.path("journal_mail_copy").asBoolean()).isFalse();
        assertThat(claims.path("mark_read_on_open").asBoolean()).isFalse();
        assertThat(stepEvents("IDENTITY_PROVIDER_FIRST_LOGIN")).anySatisfy(details -> assertThat(details)
                .containsEntry("contact_step", "not_asked_esia_email").doesNotContainKey("email_confirmation"));
    }

    @Test
    void theConsoleDescribesBothSettings() {
        JsonNode description = admin.get("/admin/realms/" + REALM + "/authentication/config-description/esia-contact-details");
        List<String> names = new ArrayList<>();
        for (JsonNode property : description.path("properties")) {
            names.add(property.path("name").asText());
            assertThat(property.path("helpText").asText()).as(property.path("name").asText()).contains("по умолчанию");
        }
        assertThat(names).containsExactly("askChoicesWhenEsiaEmailVerified", "onePersonPerAddress");
    }

    private WebElement emailField() {
        return BROWSER.get().waitFor(By.id("email"));
    }

    /** Types into the form as a person does and presses «Регистрация». */
    private void submit(String email, boolean journalMailCopy, boolean markReadOnOpen) {
        WebDriver driver = BROWSER.get().driver();
        WebElement field = emailField();
        field.clear();
        // sendKeys of hundreds of characters is slow in Chromium; the value is set as a paste would.
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", field, email);
        setBox("esiaEduJournalMailCopy", journalMailCopy);
        setBox("esiaEduMarkReadOnOpen", markReadOnOpen);
        pages.clickVisible(By.id("esia-contact-register"));
    }

    /** A form posted by the browser to {@code action} with these fields, as a page of its own would post it. */
    private void postAgain(String action, Map<String, String> fields) {
        ((JavascriptExecutor) BROWSER.get().driver()).executeScript(
                "const f = document.createElement('form'); f.method = 'post'; f.action = arguments[0];"
                        + "for (const [k, v] of Object.entries(arguments[1])) {"
                        + "  const i = document.createElement('input'); i.type = 'hidden'; i.name = k; i.value = v; f.appendChild(i); }"
                        + "document.body.appendChild(f); f.submit();", action, fields);
    }

    private void setBox(String id, boolean checked) {
        WebElement box = BROWSER.get().driver().findElement(By.id(id));
        if (box.isSelected() != checked) {
            ((JavascriptExecutor) BROWSER.get().driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});", box);
            box.click();
        }
    }

    private static JsonNode herUser() {
        JsonNode found = admin.users(REALM, "esia-" + NO_CONFIRMED_EMAIL);
        assertThat(found).hasSize(1);
        return admin.user(REALM, found.get(0).path("id").asText());
    }

    /** The link of Keycloak's verification mail to her address, sent after {@code before} mails. */
    private static String verificationLink(int before) {
        List<String> links = new ArrayList<>();
        new WebDriverWait(BROWSER.get().driver(), Duration.ofSeconds(30)).until(d -> {
            MimeMessage[] messages = SharedSmtp.get().getReceivedMessages();
            for (int i = before; i < messages.length; i++) {
                try {
                    if (messages[i].getAllRecipients()[0].toString().equalsIgnoreCase(HER_ADDRESS)) {
                        Matcher m = LINK.matcher(GreenMailUtil.getBody(messages[i]).replace("=\r\n", "").replace("=3D", "=")
                                .replace("&amp;", "&"));
                        if (m.find()) {
                            links.add(m.group());
                        }
                    }
                } catch (jakarta.mail.MessagingException e) {
                    throw new IllegalStateException(e);
                }
            }
            return !links.isEmpty();
        });
        assertThat(links).as("one verification mail").hasSize(1);
        return links.get(0);
    }

    /** The details of this realm's events of a type that carry the contact step's details. */
    private static List<Map<String, String>> stepEvents(String type) {
        List<Map<String, String>> found = new ArrayList<>();
        for (JsonNode event : admin.get("/admin/realms/" + REALM + "/events?type=" + type + "&max=200")) {
            JsonNode details = event.path("details");
            if (details.has("contact_step")) {
                Map<String, String> map = new java.util.HashMap<>();
                details.fields().forEachRemaining(entry -> map.put(entry.getKey(), entry.getValue().asText()));
                found.add(map);
            }
        }
        return found;
    }
}
