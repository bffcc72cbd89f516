package ru.esiaedu.e2e;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ru.esiaedu.e2e.support.A11yCheck;
import ru.esiaedu.e2e.support.PortalPage;
import ru.esiaedu.e2e.support.RegistrySql;
import ru.esiaedu.e2e.support.Screenshots;
import ru.esiaedu.e2e.support.SharedPortal;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Journeys that start and end at the real demo school portal ({@code school-portal}, run in the test JVM): a parent
 * of two with accounts in two schools goes through «Выберите организацию»; a teacher who is also a mother signs in
 * as staff, signs out, and signs in as a parent; the help page opens from the login page; the login/password form
 * of login.ftl is hidden until the realm says otherwise, with the operator's logo from a realm override; the link
 * page's organisation search. Every page of ours passes the accessibility check ({@link A11yCheck}) and is
 * photographed at phone and desktop width.
 *
 * <p>Persons: 1000300101 (Захарченко, parent; EsiaLoginE2ETest and RegistryLinkingE2ETest use her too),
 * 1000300102 (Соколова, staff and parent; RegistryLinkingE2ETest expects her first login to match by SNILS and
 * e-mail), 1000300107 (Морозова: not found; the link page is only looked at, nothing is submitted), 1000300103
 * (Петров, 19, student; given a consent in Gosuslugi first — ConsentE2ETest is about consents). Every registry
 * link this class makes for them (by a login, or as the school would) is undone after each test, so the other
 * classes see the registry as if this one had not run. Realm changes (flow binding, localization overrides) are
 * undone too; the realm is re-imported per class anyway.
 */
class PortalJourneyE2ETest extends SchoolRealmBrowserTest {

    private static final String PARENT_OF_TWO = "1000300101";
    private static final String TEACHER_PARENT = "1000300102";
    private static final String UNVERIFIED_CONTACTS = "1000300107";
    private static final String STUDENT_19 = "1000300103";

    private PortalPage portalPage;
    private final Map<String, Set<String>> linkedBefore = new HashMap<>();

    @BeforeEach
    void openThePortal() throws SQLException {
        portalPage = new PortalPage(BROWSER.get(), SharedPortal.get(keycloak).baseUrl());
        for (String oid : List.of(PARENT_OF_TWO, TEACHER_PARENT, UNVERIFIED_CONTACTS, STUDENT_19)) {
            linkedBefore.put(oid, new RegistrySql(keycloak).linkedAccounts(oid));
        }
    }

    /** Undoes the registry links made during the test (logins link the accounts they match). */
    @AfterEach
    void restoreTheRegistry() throws SQLException {
        for (Map.Entry<String, Set<String>> entry : linkedBefore.entrySet()) {
            for (String account : new RegistrySql(keycloak).linkedAccounts(entry.getKey())) {
                if (!entry.getValue().contains(account)) {
                    try (Connection connection = keycloak.database().registryConnection();
                         PreparedStatement unlink = connection.prepareStatement("UPDATE sr_account SET esia_oid = NULL WHERE id = ?");
                         PreparedStatement history = connection.prepareStatement(
                                 "DELETE FROM sr_account_link WHERE account_id = ? AND esia_oid = ?")) {
                        unlink.setString(1, account);
                        unlink.executeUpdate();
                        history.setString(1, account);
                        history.setString(2, entry.getKey());
                        history.executeUpdate();
                    }
                }
            }
        }
    }

    @Test
    void aParentOfTwoGoesFromThePortalThroughTheOrganisationPickerBackToThePortal() throws Exception {
        // The school linked her Гимназия № 5 account (after the cut-off only staff link accounts);
        // restoreTheRegistry() undoes it.
        new RegistrySql(keycloak).execute("UPDATE sr_account SET esia_oid = '" + PARENT_OF_TWO + "' WHERE id = 'acc-zakharchenko-gym5'");
        portalPage.open();
        assertThat(pages.bodyText()).contains("Вход в систему", "Войти через Госуслуги как родитель");
        check("20-portal-start");

        portalPage.loginAs("parent");
        pages.signInAs(PARENT_OF_TWO).grantIfAsked();
        String picker = pages.waitForText("Гимназия № 5");
        assertThat(picker).contains("Выберите организацию", "МБОУ СОШ № 1 г. Челябинска", "Гимназия № 5", "Нет нужной организации");
        check("21-organisation-picker");
        WebDriver driver = BROWSER.get().driver();
        driver.findElements(By.cssSelector("button[name='profile']")).stream()
                .filter(button -> button.getText().contains("Гимназия № 5")).findFirst().orElseThrow().click();

        portalPage.waitUntilSignedIn();
        assertThat(portalPage.userName()).isEqualTo("Захарченко Диана Набиевна");
        assertThat(portalPage.role()).isEqualTo("Родитель");
        assertThat(portalPage.organisation()).isEqualTo("Гимназия № 5");
        assertThat(portalPage.className()).isEqualTo("—");
        assertThat(pages.bodyText()).contains("Все ваши профили", "МБОУ СОШ № 1 г. Челябинска");
        check("22-portal-parent");

        portalPage.logout();
        assertThat(BROWSER.get().currentUrl()).startsWith(portalPage.baseUrl());
    }

