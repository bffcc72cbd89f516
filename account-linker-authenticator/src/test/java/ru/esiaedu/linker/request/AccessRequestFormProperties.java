package ru.esiaedu.linker.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import ru.esiaedu.registry.Organisation;

/**
 * «Обратиться в организацию» fed arbitrary input: reading never throws, the only outcomes are the form's documented
 * messages, and whatever passes fits the registry's columns (sr_access_request: child_full_name 300,
 * organisation_type 32, organisation_id 64, class_name 64, contact_email 254, request_key 200).
 */
class AccessRequestFormProperties {

    private static final Set<String> MESSAGES = Set.of("esiaRequestChildRequired", "esiaRequestChildInvalid",
            "esiaRequestTypeRequired", "esiaRequestTypeInvalid", "esiaRequestOrganisationRequired",
            "esiaRequestOrganisationInvalid", "esiaRequestOrganisationWrongType", "esiaRequestClassRequired",
            "esiaRequestClassInvalid", "esiaRequestEmailRequired", "esiaRequestEmailInvalid");

    private static final List<Organisation> ORGANISATIONS = AccessRequestFormTest.ORGANISATIONS;

    @Property
    void anyInputEndsInTheDocumentedMessagesOnly(@ForAll("forms") Map<String, String> fields) {
        AccessRequestForm form = AccessRequestForm.read(fields::get);
        Map<String, String> errors = form.validate(ORGANISATIONS);

        assertThat(AccessRequestForm.FIELDS).containsAll(errors.keySet());
        assertThat(MESSAGES).containsAll(errors.values());
    }

    @Property
    void whatPassesFitsTheRegistryColumns(@ForAll("forms") Map<String, String> fields) {
        AccessRequestForm form = AccessRequestForm.read(fields::get);
        if (!form.validate(ORGANISATIONS).isEmpty()) {
            return;
        }
        assertThat(form.childFullName().length()).isBetween(1, AccessRequestForm.MAX_NAME);
        assertThat(form.className().length()).isLessThanOrEqualTo(AccessRequestForm.MAX_CLASS);
        assertThat(form.contactEmail().length()).isBetween(1, AccessRequestForm.MAX_EMAIL);
        assertThat(OrganisationTypes.ALL).contains(form.organisationType());
        assertThat(form.organisation(ORGANISATIONS)).isPresent();
        assertThat(RequestKeys.requestKey("session.tab", "1000300101", "PARENT", form).length()).isLessThanOrEqualTo(200);
    }

    @Property
    void aFieldOverItsLimitIsAlwaysRefusedWithItsOwnMessage(@ForAll("forms") Map<String, String> fields,
                                                             @ForAll("longWords") String tooLong) {
        Map<String, String> values = new HashMap<>(fields);
        values.put(AccessRequestForm.FIELD_CHILD, tooLong + " " + tooLong);
        values.put(AccessRequestForm.FIELD_CLASS, tooLong);
        values.put(AccessRequestForm.FIELD_EMAIL, tooLong + "@example.ru");
        Map<String, String> errors = AccessRequestForm.read(values::get).validate(ORGANISATIONS);

        assertThat(errors).containsEntry(AccessRequestForm.FIELD_CHILD, "esiaRequestChildInvalid")
                .containsEntry(AccessRequestForm.FIELD_CLASS, "esiaRequestClassInvalid")
                .containsEntry(AccessRequestForm.FIELD_EMAIL, "esiaRequestEmailInvalid");
    }

    /** Reading what was read changes nothing: the key of a re-sent form is the key of the first one. */
    @Property
    void normalisingTwiceIsNormalisingOnce(@ForAll("forms") Map<String, String> fields) {
        AccessRequestForm once = AccessRequestForm.read(fields::get);
        Map<String, String> again = Map.of(AccessRequestForm.FIELD_CHILD, once.childFullName(),
                AccessRequestForm.FIELD_TYPE, once.organisationType(), AccessRequestForm.FIELD_ORGANISATION, once.organisationId(),
                AccessRequestForm.FIELD_CLASS, once.className(), AccessRequestForm.FIELD_EMAIL, once.contactEmail());
        assertThat(AccessRequestForm.read(again::get)).isEqualTo(once);
    }

    @Provide
    Arbitrary<Map<String, String>> forms() {
        Arbitrary<String> child = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(400),
                Arbitraries.strings().withCharRange('а', 'я').withChars(' ', '-', '\u00A0', '\t').ofMaxLength(200),
                Arbitraries.of("Иванов Пётр Сергеевич", "O'Neil Anna", "Салтыков-Щедрин Михаил"));
        Arbitrary<String> type = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(40),
                Arbitraries.of("SCHOOL", "KINDERGARTEN", "COLLEGE", " school ", "SUPPLEMENTARY"));
        Arbitrary<String> organisation = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(80),
                Arbitraries.of("sch-17", "ds-5", " sch-17 ", "SCH-17"));
        Arbitrary<String> className = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(80),
                Arbitraries.strings().withCharRange('0', '9').withCharRange('А', 'Я').withChars(' ', '-', '/').ofMaxLength(30));
        Arbitrary<String> email = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(300),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(260).map(local -> local + "@example.ru"),
                Arbitraries.of("maria@example.ru", " Maria@Example.RU "));
        return net.jqwik.api.Combinators.combine(child.injectNull(0.05), type.injectNull(0.05), organisation.injectNull(0.05),
                className.injectNull(0.05), email.injectNull(0.05)).as((c, t, o, k, e) -> {
                    Map<String, String> form = new HashMap<>();
                    form.put(AccessRequestForm.FIELD_CHILD, c);
                    form.put(AccessRequestForm.FIELD_TYPE, t);
                    form.put(AccessRequestForm.FIELD_ORGANISATION, o);
                    form.put(AccessRequestForm.FIELD_CLASS, k);
                    form.put(AccessRequestForm.FIELD_EMAIL, e);
                    return form;
                });
    }

    /** One word longer than every limit of the form, in letters every pattern accepts. */
    @Provide
    Arbitrary<String> longWords() {
        return Arbitraries.strings().withCharRange('а', 'я').ofMinLength(AccessRequestForm.MAX_EMAIL + 1).ofMaxLength(2000);
    }
}
