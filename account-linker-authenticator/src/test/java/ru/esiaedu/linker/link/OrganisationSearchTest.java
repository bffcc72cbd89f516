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
    void a_blank_query_finds_everything() {
        assertThat(OrganisationSearch.filter(ALL, "")).isEqualTo(ALL);
        assertThat(OrganisationSearch.filter(ALL, "  ")).isEqualTo(ALL);
        assertThat(OrganisationSearch.filter(ALL, null)).isEqualTo(ALL);
    }

    @Test
    void words_match_the_beginning_of_words_and_numbers_match_whole() {
        assertThat(OrganisationSearch.filter(ALL, "гимн 5")).containsExactly(GYM5);
        assertThat(OrganisationSearch.filter(ALL, "5")).containsExactly(GYM5);
        assertThat(OrganisationSearch.filter(ALL, "15")).containsExactly(LYC15);
        assertThat(OrganisationSearch.filter(ALL, "№1")).containsExactly(SCH1);
        assertThat(OrganisationSearch.filter(ALL, "сош1")).containsExactly(SCH1);
        assertThat(OrganisationSearch.filter(ALL, "инска")).isEmpty();
    }

    @Test
    void case_yo_and_punctuation_do_not_matter_and_the_municipality_counts() {
        assertThat(OrganisationSearch.filter(ALL, "ЕЛОЧКА")).containsExactly(DOU);
        assertThat(OrganisationSearch.filter(ALL, "«ёлочка»")).containsExactly(DOU);
        assertThat(OrganisationSearch.filter(ALL, "копейск")).containsExactly(LYC15);
        assertThat(OrganisationSearch.filter(ALL, "челяб")).containsExactly(SCH1, GYM5);
    }

    @Test
    void hundreds_of_schools_are_narrowed_to_the_one_asked_for() {
        List<Organisation> many = new ArrayList<>();
        for (int i = 1; i <= 800; i++) {
            many.add(new Organisation("s" + i, "SCHOOL", "МАОУ СОШ № " + i, i % 2 == 0 ? "Челябинск" : "Магнитогорск"));
        }
        assertThat(OrganisationSearch.filter(many, "сош 127 магн")).extracting(Organisation::id).containsExactly("s127");
        assertThat(OrganisationSearch.filter(many, "сош 128 магн")).isEmpty();
        assertThat(OrganisationSearch.filter(many, "x".repeat(1000))).isEmpty();
    }
}