    @Test
    void aStudentGoesFromThePortalThroughGosuslugiBackToThePortal() {
        emulator.consents().grant("SCHOOL01", STUDENT_19, STUDENT_19);   // his own consent (18+), given earlier
        portalPage.open();
        portalPage.loginAs("student");
        pages.signInAs(STUDENT_19).grantIfAsked();

        portalPage.waitUntilSignedIn();
        assertThat(portalPage.userName()).startsWith("Петров Никита");
        assertThat(portalPage.role()).isEqualTo("Учащийся");
        assertThat(portalPage.organisation()).isEqualTo("МБОУ СОШ № 1 г. Челябинска");
        assertThat(portalPage.className()).isEqualTo("11А");
        check("29a-portal-student");
        portalPage.logout();
    }

    @Test
    void aTeacherWhoIsAlsoAMotherSignsInAsStaffThenAsParent() {
        portalPage.open();
        portalPage.login();
        BROWSER.get().waitFor(By.id("esia-role-staff"));
        check("23-role-picker-from-portal");
        pages.chooseRole("staff").signInAs(TEACHER_PARENT).grantIfAsked();
        portalPage.waitUntilSignedIn();
        assertThat(portalPage.userName()).startsWith("Соколова Елена");
        assertThat(portalPage.role()).isEqualTo("Педагог / сотрудник");
        assertThat(portalPage.organisation()).isEqualTo("МБОУ СОШ № 1 г. Челябинска");
        assertThat(portalPage.className()).isEqualTo("—");
        check("24-portal-staff");
        portalPage.logout();

        portalPage.login();
        pages.chooseRole("parent");
        pages.signInAs(TEACHER_PARENT).grantIfAsked();
        portalPage.waitUntilSignedIn();
        assertThat(portalPage.userName()).startsWith("Соколова Елена");
        assertThat(portalPage.role()).isEqualTo("Родитель");
        assertThat(portalPage.organisation()).isEqualTo("Гимназия № 5");
        // Both profiles of the one person are listed.
        assertThat(pages.bodyText()).contains("Педагог / сотрудник", "МБОУ СОШ № 1 г. Челябинска");
        portalPage.logout();
    }

    @Test
    void theHelpPageOpensFromTheLoginPage() {
        portalPage.open();
        portalPage.login();
        WebElement help = BROWSER.get().waitFor(By.id("esia-help"));
        assertThat(help.getText()).contains("Как войти через Госуслуги (ЕСИА)");
        String loginWindow = BROWSER.get().driver().getWindowHandle();
        help.click();
        WebDriver driver = BROWSER.get().driver();
        new WebDriverWait(driver, java.time.Duration.ofSeconds(20)).until(d -> d.getWindowHandles().size() == 2);
        try {
            driver.getWindowHandles().stream().filter(h -> !h.equals(loginWindow)).findFirst().ifPresent(h -> driver.switchTo().window(h));
            assertThat(BROWSER.get().currentUrl()).isEqualTo(keycloak.baseUrl() + "/realms/" + REALM + "/esia-help");
            String page = pages.waitForText("Типичные ошибки");
            assertThat(BROWSER.get().waitFor(By.tagName("h1")).getText()).isEqualTo("Как войти через Госуслуги (ЕСИА)");
            assertThat(page).contains("Электронная школа", "Вход с ролью", "Семья и дети", "Привязать учётную запись",
                    "Согласия и доверенности", "С выбранной учётной записью портала Госуслуг не связан ни один пользователь системы");
            for (String anchor : List.of("roles", "child-account", "teen-account", "link-account", "consent", "errors")) {
                assertThat(driver.findElements(By.id(anchor))).as(anchor).hasSize(1);
            }
            assertThat(driver.findElements(By.id("esia-help-footer"))).isEmpty();
            check("25-help-page");
            driver.findElement(By.cssSelector("a[href='#consent']")).click();
            assertThat(BROWSER.get().currentUrl()).endsWith("#consent");
        } finally {
            driver.close();
            driver.switchTo().window(loginWindow);
        }
    }

