package ru.esiaedu.linker.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import ru.esiaedu.registry.Organisation;

class OrganisationSearchTest {

    static final Organisation SCH1 = new Organisation("sch-chel-1", "SCHOOL", "МБОУ СОШ № 1 г. Челябинска", "Челябинск");
    static final Organisation GYM5 = new Organisation("gym-chel-5", "SCHOOL", "Гимназия № 5", "Челябинск");
    static final Organisation LYC15 = new Organisation("lyc-15", "SCHOOL", "Лицей № 15", "Копейск");
    static final Organisation DOU = new Organisation("dou-12", "KINDERGARTEN", "МБДОУ «Детский сад № 12 „Ёлочка“»", null);
    static final List<Organisation> ALL = List.of(SCH1, GYM5, LYC15, DOU);

    @Test
    void aBlankQueryFindsEverything() {
        assertThat(OrganisationSearch.filter(ALL, "")).isEqualTo(ALL);
        assertThat(OrganisationSearch.filter(ALL, "  ")).isEqualTo(ALL);
        assertThat(OrganisationSearch.filter(ALL, null)).isEqualTo(ALL);
    }

    @Test
    void wordsMatchTheBeginningOfWordsAndNumbersMatchWhole() {
        assertThat(OrganisationSearch.filter(ALL, "гимн 5")).containsExactly(GYM5);
        assertThat(OrganisationSearch.filter(ALL, "5")).containsExactly(GYM5);
        assertThat(OrganisationSearch.filter(ALL, "15")).containsExactly(LYC15);
        assertThat(OrganisationSearch.filter(ALL, "№1")).containsExactly(SCH1);
        assertThat(OrganisationSearch.filter(ALL, "сош1")).containsExactly(SCH1);
        assertThat(OrganisationSearch.filter(ALL, "инска")).isEmpty();
    }

    @Test
    void caseYoAndPunctuationDoNotMatterAndTheMunicipalityCounts() {
        assertThat(OrganisationSearch.filter(ALL, "ЕЛОЧКА")).containsExactly(DOU);
        assertThat(OrganisationSearch.filter(ALL, "«ёлочка»")).containsExactly(DOU);
        assertThat(OrganisationSearch.filter(ALL, "копейск")).containsExactly(LYC15);
        assertThat(OrganisationSearch.filter(ALL, "челяб")).containsExactly(SCH1, GYM5);
    }

    @Test
    void hundredsOfSchoolsAreNarrowedToTheOneAskedFor() {
        List<Organisation> many = new ArrayList<>();
        for (int i = 1; i <= 800; i++) {
            many.add(new Organisation("s" + i, "SCHOOL", "МАОУ СОШ № " + i, i % 2 == 0 ? "Челябинск" : "Магнитогорск"));
        }
        assertThat(OrganisationSearch.filter(many, "сош 127 магн")).extracting(Organisation::id).containsExactly("s127");
        assertThat(OrganisationSearch.filter(many, "сош 128 магн")).isEmpty();
        assertThat(OrganisationSearch.filter(many, "x".repeat(1000))).isEmpty();
    }
}
