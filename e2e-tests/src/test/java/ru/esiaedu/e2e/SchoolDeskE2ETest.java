package ru.esiaedu.e2e;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;

import com.fasterxml.jackson.databind.JsonNode;

import ru.esiaedu.e2e.support.A11yCheck;
import ru.esiaedu.e2e.support.Browser;
import ru.esiaedu.e2e.support.DeskPages;
import ru.esiaedu.e2e.support.EsiaPages;
import ru.esiaedu.e2e.support.RegistrySql;
import ru.esiaedu.e2e.support.SchoolPortal;
import ru.esiaedu.e2e.support.Screenshots;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The school's side in the browser: «Вход через ЕСИА: 5А» at {@code /realms/school/school-desk/}, signed in through
 * Gosuslugi as «педагоги и сотрудники». Staff: 1000300102 (Соколова, class teacher of 5А), 1000300113 (Лебедева,
 * class teacher of 9Б, set up here) and 1000300115 (Никитин, deputy head, set up here), all of МБОУ СОШ № 1.
 * Families: 1000300112 (Орлов, father in 5А). Nobody else signs these persons in; methods run in random order and each
 * sets up what it needs.
 */
@TestMethodOrder(MethodOrderer.Random.class)
class SchoolDeskE2ETest extends SchoolRealmBrowserTest {

    static final String TEACHER_5A = "1000300102";
    static final String TEACHER_9B = "1000300113";
    static final String DEPUTY = "1000300115";
    static final String FATHER_5A = "1000300112";
    static final String FATHER_CARD = "acc-orlov-f-sch1";

    DeskPages desk;

    /** The school's data as a school would have typed it: two more staff with their positions. */
    @BeforeAll
    static void theSchoolHasATeacherOfAnotherClassAndADeputyHead() throws Exception {
        staffOfSchoolOne("acc-lebedeva-staff-e2e", "Лебедева", "Ирина", "Павловна", "32345678174", "CLASS_TEACHER", "'sch1-9b'");
        staffOfSchoolOne("acc-nikitin-staff-e2e", "Никитин", "Олег", "Иванович", "34567890325", "DEPUTY_HEAD", "NULL");
    }

    static void staffOfSchoolOne(String id, String last, String first, String middle, String snils, String position,
            String classId) throws Exception {
        RegistrySql registry = new RegistrySql(keycloak);
        registry.execute("INSERT INTO sr_account (id, account_role, organisation_id, last_name, first_name, middle_name,"
                + " last_name_norm, first_name_norm, middle_name_norm, snils, created_at) VALUES ('" + id + "', 'STAFF',"
                + " 'sch-chel-1', '" + last + "', '" + first + "', '" + middle + "', '" + last.toUpperCase() + "', '"
                + first.toUpperCase() + "', '" + middle.toUpperCase() + "', '" + snils + "', CURRENT_TIMESTAMP) ON CONFLICT DO NOTHING");
        if (registry.count("SELECT COUNT(*) FROM sr_staff_position WHERE staff_account_id = '" + id + "'") == 0) {
            registry.execute("INSERT INTO sr_staff_position (staff_account_id, organisation_id, position, class_id) VALUES ('"
                    + id + "', 'sch-chel-1', '" + position + "', " + classId + ")");
        }
    }

    @BeforeEach
    void theDesk() {
        desk = new DeskPages(BROWSER.get(), pages, keycloak.baseUrl(), REALM);
    }

