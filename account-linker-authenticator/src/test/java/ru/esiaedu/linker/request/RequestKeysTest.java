package ru.esiaedu.linker.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class RequestKeysTest {

    private static AccessRequestForm form(Map<String, String> values) {
        return AccessRequestForm.read(values::get);
    }

    private static final AccessRequestForm FORM = form(AccessRequestFormTest.valid());

    @Test
    void aDoubleSubmitGivesTheSameKey() {
        String first = RequestKeys.requestKey("root.tab", "1000123", "PARENT", FORM);
        assertThat(RequestKeys.requestKey("root.tab", "1000123", "PARENT", form(AccessRequestFormTest.valid())))
                .isEqualTo(first)
                .hasSize(64)
                .matches("[0-9a-f]{64}");
    }

    @Test
    void spacingAndEmailCaseDoNotMakeANewRequest() {
        Map<String, String> values = AccessRequestFormTest.valid();
        values.put("childFullName", " Иванов  Пётр Сергеевич ");
        values.put("contactEmail", "MARIA@example.ru");
        assertThat(RequestKeys.requestKey("root.tab", "1000123", "PARENT", form(values)))
                .isEqualTo(RequestKeys.requestKey("root.tab", "1000123", "PARENT", FORM));
    }

    @Test
    void anotherLoginPersonRoleOrFormGivesAnotherKey() {
        String key = RequestKeys.requestKey("root.tab", "1000123", "PARENT", FORM);
        assertThat(RequestKeys.requestKey("root.tab2", "1000123", "PARENT", FORM)).isNotEqualTo(key);
        assertThat(RequestKeys.requestKey("root.tab", "1000124", "PARENT", FORM)).isNotEqualTo(key);
        assertThat(RequestKeys.requestKey("root.tab", "1000123", "STUDENT", FORM)).isNotEqualTo(key);
        for (String field : AccessRequestForm.FIELDS) {
            Map<String, String> values = AccessRequestFormTest.valid();
            values.put(field, values.get(field) + "x");
            assertThat(RequestKeys.requestKey("root.tab", "1000123", "PARENT", form(values))).as(field).isNotEqualTo(key);
        }
    }

    @Test
    void fieldBoundariesCannotBeShifted() {
        AccessRequestForm a = new AccessRequestForm("Иванов Пётр", "SCHOOL", "sch-1", "7", "a@b.ru");
        AccessRequestForm b = new AccessRequestForm("Иванов Пётр", "SCHOOL", "sch-17", "", "a@b.ru");
        assertThat(RequestKeys.requestKey("s", "1", "PARENT", a)).isNotEqualTo(RequestKeys.requestKey("s", "1", "PARENT", b));
    }
}
