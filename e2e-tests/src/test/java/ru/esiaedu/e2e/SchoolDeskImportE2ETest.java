package ru.esiaedu.e2e;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import ru.esiaedu.e2e.support.A11yCheck;
import ru.esiaedu.e2e.support.Browser;
import ru.esiaedu.e2e.support.DeskPages;
import ru.esiaedu.e2e.support.E2e;
import ru.esiaedu.e2e.support.EsiaPages;
import ru.esiaedu.e2e.support.RegistrySql;
import ru.esiaedu.e2e.support.Screenshots;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * «Загрузка из файла» as a school does it: a file saved by Russian Excel («CSV (разделители — точка с запятой)»,
 * Windows-1251) with good and bad rows; the dry run shows every bad row with its reason and writes nothing, «Применить»
 * writes the good ones. The deputy head 1000300115 imports (his staff card is set up here).
 */
class SchoolDeskImportE2ETest extends SchoolRealmBrowserTest {

    @BeforeAll
    static void theSchoolHasADeputyHead() throws Exception {
        SchoolDeskE2ETest.staffOfSchoolOne("acc-nikitin-staff-e2e", "Никитин", "Олег", "Иванович", "34567890325",
                "DEPUTY_HEAD", "NULL");
    }

    @Test
    void aDryRunShowsTheBadRowsAndWritesNothingThenApplyWritesTheGoodOnes() throws Exception {
        String key = "e2e-imp-" + UUID.randomUUID().toString().substring(0, 8);
        Path file = E2e.targetDir().resolve(key + ".csv");
        Files.write(file, String.join("\r\n",
                "Идентификатор;Роль;Фамилия;Имя;Отчество;Дата рождения;СНИЛС;Телефон;Эл. почта;Класс;Родитель для;Кем приходится",
                key + "-1;ученик;Кудрявцев;Максим;Олегович;12.03.2015;;;;5А;;",
                key + "-2;родитель;Кудрявцева;Ольга;Игоревна;;;+7 912 555-77-01;\"olga.k@example.ru\";;" + key + "-1;Мать",
                key + "-3;ученик;Плохой;Снилс;;01.01.2015;123-456-789 00;;;5А;;",
                key + "-4;воспитатель;Неизвестная;Роль;;;;;;;;",
                key + "-5;родитель;Кудрявцев;Олег;;;;8 (912) 555-77-02;;;" + key + "-1;Отец", "").getBytes(Charset.forName("windows-1251")));
        RegistrySql registry = new RegistrySql(keycloak);

        try (Browser browser = Browser.desktop()) {
            EsiaPages esia = new EsiaPages(browser, emulator.baseUrl());
            DeskPages desk = new DeskPages(browser, esia, keycloak.baseUrl(), REALM);
            desk.signInAt("import", SchoolDeskE2ETest.DEPUTY);
            browser.waitFor(By.id("import-file")).sendKeys(file.toString());
            browser.driver().findElement(By.id("import-check")).click();

            String report = esia.waitForText("Строки с ошибками");
            assertThat(report).contains("Проверка: будет создано 3", "Ничего не записано");
            assertThat(browser.driver().findElements(By.cssSelector("table.problems tbody tr td:first-child")))
                    .extracting(cell -> cell.getText()).containsExactly("4", "5");
            assertThat(browser.driver().findElement(By.cssSelector("table.problems")).getText())
                    .contains("СНИЛС с неверным контрольным числом", "Неизвестная роль");
            assertThat(registry.count("SELECT COUNT(*) FROM sr_account WHERE school_person_id LIKE '" + key + "%'")).isZero();
            Screenshots.take(browser, "47-desk-import-dry-run");
            A11yCheck.assertPasses(browser, "the import page");

            browser.driver().findElement(By.id("import-apply")).click();
            assertThat(esia.waitForText("Записано: создано")).contains("Записано: создано 3");
        }
        assertThat(registry.count("SELECT COUNT(*) FROM sr_account WHERE school_person_id LIKE '" + key + "%'")).isEqualTo(3);
        assertThat(registry.count("SELECT COUNT(*) FROM sr_account WHERE school_person_id IN ('" + key + "-3', '" + key + "-4')"))
                .isZero();
        assertThat(registry.count("SELECT COUNT(*) FROM sr_account_phone p JOIN sr_account a ON a.id = p.account_id"
                + " WHERE a.school_person_id = '" + key + "-2' AND p.phone = '79125557701'")).isEqualTo(1);
        assertThat(registry.count("SELECT COUNT(*) FROM sr_change_audit WHERE actor = 'staff:acc-nikitin-staff-e2e'"
                + " AND account_id IN (SELECT id FROM sr_account WHERE school_person_id LIKE '" + key + "%')")).isPositive();
    }
}