    @Test
    void aClassTeacherFillsInAFathersPhoneAndHeThenGetsInThroughGosuslugi() throws Exception {
        desk.signInAt("", TEACHER_5A);
        String page = pages.waitForText("Вход через ЕСИА: 5А");
        assertThat(page).contains("Обратите внимание: данные сохраняются автоматически", "Орлова", "Белов", "Громова");
        assertThat(BROWSER.get().currentUrl()).as("a teacher of one class lands on it").endsWith("/school-desk/classes/sch1-5a");
        desk.showFields("contacts");

        desk.type(FATHER_CARD, "PHONES", "+7 912 555-01-12");

        assertThat(desk.waitForState(FATHER_CARD, "PHONES", "Сохранено")).isEqualTo("Сохранено");
        RegistrySql registry = new RegistrySql(keycloak);
        assertThat(registry.count("SELECT COUNT(*) FROM sr_account_phone WHERE account_id = '" + FATHER_CARD
                + "' AND phone = '79125550112'")).isEqualTo(1);
        assertThat(registry.count("SELECT COUNT(*) FROM sr_change_audit WHERE account_id = '" + FATHER_CARD
                + "' AND field = 'PHONES' AND actor = 'staff:acc-sokolova-sch1'")).isGreaterThanOrEqualTo(1);
        Screenshots.take(BROWSER.get(), "40-desk-class-page");
        A11yCheck.assertPasses(BROWSER.get(), "the class page");

        BROWSER.get().deleteAllCookies();
        BROWSER.get().open(portal.loginUrl(UUID.randomUUID().toString()));
        pages.chooseRole("parent").signInAs(FATHER_5A).grantIfAsked();
        JsonNode claims = SchoolPortal.claims(portal.tokens(pages.waitForUrl(portal::isRedirectBack)).path("access_token").asText());
        assertThat(claims.path("school_profile").path("registry_id").asText()).isEqualTo(FATHER_CARD);
        assertThat(registry.linkedAccounts(FATHER_5A)).containsExactly(FATHER_CARD);

        // The class page now shows him linked; «Отвязать» keeps who and why.
        BROWSER.get().deleteAllCookies();
        desk.signInAt("classes/sch1-5a", TEACHER_5A);
        pages.waitForText("Вход через ЕСИА: 5А");
        org.openqa.selenium.WebElement fatherCell = BROWSER.get().driver().findElement(
                By.xpath("//tr[.//input[@data-account='" + FATHER_CARD + "']]/td[@data-kind='father']"));
        assertThat(fatherCell.getText()).contains("привязан к Госуслугам");
        fatherCell.findElement(By.tagName("summary")).click();
        fatherCell.findElement(By.cssSelector("input[type=text]")).sendKeys("Отец сообщил, что это не его учётная запись");
        fatherCell.findElement(By.cssSelector("button.unlink")).click();
        pages.waitForText("Учётная запись Госуслуг отвязана");
        assertThat(registry.linkedAccounts(FATHER_5A)).isEmpty();
        assertThat(registry.count("SELECT COUNT(*) FROM sr_account_link WHERE account_id = '" + FATHER_CARD + "'"
                + " AND unlinked_by = 'staff:acc-sokolova-sch1' AND unlink_reason = 'Отец сообщил, что это не его учётная запись'"))
                .isEqualTo(1);
    }

