package ru.esiaedu.benchmarks.lookups;

/** The registry lookups a login makes: the first login's match rules, the profile refresh, a card by id. */
enum Rule {
    SNILS("findBySnils"),
    PHONE("findByPhone"),
    EMAIL("findByEmail"),
    NAME_BIRTH_DATE("findByNameAndBirthDate"),
    NAME_BIRTH_DATE_MIDDLE("findByNameAndBirthDate + middle name"),
    LINKED("findLinked (profile refresh)"),
    BY_ID("findById");

    final String finder;

    Rule(String finder) {
        this.finder = finder;
    }
}
