package ru.esiaedu.linker.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ru.esiaedu.registry.Organisation;

class AccessRequestFormTest {

    static final List<Organisation> ORGANISATIONS = List.of(
            new Organisation("sch-17", "SCHOOL", "МБОУ СОШ № 17", "г. Самара"),
            new Organisation("ds-5", "KINDERGARTEN", "МБДОУ Детский сад № 5", "г. Самара"));

    static Map<String, String> valid() {
        Map<String, String> form = new HashMap<>();
        form.put("childFullName", "Иванов Пётр Сергеевич");
        form.put("organisationType", "SCHOOL");
        form.put("organisationId", "sch-17");
        form.put("className", "5А");
        form.put("contactEmail", "maria@example.ru");
        return form;
    }

    private static Map<String, String> errors(Map<String, String> values) {
        return AccessRequestForm.read(values::get).validate(ORGANISATIONS);
    }

    @Test
    void aCompleteFormPasses() {
        assertThat(errors(valid())).isEmpty();
    }

    @Test
    void valuesAreNormalisedOnTheWayIn() {
        Map<String, String> values = valid();
        values.put("childFullName", "  Иванов\u00A0 Пётр   Сергеевич ");
        values.put("contactEmail", " Maria@Example.RU ");
        values.put("className", " 5 А ");
        AccessRequestForm form = AccessRequestForm.read(values::get);
        assertThat(form.childFullName()).isEqualTo("Иванов Пётр Сергеевич");
        assertThat(form.contactEmail()).isEqualTo("maria@example.ru");
        assertThat(form.className()).isEqualTo("5 А");
        assertThat(form.validate(ORGANISATIONS)).isEmpty();
    }

    @Test
    void everyEmptyFieldHasItsOwnMessage() {
        Map<String, String> errors = errors(new HashMap<>());
        assertThat(errors).containsEntry("childFullName", "esiaRequestChildRequired")
                .containsEntry("organisationType", "esiaRequestTypeRequired")
                .containsEntry("organisationId", "esiaRequestOrganisationRequired")
                .containsEntry("contactEmail", "esiaRequestEmailRequired")
                .doesNotContainKey("className");   // only a school needs a class
    }

    @Test
    void theChildNeedsAtLeastSurnameAndNameInLetters() {
        Map<String, String> values = valid();
        for (String bad : List.of("Иванов", "Иванов 5", "<script> alert", "Иванов Пётр".repeat(20))) {
            values.put("childFullName", bad);
            assertThat(errors(values)).as(bad).containsEntry("childFullName", "esiaRequestChildInvalid");
        }
        for (String good : List.of("Иванов Пётр", "Салтыков-Щедрин Михаил Евграфович", "O'Neil Anna")) {
            values.put("childFullName", good);
            assertThat(errors(values)).as(good).isEmpty();
        }
    }

    @Test
    void theOrganisationMustExistAndBeOfTheChosenType() {
        Map<String, String> values = valid();
        values.put("organisationType", "UNIVERSITY");
        assertThat(errors(values)).containsEntry("organisationType", "esiaRequestTypeInvalid")
                .doesNotContainKey("organisationId");
        values = valid();
        values.put("organisationId", "sch-999");
        assertThat(errors(values)).containsEntry("organisationId", "esiaRequestOrganisationInvalid");
        values = valid();
        values.put("organisationType", "KINDERGARTEN");
        assertThat(errors(values)).containsEntry("organisationId", "esiaRequestOrganisationWrongType");
    }

    @Test
    void aSchoolNeedsAClassAKindergartenDoesNot() {
        Map<String, String> values = valid();
        values.put("className", "");
        assertThat(errors(values)).containsEntry("className", "esiaRequestClassRequired");
        values.put("organisationType", "KINDERGARTEN");
        values.put("organisationId", "ds-5");
        assertThat(errors(values)).isEmpty();
        values.put("className", "5А; DROP TABLE");
        assertThat(errors(values)).containsEntry("className", "esiaRequestClassInvalid");
        values.put("className", "Старшая группа «Б»".repeat(2));
        assertThat(errors(values)).containsEntry("className", "esiaRequestClassInvalid");
    }

    @Test
    void theEmailMustLookLikeOne() {
        Map<String, String> values = valid();
        for (String bad : List.of("maria", "maria@", "maria@example", "a b@example.ru", "a@b@example.ru")) {
            values.put("contactEmail", bad);
            assertThat(errors(values)).as(bad).containsEntry("contactEmail", "esiaRequestEmailInvalid");
        }
        values.put("contactEmail", "мария@пример.рф");
        assertThat(errors(values)).isEmpty();
    }

    @Test
    void markupQuotesHeadersAndOddDotsAreNotAnAddress() {
        Map<String, String> values = valid();
        for (String hostile : List.of("<svg/onload=alert(1)>@evil.ru", "\"a\"@example.ru", "maria@example.ru\r\nBcc: x@y.ru",
                "maria@example.ru,boss@example.ru", ".maria@example.ru", "maria.@example.ru", "ma..ria@example.ru",
                "maria@-example.ru", "maria@example-.ru", "maria@example.r", "maria@example.123", "maria@[127.0.0.1]",
                "maria(comment)@example.ru", "x".repeat(65) + "@example.ru", "maria@" + "a".repeat(250) + ".ru")) {
            values.put("contactEmail", hostile);
            assertThat(errors(values)).as(hostile).containsEntry("contactEmail", "esiaRequestEmailInvalid");
        }
        for (String fine : List.of("maria.ivanova+school@mail.example.ru", "m_ivanova-1985@yandex.ru", "info@школа.рф")) {
            values.put("contactEmail", fine);
            assertThat(errors(values)).as(fine).isEmpty();
        }
    }
}