    @Test
    void aBadSnilsIsRefusedOnThePageAndNothingIsSent() throws Exception {
        desk.signInAt("classes/sch1-5a", TEACHER_5A);
        pages.waitForText("Вход через ЕСИА: 5А");
        desk.showFields("documents");

        desk.type("acc-gromova-sch1", "SNILS", "123-456-789 00");

        assertThat(desk.waitForState("acc-gromova-sch1", "SNILS", "контрольным числом")).contains("Не сохранено");
        assertThat(desk.field("acc-gromova-sch1", "SNILS").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(new RegistrySql(keycloak).count("SELECT COUNT(*) FROM sr_change_audit WHERE account_id = 'acc-gromova-sch1'"
                + " AND field = 'SNILS'")).isZero();
    }

    @Test
    void aTeacherOfAnotherClassNeitherSeesNorChangesTheRow() throws Exception {
        desk.signInAt("", TEACHER_9B);
        assertThat(pages.waitForText("Вход через ЕСИА: 9Б")).doesNotContain("Орлова", "Белов");

        BROWSER.get().open(desk.url("classes/sch1-5a"));
        assertThat(pages.waitForText("Класс не найден")).doesNotContain("Орлова", "Белов", "Громова");
        Screenshots.take(BROWSER.get(), "44-desk-class-not-found");
        A11yCheck.assertPasses(BROWSER.get(), "a class of someone else");

        assertThat(DeskPages.status(desk.fetch("GET", "classes/sch1-5a/roster", null, true))).isEqualTo(404);
        assertThat(DeskPages.status(desk.fetch("GET", "accounts/" + FATHER_CARD, null, true))).isEqualTo(404);
        assertThat(DeskPages.status(desk.fetch("GET", "accounts/acc-no-such-account", null, true))).isEqualTo(404);
        Map<String, Object> edit = desk.fetch("PUT", "accounts/acc-orlova-m-sch1/fields/PHONES",
                "{\"expected\":\"8 912 888-01-02\",\"value\":\"+7 999 000-00-00\"}", true);
        assertThat(DeskPages.status(edit)).isEqualTo(404);
        assertThat(edit.get("body").toString()).doesNotContain("8 912 888-01-02", "Орлова");
        assertThat(DeskPages.status(desk.fetch("POST", "students/acc-belov-sch1/parents", "{\"kinship\":\"FATHER\"}", true)))
                .isEqualTo(404);
        assertThat(new RegistrySql(keycloak).count("SELECT COUNT(*) FROM sr_account_phone WHERE account_id = 'acc-orlova-m-sch1'"
                + " AND phone = '79990000000'")).isZero();
    }

    @Test
    void aWriteWithoutThePagesHeaderIsRefusedEvenWithTheSession() throws Exception {
        desk.signInAt("classes/sch1-5a", TEACHER_5A);
        pages.waitForText("Вход через ЕСИА: 5А");

        Map<String, Object> forged = desk.fetch("PUT", "accounts/acc-belov-sch1/fields/EMAILS",
                "{\"expected\":\"\",\"value\":\"forged@example.ru\"}", false);

        assertThat(DeskPages.status(forged)).isEqualTo(403);
        assertThat(new RegistrySql(keycloak).count("SELECT COUNT(*) FROM sr_account_email WHERE email = 'forged@example.ru'"))
                .isZero();
    }

    @Test
    void twoStaffEditOneFieldAndTheSecondSeesTheConflictAndMayOverwrite() throws Exception {
        try (Browser deputyBrowser = Browser.desktop()) {
            EsiaPages deputyEsia = new EsiaPages(deputyBrowser, emulator.baseUrl());
            DeskPages deputy = new DeskPages(deputyBrowser, deputyEsia, keycloak.baseUrl(), REALM);
            deputy.signInAt("classes/sch1-5a", DEPUTY);
            deputyEsia.waitForText("Вход через ЕСИА: 5А");
            deputy.showFields("contacts");
            String before = deputy.field("acc-gromova-sch1", "EMAILS").getAttribute("value");

            desk.signInAt("classes/sch1-5a", TEACHER_5A);
            pages.waitForText("Вход через ЕСИА: 5А");
            desk.showFields("contacts");
            String teachers = "gromova." + UUID.randomUUID().toString().substring(0, 6) + "@example.ru";
            desk.type("acc-gromova-sch1", "EMAILS", teachers);
            desk.waitForState("acc-gromova-sch1", "EMAILS", "Сохранено");

            String deputys = "eva." + UUID.randomUUID().toString().substring(0, 6) + "@example.ru";
            deputy.type("acc-gromova-sch1", "EMAILS", deputys);
            String conflict = deputy.waitForState("acc-gromova-sch1", "EMAILS", "Изменено другим сотрудником");
            assertThat(conflict).contains(teachers);
            assertThat(before).isNotEqualTo(teachers);
            Screenshots.take(deputyBrowser, "41-desk-edit-conflict");
            RegistrySql registry = new RegistrySql(keycloak);
            assertThat(registry.count("SELECT COUNT(*) FROM sr_account_email WHERE account_id = 'acc-gromova-sch1' AND email = '"
                    + teachers + "'")).as("the first edit stands").isEqualTo(1);

            deputy.stateOf("acc-gromova-sch1", "EMAILS").findElement(By.cssSelector("button.overwrite")).click();
            deputy.waitForState("acc-gromova-sch1", "EMAILS", "Сохранено");
            assertThat(registry.count("SELECT COUNT(*) FROM sr_account_email WHERE account_id = 'acc-gromova-sch1' AND email = '"
                    + deputys + "'")).isEqualTo(1);
            assertThat(registry.count("SELECT COUNT(*) FROM sr_change_audit WHERE account_id = 'acc-gromova-sch1' AND field = 'EMAILS'"
                    + " AND actor = 'staff:acc-nikitin-staff-e2e'")).isEqualTo(1);
        }
    }

    @Test
    void aPersonSignedInAsParentIsNotLetIntoTheDesk() throws Exception {
        BROWSER.get().open(portal.loginUrl(UUID.randomUUID().toString()));
        pages.chooseRole("parent").signInAs(TEACHER_5A).grantIfAsked();
        pages.waitForUrl(portal::isRedirectBack);

        BROWSER.get().open(desk.url("classes/sch1-5a"));

        String page = pages.waitForText("Только для педагогов и сотрудников");
        assertThat(page).contains("Войти как сотрудник").doesNotContain("Орлова", "Белов");
        assertThat(DeskPages.status(desk.fetch("GET", "classes/sch1-5a/roster", null, true))).isEqualTo(403);
        Screenshots.take(BROWSER.get(), "45-desk-not-staff");
        A11yCheck.assertPasses(BROWSER.get(), "the not-staff page");
    }

    @Test
    void aStaffAccountWithoutPositionIsSentToItsAdministrator() throws Exception {
        RegistrySql registry = new RegistrySql(keycloak);
        registry.execute("DELETE FROM sr_staff_position WHERE staff_account_id = 'acc-lebedeva-staff-e2e'");
        try {
            BROWSER.get().open(desk.url(""));
            pages.signInAs(TEACHER_9B).grantIfAsked();
            String page = pages.waitForText("Учётная запись сотрудника не найдена");
            assertThat(page).contains("обратиться к администратору системы вашей образовательной организации");
            Screenshots.take(BROWSER.get(), "46-desk-no-position");
        } finally {
            staffOfSchoolOne("acc-lebedeva-staff-e2e", "Лебедева", "Ирина", "Павловна", "32345678174", "CLASS_TEACHER", "'sch1-9b'");
        }
    }
}