    @Test
    void thePasswordFormIsHiddenUntilTheRealmShowsItAndTheOperatorLogoComesFromARealmOverride() {
        // A client on Keycloak's standard browser flow sees login.ftl: «Войти через Госуслуги» and, by default, nothing else.
        JsonNode client = admin.get("/admin/realms/" + REALM + "/clients?clientId=school-portal").get(0);
        String browserFlowId = flowId("browser");
        ObjectNode bound = client.deepCopy();
        bound.putObject("authenticationFlowBindingOverrides").put("browser", browserFlowId);
        String clientPath = "/admin/realms/" + REALM + "/clients/" + client.path("id").asText();
        admin.put(clientPath, bound);
        try {
            portalPage.open();
            portalPage.login();
            BROWSER.get().waitFor(By.id("social-esia"));
            assertThat(BROWSER.get().driver().findElements(By.id("kc-form-login"))).isEmpty();
            assertThat(BROWSER.get().driver().findElements(By.id("esia-howto"))).hasSize(1);
            check("26-login-gosuslugi-only");

            admin.post("/admin/realms/" + REALM + "/localization/ru", Map.of(
                    "esiaPasswordForm", "collapsed",
                    "esiaOperatorLogoUrl", LOGO,
                    "esiaOperatorLogoAlt", "Министерство образования (демо)"));
            portalPage.open();
            portalPage.login();
            WebElement summary = BROWSER.get().waitFor(By.id("esia-password-login-toggle"));
            assertThat(BROWSER.get().driver().findElement(By.id("username")).isDisplayed()).isFalse();
            WebElement logo = BROWSER.get().driver().findElement(By.id("esia-operator-logo"));
            assertThat(logo.getAttribute("alt")).isEqualTo("Министерство образования (демо)");
            Object loaded = ((org.openqa.selenium.JavascriptExecutor) BROWSER.get().driver())
                    .executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0;", logo);
            assertThat(loaded).as("the logo image loaded").isEqualTo(Boolean.TRUE);
            summary.click();
            assertThat(BROWSER.get().waitFor(By.id("username")).isDisplayed()).isTrue();
            check("27-login-password-collapsed-with-logo");
        } finally {
            for (String key : List.of("esiaPasswordForm", "esiaOperatorLogoUrl", "esiaOperatorLogoAlt")) {
                admin.send("DELETE", "/admin/realms/" + REALM + "/localization/ru/" + key, null);
            }
            // An empty value removes the override (an absent one would keep it).
            ObjectNode restored = client.deepCopy();
            restored.putObject("authenticationFlowBindingOverrides").put("browser", "");
            admin.put(clientPath, restored);
        }
    }

    @Test
    void theLinkPageFindsTheOrganisationAsYouTypeAndSaysHowManyWereFound() {
        portalPage.open();
        portalPage.loginAs("parent");
        pages.signInAs(UNVERIFIED_CONTACTS).grantIfAsked();
        pages.waitForText("Запись не найдена");
        check("28-not-found-from-portal");
        pages.press("esia-link");
        WebElement query = BROWSER.get().waitFor(By.id("organisationQuery"));
        assertThat(new Select(BROWSER.get().driver().findElement(By.id("organisation"))).getOptions()).hasSizeGreaterThan(2);
        query.sendKeys("гимн 5");
        new WebDriverWait(BROWSER.get().driver(), java.time.Duration.ofSeconds(10))
                .until(d -> d.findElement(By.id("esia-org-count")).getText().contains("Найдено организаций: 1"));
        Select organisation = new Select(BROWSER.get().driver().findElement(By.id("organisation")));
        List<String> values = new ArrayList<>();
        organisation.getOptions().forEach(o -> values.add(o.getAttribute("value")));
        assertThat(values).containsExactly("", "gym-chel-5");
        assertThat(organisation.getFirstSelectedOption().getAttribute("value")).isEqualTo("gym-chel-5");
        assertThat(BROWSER.get().driver().findElement(By.id("esia-org-count")).getAttribute("aria-live")).isEqualTo("polite");
        assertThat(BROWSER.get().driver().findElements(By.id("esia-link-forgot-password"))).hasSize(1);
        assertThat(BROWSER.get().driver().findElements(By.id("rememberMe"))).hasSize(1);
        check("29-link-account-search");
        // Nothing was submitted: no attempt counted, nothing linked, no user.
        assertThat(admin.users(REALM, "esia-" + UNVERIFIED_CONTACTS)).isEmpty();
    }

    /** The accessibility check, then the pictures at phone and desktop width. */
    private void check(String name) {
        A11yCheck.assertPasses(BROWSER.get(), name);
        Screenshots.take(BROWSER.get(), name);
    }

    private static String flowId(String alias) {
        for (JsonNode flow : admin.get("/admin/realms/" + REALM + "/authentication/flows")) {
            if (alias.equals(flow.path("alias").asText())) {
                return flow.path("id").asText();
            }
        }
        throw new AssertionError("no flow " + alias);
    }

    /** A small logo as a data URI (no image host needed); no apostrophes: message values are MessageFormat patterns. */
    private static final String LOGO = "data:image/svg+xml;charset=utf-8,"
            + "%3Csvg xmlns=%27http://www.w3.org/2000/svg%27 width=%2796%27 height=%2748%27 viewBox=%270 0 96 48%27%3E"
            + "%3Crect width=%2796%27 height=%2748%27 rx=%278%27 fill=%27%230d4cd3%27/%3E"
            + "%3Ctext x=%2748%27 y=%2731%27 font-family=%27Arial%27 font-size=%2718%27 fill=%27white%27 text-anchor=%27middle%27%3EEDU%3C/text%3E%3C/svg%3E";
}
