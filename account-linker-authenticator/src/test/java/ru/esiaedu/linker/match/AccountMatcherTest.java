package ru.esiaedu.linker.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import ru.esiaedu.esia.api.AccountType;
import ru.esiaedu.esia.person.BrokeredEsiaPerson.Document;
import ru.esiaedu.esia.api.EsiaContact;
import ru.esiaedu.esia.api.EsiaPerson;
import ru.esiaedu.esia.person.BrokeredEsiaPerson;
import ru.esiaedu.esia.person.EsiaPersonDocument;
import ru.esiaedu.login.age.AgeRules;
import ru.esiaedu.registry.DocumentType;
import ru.esiaedu.registry.IdentityDocument;
import ru.esiaedu.registry.Organisation;
import ru.esiaedu.registry.RegistryAccount;
import ru.esiaedu.registry.RegistryRole;
import ru.esiaedu.registry.RegistryUnavailableException;
import ru.esiaedu.registry.LinkRule;

class AccountMatcherTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 15);
    static final Clock CLOCK = Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    static final Organisation SCHOOL = new Organisation("org-1", "SCHOOL", "МБОУ СОШ № 1", "Челябинск");
    static final String SNILS = "11223344595";              // valid check number
    static final String SNILS_ESIA = "112-233-445 95";

    final FakeRegistry registry = new FakeRegistry();
    final AccountMatcher matcher = new AccountMatcher(registry, new AgeRules(CLOCK));

    // ---------------------------------------------------------------- fixtures

    static BrokeredEsiaPerson adult(String snils, String email, String mobile, Document passport) {
        return new BrokeredEsiaPerson("1000001", "Захарченко", "Диана", "Набиевна", LocalDate.of(1985, 4, 2), snils, true,
                AccountType.CONFIRMED, email, mobile, passport, null);
    }

    static BrokeredEsiaPerson child(LocalDate birthDate, String snils, Document birthCertificate, Document passport) {
        return new BrokeredEsiaPerson("2000002", "Джалилов", "Резида", "Егорович", birthDate, snils, false,
                AccountType.CHILD, null, null, passport, birthCertificate);
    }

    static RegistryAccount account(String id, RegistryRole role, String last, String first, String middle, LocalDate birth,
                                   String snils, List<String> phones, List<String> emails, List<IdentityDocument> docs) {
        return new RegistryAccount(id, role, SCHOOL, role == RegistryRole.STUDENT ? "5А" : null, last, first, middle, birth,
                snils, phones, emails, docs, null);
    }

    static RegistryAccount parentAccount(String id) {
        return account(id, RegistryRole.PARENT, "ЗАХАРЧЕНКО", "ДИАНА", "НАБИЕВНА", LocalDate.of(1985, 4, 2), SNILS,
                List.of("79011111111"), List.of("primer123@mail.ru"),
                List.of(new IdentityDocument(DocumentType.PASSPORT, "7500", "123456")));
    }

    // ---------------------------------------------------------------- the age rule (the consent check's instants)

    /** A student with an own confirmed account, SNILS and a passport; the school has the SNILS on the card. */
    private static BrokeredEsiaPerson teen(LocalDate birthDate) {
        return new BrokeredEsiaPerson("3000003", "Петров", "Никита", null, birthDate, SNILS_ESIA, true,
                AccountType.CONFIRMED, null, null, null, null);
    }

    private MatchResult matchStudentAt(String instant, LocalDate birthDate) throws RegistryUnavailableException {
        FakeRegistry school = new FakeRegistry().add(account("st1", RegistryRole.STUDENT, "ПЕТРОВ", "НИКИТА", null,
                birthDate, SNILS, List.of(), List.of(), List.of()));
        AgeRules moscow = new AgeRules(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC).withZone(AgeRules.DEFAULT_ZONE));
        return new AccountMatcher(school, moscow).match(teen(birthDate), RegistryRole.STUDENT);
    }

    @Test
    void aChildBornOnTheTwentyNinthOfFebruaryIsFourteenOnTheTwentyEighthForMatchingAsForConsent() throws Exception {
        LocalDate leapDay = LocalDate.of(2008, 2, 29);
        assertThat(matchStudentAt("2022-02-28T09:00:00Z", leapDay).rule()).isEqualTo(LinkRule.SNILS);
        assertThat(matchStudentAt("2022-02-27T09:00:00Z", leapDay).matched()).isFalse();
    }

    @Test
    void aStudentIsFourteenFromMidnightInMoscowForMatchingWhileTheServerClockIsStillOnTheDayBefore() throws Exception {
        LocalDate born = LocalDate.of(2012, 3, 15);
        assertThat(matchStudentAt("2026-03-14T21:30:00Z", born).rule()).isEqualTo(LinkRule.SNILS);
        assertThat(matchStudentAt("2026-03-14T20:30:00Z", born).matched()).isFalse();
    }

    // ---------------------------------------------------------------- rule 1: SNILS

    @Test
    void adultParentMatchesBySnilsFirst() throws Exception {
        registry.add(parentAccount("p1"));
        MatchResult result = matcher.match(adult(SNILS_ESIA, "primer123@mail.ru", "+7 901 111-11-11", null), RegistryRole.PARENT);
        assertThat(result.rule()).isEqualTo(LinkRule.SNILS);
        assertThat(result.accounts()).extracting(RegistryAccount::id).containsExactly("p1");
        assertThat(registry.queries).containsExactly("SNILS");
    }

    @Test
    void staffMatchesBySnils() throws Exception {
        registry.add(account("s1", RegistryRole.STAFF, "ЗАХАРЧЕНКО", "ДИАНА", null, null, SNILS, List.of(), List.of(), List.of()));
        assertThat(matcher.match(adult(SNILS_ESIA, null, null, null), RegistryRole.STAFF).rule()).isEqualTo(LinkRule.SNILS);
    }

    @Test
    void onlyAccountsOfTheChosenRoleMatch() throws Exception {
        registry.add(parentAccount("p1"));
        assertThat(matcher.match(adult(SNILS_ESIA, null, null, null), RegistryRole.STAFF).matched()).isFalse();
    }

    @Test
    void untrustedAccountNeverMatchesBySnils() throws Exception {
        registry.add(parentAccount("p1"));
        BrokeredEsiaPerson simplified = new BrokeredEsiaPerson("1000001", "Захарченко", "Диана", "Набиевна",
                LocalDate.of(1985, 4, 2), SNILS_ESIA, false, AccountType.SIMPLIFIED, null, null, null, null);
        assertThat(matcher.match(simplified, RegistryRole.PARENT).matched()).isFalse();
        assertThat(registry.queries).doesNotContain("SNILS", "NAME");
    }

    @Test
    void snilsWithAWrongCheckNumberIsNotUsed() throws Exception {
        registry.add(parentAccount("p1"));
        assertThat(matcher.match(adult("112-233-445 96", null, null, null), RegistryRole.PARENT).matched()).isFalse();
        assertThat(registry.queries).doesNotContain("SNILS");
    }

    @Test
    void studentSnilsCountsFromThe14thBirthday() throws Exception {
        LocalDate fourteenToday = TODAY.minusYears(14);
        registry.add(account("st1", RegistryRole.STUDENT, "ДЖАЛИЛОВ", "РЕЗИДА", "ЕГОРОВИЧ", fourteenToday, SNILS,
                List.of(), List.of(), List.of()));
        assertThat(matcher.match(child(fourteenToday, SNILS_ESIA, null, null), RegistryRole.STUDENT).rule())
                .isEqualTo(LinkRule.SNILS);
    }

    @Test
    void studentSnilsIsNotUsedTheDayBeforeThe14thBirthday() throws Exception {
        LocalDate fourteenTomorrow = TODAY.minusYears(14).plusDays(1);
        registry.add(account("st1", RegistryRole.STUDENT, "ДЖАЛИЛОВ", "РЕЗИДА", "ЕГОРОВИЧ", fourteenTomorrow, SNILS,
                List.of(), List.of(), List.of()));
        assertThat(matcher.match(child(fourteenTomorrow, SNILS_ESIA, null, null), RegistryRole.STUDENT).matched()).isFalse();
        assertThat(registry.queries).doesNotContain("SNILS");
    }

    // ---------------------------------------------------------------- rule 2: PHONE / EMAIL

    @Test
    void verifiedPhoneMatchesInAnySpelling() throws Exception {
        registry.add(parentAccount("p1"));
        for (String phone : List.of("+7 901 111-11-11", "8 (901) 1111111", "79011111111", "+7(901)1111111", "9011111111")) {
            assertThat(matcher.match(adult(null, null, phone, null), RegistryRole.PARENT).rule()).as(phone).isEqualTo(LinkRule.PHONE);
        }
    }

    @Test
    void phoneComesBeforeEmail() throws Exception {
        registry.add(parentAccount("p1"));
        matcher.match(adult(null, "primer123@mail.ru", "+79011111111", null), RegistryRole.PARENT);
        assertThat(registry.queries).containsExactly("PHONE");
    }

    @Test
    void verifiedEmailMatchesCaseInsensitively() throws Exception {
        registry.add(parentAccount("p1"));
        MatchResult result = matcher.match(adult(null, " Primer123@MAIL.ru ", null, null), RegistryRole.PARENT);
        assertThat(result.rule()).isEqualTo(LinkRule.EMAIL);
    }

    @Test
    void emailOffByOneLetterDoesNotMatch() throws Exception {
        registry.add(parentAccount("p1"));
        assertThat(matcher.match(adult(null, "primer124@mail.ru", null, null), RegistryRole.PARENT).matched()).isFalse();
    }

    @Test
    void unverifiedEmailIsNotInThePersonAndNeverMatches() throws Exception {
        registry.add(parentAccount("p1"));
        // What the ESIA provider hands over for a person whose only e-mail ESIA has not verified.
        EsiaPerson fromEsia = EsiaPerson.builder("1000001").lastName("Иванова").firstName("Анна").trusted(true)
                .addContact(new EsiaContact("1", EsiaContact.EML, "primer123@mail.ru", false)).build();
        BrokeredEsiaPerson person = EsiaPersonDocument.parse(
                EsiaPersonDocument.write(fromEsia, AccountType.CONFIRMED).toString());
        assertThat(matcher.match(person, RegistryRole.PARENT).matched()).isFalse();
        assertThat(registry.queries).doesNotContain("EMAIL");
    }

    @Test
    void childAccountMatchesByVerifiedEmail() throws Exception {
        registry.add(account("st1", RegistryRole.STUDENT, "ДЖАЛИЛОВ", "РЕЗИДА", null, null, null, List.of(),
                List.of("kid@mail.ru"), List.of()));
        BrokeredEsiaPerson kid = new BrokeredEsiaPerson("2000002", "Джалилов", "Резида", null, TODAY.minusYears(10), null, false,
                AccountType.CHILD, "kid@mail.ru", null, null, null);
        assertThat(matcher.match(kid, RegistryRole.STUDENT).rule()).isEqualTo(LinkRule.EMAIL);
    }

    // ---------------------------------------------------------------- a contact counts only for its owner

    private static BrokeredEsiaPerson person(String last, String first, LocalDate birth, AccountType type,
                                             String email, String mobile) {
        return new BrokeredEsiaPerson("1000009", last, first, null, birth, null, type != AccountType.SIMPLIFIED, type,
                email, mobile, null, null);
    }

    private static RegistryAccount card(String id, RegistryRole role, String last, String first, LocalDate birth,
                                        List<String> phones, List<String> emails) {
        return account(id, role, last, first, null, birth, null, phones, emails, List.of());
    }

    @Test
    void aParentWhoPicksStudentDoesNotGetTheChildsCardThatCarriesTheParentsPhone() throws Exception {
        registry.add(card("st1", RegistryRole.STUDENT, "ДЖАЛИЛОВ", "РЕЗИДА", LocalDate.of(2011, 6, 3),
                List.of("79011111111"), List.of()));
        BrokeredEsiaPerson mother = person("Захарченко", "Диана", LocalDate.of(1985, 4, 2), AccountType.CONFIRMED,
                null, "+7 901 111-11-11");
        assertThat(matcher.match(mother, RegistryRole.STUDENT).matched()).isFalse();
        assertThat(registry.links).isEmpty();
    }

    @Test
    void aSpouseSharingTheFamilyEmailDoesNotGetTheOtherSpousesCard() throws Exception {
        registry.add(card("p1", RegistryRole.PARENT, "МОРОЗОВ", "ИГОРЬ", LocalDate.of(1980, 1, 10), List.of(),
                List.of("morozovy@mail.ru")));
        BrokeredEsiaPerson wife = person("Морозова", "Ольга", LocalDate.of(1982, 5, 5), AccountType.CONFIRMED,
                "morozovy@mail.ru", null);
        assertThat(matcher.match(wife, RegistryRole.PARENT).matched()).isFalse();
    }

    @Test
    void aRecycledNumberDoesNotGiveThePreviousOwnersCardToTheNewOne() throws Exception {
        registry.add(card("p1", RegistryRole.PARENT, "ПЕТРОВА", "МАРИЯ", null, List.of("79011111111"), List.of()));
        assertThat(matcher.match(person("Захарченко", "Диана", LocalDate.of(1985, 4, 2), AccountType.CONFIRMED, null,
                "+79011111111"), RegistryRole.PARENT).matched()).isFalse();
    }

    @Test
    void aPlaceholderNumberOnManyCardsGivesEachPersonOnlyTheirOwnCard() throws Exception {
        for (String[] name : new String[][] {{"ИВАНОВА", "АННА"}, {"ПЕТРОВА", "МАРИЯ"}, {"ЗАХАРЧЕНКО", "ДИАНА"}}) {
            registry.add(card("p-" + name[0], RegistryRole.PARENT, name[0], name[1], null, List.of("79000000000"),
                    List.of()));
        }
        MatchResult result = matcher.match(person("Захарченко", "Диана", null, AccountType.CONFIRMED, null,
                "89000000000"), RegistryRole.PARENT);
        assertThat(result.accounts()).extracting(RegistryAccount::id).containsExactly("p-ЗАХАРЧЕНКО");
    }

    @Test
    void aNamesakeWithAnotherBirthDateOnTheCardIsNotTheSamePerson() throws Exception {
        registry.add(card("p1", RegistryRole.PARENT, "ЗАХАРЧЕНКО", "ДИАНА", LocalDate.of(1961, 2, 3),
                List.of("79011111111"), List.of()));
        assertThat(matcher.match(person("Захарченко", "Диана", LocalDate.of(1985, 4, 2), AccountType.CONFIRMED, null,
                "+79011111111"), RegistryRole.PARENT).matched()).isFalse();
    }

    @Test
    void aStudentCardWithAnotherBirthDateNeverGoesToThePerson() throws Exception {
        registry.add(card("st1", RegistryRole.STUDENT, "ДЖАЛИЛОВ", "РЕЗИДА", LocalDate.of(2011, 6, 3), List.of(),
                List.of("kid@mail.ru")));
        BrokeredEsiaPerson olderBrother = person("Джалилов", "Резида", LocalDate.of(2005, 6, 3), AccountType.CONFIRMED,
                "kid@mail.ru", null);
        assertThat(matcher.match(olderBrother, RegistryRole.STUDENT).matched()).isFalse();
    }

    @Test
    void theNameMayBeWrittenWithEOrYoInAnyCaseWithHyphensOrSwappedOnTheCard() throws Exception {
        registry.add(card("st1", RegistryRole.STUDENT, "артём", "соколов-", null, List.of("79011111111"), List.of()));
        BrokeredEsiaPerson artem = person("Соколов", "Артем", LocalDate.of(2016, 1, 1), AccountType.CHILD, null,
                "+79011111111");
        assertThat(matcher.match(artem, RegistryRole.STUDENT).rule()).isEqualTo(LinkRule.PHONE);
    }

    @Test
    void theBirthDateAloneIdentifiesAParentWhoseCardHasAnotherSurname() throws Exception {
        registry.add(card("p1", RegistryRole.PARENT, "ИВАНОВА", "ДИАНА", LocalDate.of(1985, 4, 2),
                List.of("79011111111"), List.of()));
        assertThat(matcher.match(person("Захарченко", "Диана", LocalDate.of(1985, 4, 2), AccountType.CONFIRMED, null,
                "+79011111111"), RegistryRole.PARENT).rule()).isEqualTo(LinkRule.PHONE);
    }

    @Test
    void aTwinDoesNotGetTheCoTwinsCardThatCarriesTheFamilyPhone() throws Exception {
        registry.add(card("st1", RegistryRole.STUDENT, "ПЕТРОВА", "МАРИЯ", LocalDate.of(2012, 5, 5),
                List.of("79011111111"), List.of()));
        BrokeredEsiaPerson anna = person("Петрова", "Анна", LocalDate.of(2012, 5, 5), AccountType.CONFIRMED, null,
                "+7(901)1111111");
        assertThat(matcher.match(anna, RegistryRole.STUDENT).matched()).isFalse();
    }

    @Test
    void aSpouseBornOnTheSameDayDoesNotGetTheOtherSpousesCard() throws Exception {
        registry.add(card("p1", RegistryRole.PARENT, "ИВАНОВА", "ОЛЬГА", LocalDate.of(1984, 7, 7),
                List.of("79011111111", "79022222222"), List.of()));
        BrokeredEsiaPerson husband = person("Иванов", "Олег", LocalDate.of(1984, 7, 7), AccountType.CONFIRMED, null,
                "+79022222222");
        assertThat(matcher.match(husband, RegistryRole.PARENT).matched()).isFalse();
    }

    @Test
    void aNamesakeWithAnotherMiddleNameIsNotTheSamePerson() throws Exception {
        registry.add(account("p1", RegistryRole.PARENT, "СМИРНОВА", "ЕЛЕНА", "АНДРЕЕВНА", null, null,
                List.of("79011111111"), List.of(), List.of()));
        BrokeredEsiaPerson elena = new BrokeredEsiaPerson("1000009", "Смирнова", "Елена", "Викторовна", null, null, true,
                AccountType.CONFIRMED, null, "+79011111111", null, null);
        assertThat(matcher.match(elena, RegistryRole.PARENT).matched()).isFalse();
        BrokeredEsiaPerson noMiddleName = new BrokeredEsiaPerson("1000009", "Смирнова", "Елена", null, null, null, true,
                AccountType.CONFIRMED, null, "+79011111111", null, null);
        assertThat(matcher.match(noMiddleName, RegistryRole.PARENT).matched()).as("one side without a middle name").isTrue();
    }

    @Test
    void staffNeedNameAndBirthDateToMatchByContact() throws Exception {
        registry.add(card("s1", RegistryRole.STAFF, "СОКОЛОВА", "ЕЛЕНА", LocalDate.of(1980, 3, 3), List.of(),
                List.of("sokolova@school.ru")));
        assertThat(matcher.match(person("Соколова", "Елена", null, AccountType.CONFIRMED, "sokolova@school.ru", null),
                RegistryRole.STAFF).matched()).isFalse();
        assertThat(matcher.match(person("Иванова", "Мария", LocalDate.of(1980, 3, 3), AccountType.CONFIRMED,
                "sokolova@school.ru", null), RegistryRole.STAFF).matched()).isFalse();
        assertThat(matcher.match(person("Соколова", "Елена", LocalDate.of(1980, 3, 3), AccountType.CONFIRMED,
                "sokolova@school.ru", null), RegistryRole.STAFF).rule()).isEqualTo(LinkRule.EMAIL);
    }

    @Test
    void aContactLeadingToSeveralPeopleWhoAllFitLinksNothing() throws Exception {
        // Twins' cards with one phone and no birth date, and the ESIA person has the same surname and first name
        // as both (a typo on one card): only the school can tell.
        registry.add(card("st1", RegistryRole.STUDENT, "ИВАНОВ", "ПЁТР", LocalDate.of(2014, 5, 5),
                List.of("79011111111"), List.of()));
        registry.add(card("st2", RegistryRole.STUDENT, "ИВАНОВ", "ПЕТР", null, List.of("79011111111"), List.of()));
        registry.add(card("st3", RegistryRole.STUDENT, "ИВАНОВ", "ПЁТР", LocalDate.of(2016, 5, 5),
                List.of("79011111111"), List.of()));
        MatchResult result = matcher.match(person("Иванов", "Пётр", null, AccountType.CHILD, null, "+79011111111"),
                RegistryRole.STUDENT);
        assertThat(result.matched()).isFalse();
        assertThat(result.ambiguous()).isTrue();
        assertThat(result.rule()).isEqualTo(LinkRule.PHONE);
    }

    @Test
    void theSamePersonInTwoSchoolsIsOnePersonEvenIfOnlyOneSchoolTypedTheBirthDate() throws Exception {
        registry.add(card("p1", RegistryRole.PARENT, "ЗАХАРЧЕНКО", "ДИАНА", LocalDate.of(1985, 4, 2),
                List.of("79011111111"), List.of()));
        registry.add(card("p2", RegistryRole.PARENT, "Захарченко", "Диана", null, List.of("79011111111"), List.of()));
        MatchResult result = matcher.match(person("Захарченко", "Диана", LocalDate.of(1985, 4, 2), AccountType.CONFIRMED,
                null, "+79011111111"), RegistryRole.PARENT);
        assertThat(result.accounts()).extracting(RegistryAccount::id).containsExactlyInAnyOrder("p1", "p2");
    }

    @Test
    void aSimplifiedAccountNeverMatchesAParentOrStaffCardByContact() throws Exception {
        registry.add(parentAccount("p1"));
        BrokeredEsiaPerson simplified = new BrokeredEsiaPerson("1000001", "Захарченко", "Диана", null,
                LocalDate.of(1985, 4, 2), null, false, AccountType.SIMPLIFIED, "primer123@mail.ru", "+79011111111", null,
                null);
        assertThat(matcher.match(simplified, RegistryRole.PARENT).matched()).isFalse();
    }

    @Test
    void aSimplifiedChildAccountMatchesItsOwnCardByTheContactTheSchoolEnteredWithTheNameAgreeing() throws Exception {
        registry.add(card("st1", RegistryRole.STUDENT, "СОКОЛОВ", "АРТЁМ", LocalDate.of(2016, 1, 1),
                List.of("79012222222"), List.of()));
        assertThat(matcher.match(person("Соколов", "Артём", LocalDate.of(2016, 1, 1), AccountType.SIMPLIFIED, null,
                "+79012222222"), RegistryRole.STUDENT).rule()).isEqualTo(LinkRule.PHONE);
        assertThat(matcher.match(person("Петров", "Артём", LocalDate.of(2016, 1, 1), AccountType.SIMPLIFIED, null,
                "+79012222222"), RegistryRole.STUDENT).matched()).isFalse();
    }

    // ---------------------------------------------------------------- rule 3: NAME_DOCUMENT

    @Test
    void adultMatchesByNameBirthDateAndPassport() throws Exception {
        registry.add(parentAccount("p1"));
        MatchResult result = matcher.match(adult(null, null, null, new Document("75 00", "123456")), RegistryRole.PARENT);
        assertThat(result.rule()).isEqualTo(LinkRule.NAME_DOCUMENT);
    }

    @Test
    void nameIsComparedNormalised() throws Exception {
        registry.add(account("p1", RegistryRole.PARENT, "СЕМЕНОВА АЛЕКСАНДРОВА", "АННА", null, LocalDate.of(1985, 4, 2), null,
                List.of(), List.of(), List.of(new IdentityDocument(DocumentType.PASSPORT, "7500", "123456"))));
        BrokeredEsiaPerson person = new BrokeredEsiaPerson("1", "Семёнова-Александрова", " анна ", "Петровна", LocalDate.of(1985, 4, 2),
                null, true, AccountType.CONFIRMED, null, null, new Document("7500", "123456"), null);
        assertThat(matcher.match(person, RegistryRole.PARENT).rule()).isEqualTo(LinkRule.NAME_DOCUMENT);
    }

    @Test
    void differentBirthDateDoesNotMatch() throws Exception {
        registry.add(parentAccount("p1"));
        BrokeredEsiaPerson person = new BrokeredEsiaPerson("1000001", "Захарченко", "Диана", "Набиевна", LocalDate.of(1985, 4, 3),
                null, true, AccountType.CONFIRMED, null, null, new Document("7500", "123456"), null);
        assertThat(matcher.match(person, RegistryRole.PARENT).matched()).isFalse();
    }

    @Test
    void differentMiddleNameDoesNotMatch() throws Exception {
        registry.add(parentAccount("p1"));
        BrokeredEsiaPerson person = new BrokeredEsiaPerson("1000001", "Захарченко", "Диана", "Петровна", LocalDate.of(1985, 4, 2),
                null, true, AccountType.CONFIRMED, null, null, new Document("7500", "123456"), null);
        assertThat(matcher.match(person, RegistryRole.PARENT).matched()).isFalse();
    }

    @Test
    void wrongPassportNumberDoesNotMatch() throws Exception {
        registry.add(parentAccount("p1"));
        assertThat(matcher.match(adult(null, null, null, new Document("7500", "123457")), RegistryRole.PARENT).matched()).isFalse();
    }

    @Test
    void untrustedAccountNeverMatchesByDocuments() throws Exception {
        registry.add(parentAccount("p1"));
        BrokeredEsiaPerson person = new BrokeredEsiaPerson("1000001", "Захарченко", "Диана", "Набиевна", LocalDate.of(1985, 4, 2),
                null, false, AccountType.SIMPLIFIED, null, null, new Document("7500", "123456"), null);
        assertThat(matcher.match(person, RegistryRole.PARENT).matched()).isFalse();
    }

    @Test
    void childUnder14MatchesByBirthCertificateInAnySpelling() throws Exception {
        LocalDate birth = TODAY.minusYears(9);
        registry.add(account("st1", RegistryRole.STUDENT, "ДЖАЛИЛОВ", "РЕЗИДА", "ЕГОРОВИЧ", birth, null, List.of(), List.of(),
                List.of(new IdentityDocument(DocumentType.BIRTH_CERTIFICATE, "IVМЮ", "654321"))));
        MatchResult result = matcher.match(child(birth, null, new Document("iv-мю", "654321"), null), RegistryRole.STUDENT);
        assertThat(result.rule()).isEqualTo(LinkRule.NAME_DOCUMENT);
    }

    @Test
    void childUnder14IsNotMatchedByAPassportAndViceVersa() throws Exception {
        LocalDate birth = TODAY.minusYears(9);
        registry.add(account("st1", RegistryRole.STUDENT, "ДЖАЛИЛОВ", "РЕЗИДА", "ЕГОРОВИЧ", birth, null, List.of(), List.of(),
                List.of(new IdentityDocument(DocumentType.PASSPORT, "7500", "654321"))));
        assertThat(matcher.match(child(birth, null, null, new Document("7500", "654321")), RegistryRole.STUDENT).matched()).isFalse();
    }

    @Test
    void from14AStudentNeedsThePassportNotTheBirthCertificate() throws Exception {
        LocalDate birth = TODAY.minusYears(14);
        registry.add(account("st1", RegistryRole.STUDENT, "ДЖАЛИЛОВ", "РЕЗИДА", "ЕГОРОВИЧ", birth, null, List.of(), List.of(),
                List.of(new IdentityDocument(DocumentType.BIRTH_CERTIFICATE, "IVМЮ", "654321"))));
        assertThat(matcher.match(child(birth, null, new Document("IV-МЮ", "654321"), null), RegistryRole.STUDENT).matched()).isFalse();
    }

    // ---------------------------------------------------------------- order, ownership, failures

    @Test
    void firstRuleThatFindsAnythingWins() throws Exception {
        registry.add(parentAccount("p1"));
        registry.add(account("p2", RegistryRole.PARENT, "ДРУГАЯ", "ЗАПИСЬ", null, null, null, List.of(), List.of("primer123@mail.ru"), List.of()));
        MatchResult result = matcher.match(adult(SNILS_ESIA, "primer123@mail.ru", null, null), RegistryRole.PARENT);
        assertThat(result.rule()).isEqualTo(LinkRule.SNILS);
        assertThat(result.accounts()).extracting(RegistryAccount::id).containsExactly("p1");
    }

    @Test
    void accountLinkedToAnotherEsiaPersonIsSkippedAndTheNextRuleTried() throws Exception {
        RegistryAccount p1 = parentAccount("p1");
        registry.add(new RegistryAccount("p1", p1.role(), p1.organisation(), null, p1.lastName(), p1.firstName(), p1.middleName(),
                p1.birthDate(), p1.snils(), List.of(), List.of(), p1.documents(), "someone-else"));
        registry.add(account("p2", RegistryRole.PARENT, "ЗАХАРЧЕНКО", "ДИАНА", null, null, null, List.of(), List.of("primer123@mail.ru"), List.of()));
        MatchResult result = matcher.match(adult(SNILS_ESIA, "primer123@mail.ru", null, null), RegistryRole.PARENT);
        assertThat(result.rule()).isEqualTo(LinkRule.EMAIL);
        assertThat(result.accounts()).extracting(RegistryAccount::id).containsExactly("p2");
    }

    @Test
    void anyRoleReturnsOneResultPerMatchedRole() throws Exception {
        registry.add(parentAccount("p1"));
        registry.add(account("s1", RegistryRole.STAFF, "Z", "Z", null, null, SNILS, List.of(), List.of(), List.of()));
        List<MatchResult> results = matcher.matchAnyRole(adult(SNILS_ESIA, null, null, null));
        assertThat(results).extracting(r -> r.accounts().get(0).id()).containsExactly("p1", "s1");
    }

    @Test
    void nothingToMatchWithAsksNothing() throws Exception {
        BrokeredEsiaPerson empty = new BrokeredEsiaPerson("1", null, null, null, null, null, true, AccountType.CONFIRMED,
                null, null, null, null);
        assertThat(matcher.match(empty, RegistryRole.PARENT).matched()).isFalse();
        assertThat(registry.queries).isEmpty();
    }

    @Test
    void registryDownIsReportedNotSwallowed() {
        registry.down = true;
        assertThatThrownBy(() -> matcher.match(adult(SNILS_ESIA, null, null, null), RegistryRole.PARENT))
                .isInstanceOf(RegistryUnavailableException.class);
    }
}
