package ru.esiaedu.linker.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import ru.esiaedu.registry.Organisation;

/**
 * What «Привязать учётную запись» does with what the person typed, fed arbitrary input: the organisation search
 * (field {@code organisationQuery}) and the attempt counters keyed by organisation and login. Neither throws, the
 * search only narrows the list and looks at no more than {@link OrganisationSearch#MAX_QUERY} characters, and the
 * counter keys are of one size whatever was typed (the login is hashed, never stored).
 */
class LinkFormInputProperties {

    private static final List<Organisation> ORGANISATIONS = List.of(
            new Organisation("gym-chel-5", "SCHOOL", "МАОУ «Гимназия № 5»", "г. Челябинск"),
            new Organisation("sch-1234", "SCHOOL", "ГБОУ Школа № 1234", "г. Москва"),
            new Organisation("ds-5", "KINDERGARTEN", "МБДОУ Детский сад № 5", null),
            new Organisation("col-2", "COLLEGE", "Колледж ёлочных игрушек", "Клин"));

    @Property
    void theSearchOnlyNarrowsTheListInItsOrder(@ForAll("queries") String query) {
        List<Organisation> found = OrganisationSearch.filter(ORGANISATIONS, query);

        assertThat(ORGANISATIONS).containsAll(found);
        assertThat(found).isSortedAccordingTo((a, b) -> Integer.compare(ORGANISATIONS.indexOf(a), ORGANISATIONS.indexOf(b)));
    }

    @Property
    void theSearchIgnoresWhatComesAfterItsLimit(@ForAll("queries") String query, @ForAll("queries") String tail) {
        String head = (query + " ".repeat(OrganisationSearch.MAX_QUERY)).substring(0, OrganisationSearch.MAX_QUERY);

        assertThat(OrganisationSearch.filter(ORGANISATIONS, head + tail)).isEqualTo(OrganisationSearch.filter(ORGANISATIONS, head));
    }

    @Property
    void counterKeysHaveOneSizeWhateverWasTyped(@ForAll("queries") String organisationId, @ForAll("logins") String login) {
        String target = LinkAttemptGuard.targetKey("realm-id", organisationId, "PARENT", login);
        String person = LinkAttemptGuard.personKey("realm-id", login);

        assertThat(target).hasSize(LinkAttemptGuard.targetKey("realm-id", "o", "PARENT", "l").length());
        assertThat(person).hasSize(LinkAttemptGuard.personKey("realm-id", "1").length());
    }

    /** The login is compared as the school stores it: case and surrounding spaces do not make a new counter. */
    @Property
    void aLoginTypedInAnotherCaseOrWithSpacesCountsAgainstTheSameKey(@ForAll("schoolLogins") String login) {
        assertThat(LinkAttemptGuard.targetKey("r", "gym-chel-5", "PARENT", "  " + login.toUpperCase(java.util.Locale.ROOT) + " "))
                .isEqualTo(LinkAttemptGuard.targetKey("r", "gym-chel-5", "PARENT", login.toLowerCase(java.util.Locale.ROOT)));
    }

    @Provide
    Arbitrary<String> queries() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(300),
                Arbitraries.strings().withCharRange('а', 'я').withChars('ё', 'Ё', ' ', '№', '5', '1', '«', '»').ofMaxLength(150),
                Arbitraries.of("гимн 5", "Школа 1234", "ЁЛОЧ", "№5", "5", "москва школа", ""));
    }

    /** Logins as school systems issue them (Latin letters, digits, dots, underscores, @). */
    @Provide
    Arbitrary<String> schoolLogins() {
        return Arbitraries.strings().alpha().numeric().withChars('.', '_', '@').ofMinLength(1).ofMaxLength(60);
    }

    @Provide
    Arbitrary<String> logins() {
        return Arbitraries.oneOf(Arbitraries.strings().alpha().numeric().withChars('.', '_', '@').ofMinLength(1).ofMaxLength(60),
                Arbitraries.strings().ofMinLength(1).ofMaxLength(5000));
    }
}
