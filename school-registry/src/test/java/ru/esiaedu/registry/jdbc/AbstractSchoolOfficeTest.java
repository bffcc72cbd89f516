package ru.esiaedu.registry.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import ru.esiaedu.registry.AccessRequest;
import ru.esiaedu.registry.RegistryAccount;
import ru.esiaedu.registry.RegistryRole;
import ru.esiaedu.registry.SchoolRegistryProvider;
import ru.esiaedu.registry.school.Actor;
import ru.esiaedu.registry.school.AuditEntry;
import ru.esiaedu.registry.school.CardField;
import ru.esiaedu.registry.imports.ImportFile;
import ru.esiaedu.registry.school.EditResult;
import ru.esiaedu.registry.school.ImportChange;
import ru.esiaedu.registry.school.ImportProblem;
import ru.esiaedu.registry.school.ImportProgress;
import ru.esiaedu.registry.school.ImportReport;
import ru.esiaedu.registry.school.ImportRow;
import ru.esiaedu.registry.school.SchoolClass;
import ru.esiaedu.registry.school.FieldEdit;
import ru.esiaedu.registry.school.InboxRequest;
import ru.esiaedu.registry.school.InboxRequestStatus;
import ru.esiaedu.registry.school.Kinship;
import ru.esiaedu.registry.school.PersonCard;
import ru.esiaedu.registry.school.RosterRow;
import ru.esiaedu.registry.school.SchoolOffice;
import ru.esiaedu.registry.school.StaffAssignment;
import ru.esiaedu.registry.school.StaffLinkResult;
import ru.esiaedu.registry.school.StaffPosition;

/**
 * The school's side of the JDBC registry, run on H2 and on a real PostgreSQL. Each test works in an organisation of
 * its own ({@link SchoolFixture}) plus a second one whose ids must behave as unknown; the demo data is only read.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractSchoolOfficeTest {

    static final Actor TEACHER = Actor.staff("te-1");
    static final Actor DEPUTY = Actor.staff("deputy-1");

    JdbcSchoolRegistryProviderFactory factory;
    SchoolRegistryProvider registry;
    SchoolOffice office;
    SchoolFixture school;
    SchoolFixture other;

    abstract RegistryConfig config();

    abstract Connection admin() throws SQLException;

    @BeforeAll
    void openRegistry() {
        factory = new JdbcSchoolRegistryProviderFactory();
        factory.init(config());
        factory.setClock(AbstractRegistryTest.CLOCK);
        registry = factory.create(null);
        office = registry.office().orElseThrow();
    }

    @AfterAll
    void closeRegistry() {
        if (factory != null) {
            factory.close();
        }
    }

    @BeforeEach
    void freshOrganisations() throws Exception {
        registry.organisations();     // migrates on first use
        try (Connection c = admin()) {
            school = SchoolFixture.create(c);
            other = SchoolFixture.create(c);
        }
    }

    // --- demo data ------------------------------------------------------------------------------------------------

    @Test
    void demoClassPageHasSeveralStudentsWithMotherAndFather() throws Exception {
        List<RosterRow> rows = office.roster("sch-chel-1", "sch1-5a");
        assertThat(rows).extracting(r -> r.student().field(CardField.LAST_NAME))
                .containsExactly("Белов", "Громова", "Орлова", "Семенова");
        RosterRow orlova = rows.get(2);
        assertThat(orlova.mother().field(CardField.FIRST_NAME)).isEqualTo("Ксения");
        assertThat(orlova.mother().field(CardField.PHONES)).isEqualTo("8 912 888-01-02");
        assertThat(orlova.mother().kinship()).isEqualTo(Kinship.MOTHER);
        assertThat(orlova.father().field(CardField.EMAILS)).isEqualTo("D.Orlov@example.ru");
        assertThat(rows.get(0).mother()).isNotNull();
        assertThat(rows.get(0).father()).isNull();
        assertThat(rows.get(1).mother()).isNull();
        assertThat(office.roster("sch-chel-1", "sch1-9b")).singleElement().satisfies(r -> {
            assertThat(r.mother().field(CardField.LAST_NAME)).isEqualTo("Захарченко");
            assertThat(r.father().field(CardField.FIRST_NAME)).isEqualTo("Егор");
        });
    }

    @Test
    void demoStaffHaveTheirPositions() throws Exception {
        assertThat(office.assignments("acc-sokolova-sch1")).containsExactly(
                new StaffAssignment("acc-sokolova-sch1", "sch-chel-1", StaffPosition.CLASS_TEACHER, "sch1-5a"));
        assertThat(office.assignments("acc-dzhalilov-t-staff-sch1")).containsExactly(
                new StaffAssignment("acc-dzhalilov-t-staff-sch1", "sch-chel-1", StaffPosition.ADMINISTRATOR, null));
        assertThat(office.assignments("acc-kovaleva-gym5")).extracting(StaffAssignment::classId)
                .containsExactlyInAnyOrder("gym5-4v", "gym5-6a");
        assertThat(office.assignments("acc-vasiliev-gym5")).extracting(StaffAssignment::position)
                .containsExactly(StaffPosition.ADMINISTRATOR);
        // the new administrator is found by the SNILS ESIA gives for 1000300110, in the staff role only
        assertThat(registry.findBySnils(RegistryRole.STAFF, "289-012-345 79")).extracting(RegistryAccount::id)
                .containsExactly("acc-dzhalilov-t-staff-sch1");
    }

    @Test
    void nonStaffAndUnknownAccountsHaveNoPositions() throws Exception {
        assertThat(office.assignments("acc-zakharchenko-sch1")).isEmpty();
        assertThat(office.assignments(school.student)).isEmpty();
        assertThat(office.assignments("no-such-account")).isEmpty();
        assertThat(office.assignments(null)).isEmpty();
    }

    // --- organisation scoping ---------------------------------------------------------------------------------------

    @Test
    void anotherOrganisationsIdsBehaveAsUnknown() throws Exception {
        String org = school.org;
        assertThat(office.card(org, other.student)).isEmpty();
        assertThat(office.roster(org, other.classA)).isEmpty();
        assertThat(office.schoolClass(org, other.classA)).isEmpty();
        assertThat(office.classOfStudent(org, other.student)).isEmpty();
        assertThat(office.childrenOfParent(org, other.mother)).isEmpty();
        assertThat(office.search(org, null, "Яковлева", 50)).extracting(PersonCard::accountId)
                .containsExactlyInAnyOrder(school.student, school.mother);
        assertThat(office.edit(TEACHER, org, new FieldEdit(other.mother, CardField.PHONES, "8 916 123-45-67",
                "+7 900 000-00-01"))).isEqualTo(new EditResult.Invalid("unknown_account"));
        assertThat(office.card(other.org, other.mother).orElseThrow().field(CardField.PHONES)).isEqualTo("8 916 123-45-67");
        assertThat(office.link(TEACHER, org, other.student, "2000000001")).isEqualTo(StaffLinkResult.NO_ACCOUNT);
        assertThat(registry.findLinked("2000000001")).isEmpty();
        assertThatThrownBy(() -> office.addParent(TEACHER, org, other.student, Kinship.MOTHER))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(office.history(org, other.student, 10)).isEmpty();

        registry.createAccessRequest(new AccessRequest("scoping-" + other.org, "2000000002", RegistryRole.PARENT,
                "Яковлева Софья", "SCHOOL", other.org, "5А", null));
        long foreign = office.requests(other.org, null, 0, 10).get(0).id();
        assertThat(office.request(org, foreign)).isEmpty();
        assertThat(office.requests(org, null, 0, 10)).isEmpty();
        assertThat(office.resolveByLinking(TEACHER, org, foreign, school.student))
                .isEqualTo(StaffLinkResult.REQUEST_NOT_OPEN);
        assertThat(office.resolveByLinking(TEACHER, org, foreign, other.student))
                .isEqualTo(StaffLinkResult.REQUEST_NOT_OPEN);
        assertThat(office.reject(TEACHER, org, foreign, "нет")).isFalse();
        assertThat(office.request(other.org, foreign).orElseThrow().status()).isEqualTo(InboxRequestStatus.NEW);
        assertThat(auditRows(other.org)).isZero();

        registry.link(other.student, "2000000003", ru.esiaedu.registry.LinkRule.SNILS);
        assertThat(office.unlink(TEACHER, org, other.student, "ошибка")).isFalse();
        assertThat(registry.findLinked("2000000003")).extracting(RegistryAccount::id).containsExactly(other.student);
    }

    @Test
    void permissionLookupsAnswerForTheOwnOrganisation() throws Exception {
        assertThat(office.classOfStudent(school.org, school.student)).contains(school.classA);
        assertThat(office.classOfStudent(school.org, school.mother)).isEmpty();
        assertThat(office.childrenOfParent(school.org, school.mother)).containsExactly(school.student);
        assertThat(office.childrenOfParent(school.org, school.student)).isEmpty();
        assertThat(office.classes(school.org)).extracting(c -> c.name()).containsExactly("5А", "5Б");
        assertThat(office.schoolClass(school.org, school.classB).orElseThrow().name()).isEqualTo("5Б");
        assertThat(office.assignments(school.teacher)).containsExactly(
                new StaffAssignment(school.teacher, school.org, StaffPosition.CLASS_TEACHER, school.classA));
    }

    // --- the class page ---------------------------------------------------------------------------------------------

    @Test
    void rosterIsOrderedByNameWithParentsCards() throws Exception {
        List<RosterRow> rows = office.roster(school.org, school.classA);
        assertThat(rows).extracting(r -> r.student().accountId()).containsExactly(school.classmate, school.student);
        RosterRow row = rows.get(1);
        assertThat(row.mother().accountId()).isEqualTo(school.mother);
        assertThat(row.father().accountId()).isEqualTo(school.father);
        assertThat(row.student().fields()).containsEntry(CardField.BIRTH_DATE, "2015-03-04")
                .containsEntry(CardField.SNILS, "").containsEntry(CardField.MIDDLE_NAME, "Андреевна");
        assertThat(row.student().linked()).isFalse();
        assertThat(rows.get(0).mother()).isNull();
    }

    @Test
    void secondEditorOfOneFieldGetsAConflictAndNothingIsLost() throws Exception {
        FieldEdit first = new FieldEdit(school.father, CardField.PHONES, "", "+7 (903) 111-22-33");
        FieldEdit second = new FieldEdit(school.father, CardField.PHONES, "", "8 903 999 88 77");
        assertThat(office.edit(TEACHER, school.org, first)).isEqualTo(new EditResult.Saved("+7 (903) 111-22-33"));
        assertThat(office.edit(DEPUTY, school.org, second)).isEqualTo(new EditResult.Conflict("+7 (903) 111-22-33"));
        assertThat(office.card(school.org, school.father).orElseThrow().field(CardField.PHONES))
                .isEqualTo("+7 (903) 111-22-33");
        assertThat(here(registry.findByPhone(RegistryRole.PARENT, "+79039998877"))).isEmpty();
        // with the value it now shows, the second editor may overwrite it
        assertThat(office.edit(DEPUTY, school.org, new FieldEdit(school.father, CardField.PHONES, "+7 (903) 111-22-33",
                "8 903 999 88 77"))).isEqualTo(new EditResult.Saved("8 903 999 88 77"));
        assertThat(office.history(school.org, school.father, 10)).hasSize(2);
    }

    @Test
    void invalidValuesAreRefusedWithTheirReasonAndStoreNothing() throws Exception {
        Map<FieldEdit, String> cases = new java.util.LinkedHashMap<>();
        cases.put(new FieldEdit(school.student, CardField.SNILS, "", "112-233-445 96"), "snils_check_digit");
        cases.put(new FieldEdit(school.student, CardField.SNILS, "", "12-34"), "snils");
        cases.put(new FieldEdit(school.mother, CardField.PHONES, "8 916 123-45-67", "8 916 123-45-67, звонить вечером"), "phone");
        cases.put(new FieldEdit(school.mother, CardField.PHONES, "8 916 123-45-67", "+1 212 555 0100"), "phone");
        cases.put(new FieldEdit(school.mother, CardField.EMAILS, "", "irina@@mail.ru"), "email");
        cases.put(new FieldEdit(school.mother, CardField.EMAILS, "", "irina mail.ru"), "email");
        cases.put(new FieldEdit(school.student, CardField.BIRTH_DATE, "2015-03-04", "02.09.2026"), "birth_date");
        cases.put(new FieldEdit(school.student, CardField.BIRTH_DATE, "2015-03-04", "31.12.1899"), "birth_date");
        cases.put(new FieldEdit(school.student, CardField.BIRTH_DATE, "2015-03-04", "31.02.2015"), "birth_date");
        cases.put(new FieldEdit(school.student, CardField.LAST_NAME, "Яковлева", "  "), "required");
        cases.put(new FieldEdit(school.student, CardField.FIRST_NAME, "Софья", ""), "required");
        cases.put(new FieldEdit(school.student, CardField.LAST_NAME, "Яковлева", "Я".repeat(101)), "too_long");
        cases.put(new FieldEdit(school.student, CardField.LAST_NAME, "Яковлева", "=cmd|' /C calc'!A0"), "name");
        cases.put(new FieldEdit(school.mother, CardField.PHONES, "8 916 123-45-67",
                "89000000001, 89000000002, 89000000003, 89000000004, 89000000005, 89000000006"), "too_many");
        PersonCard studentBefore = office.card(school.org, school.student).orElseThrow();
        PersonCard motherBefore = office.card(school.org, school.mother).orElseThrow();
        for (Map.Entry<FieldEdit, String> c : cases.entrySet()) {
            assertThat(office.edit(TEACHER, school.org, c.getKey())).as(c.getValue())
                    .isEqualTo(new EditResult.Invalid(c.getValue()));
        }
        assertThat(office.card(school.org, school.student).orElseThrow()).isEqualTo(studentBefore);
        assertThat(office.card(school.org, school.mother).orElseThrow()).isEqualTo(motherBefore);
        assertThat(auditRows(school.org)).isZero();
    }

    @Test
    void savedEditIsAuditedWithOldAndNewValueAndActor() throws Exception {
        assertThat(office.edit(TEACHER, school.org, new FieldEdit(school.mother, CardField.PHONES, "8 916 123-45-67",
                "8 916 123-45-67, +7 912 000-00-02"))).isInstanceOf(EditResult.Saved.class);
        assertThat(office.edit(TEACHER, school.org, new FieldEdit(school.mother, CardField.LAST_NAME, "Яковлева",
                "Яковлева-Сидорова"))).isEqualTo(new EditResult.Saved("Яковлева-Сидорова"));
        List<AuditEntry> history = office.history(school.org, school.mother, 10);
        assertThat(history).extracting(AuditEntry::field).containsExactly("LAST_NAME", "PHONES");
        assertThat(history.get(0).oldValue()).isEqualTo("Яковлева");
        assertThat(history.get(0).newValue()).isEqualTo("Яковлева-Сидорова");
        assertThat(history.get(0).actor()).isEqualTo("staff:te-1");
        assertThat(history.get(0).organisationId()).isEqualTo(school.org);
        assertThat(history.get(0).at()).isEqualTo(AbstractRegistryTest.CLOCK.instant());
        assertThat(history.get(1).oldValue()).isEqualTo("8 916 123-45-67");
        assertThat(history.get(1).newValue()).isEqualTo("8 916 123-45-67, +7 912 000-00-02");
        assertThat(history.get(0).toString()).doesNotContain("Яковлева");
        // the same value again is no change: no audit row
        assertThat(office.edit(TEACHER, school.org, new FieldEdit(school.mother, CardField.LAST_NAME,
                "Яковлева-Сидорова", " Яковлева-Сидорова "))).isEqualTo(new EditResult.Saved("Яковлева-Сидорова"));
        assertThat(office.history(school.org, school.mother, 10)).hasSize(2);
    }

    @Test
    void theMatcherFindsThePersonRightAfterAnEdit() throws Exception {
        assertThat(office.edit(TEACHER, school.org, new FieldEdit(school.father, CardField.PHONES, "",
                "8 (922) 700-10-20"))).isInstanceOf(EditResult.Saved.class);
        assertThat(here(registry.findByPhone(RegistryRole.PARENT, "+7(922)7001020"))).extracting(RegistryAccount::id)
                .containsExactly(school.father);
        assertThat(office.edit(TEACHER, school.org, new FieldEdit(school.father, CardField.EMAILS, "",
                " A.Yakovlev@Example.RU "))).isEqualTo(new EditResult.Saved("A.Yakovlev@Example.RU"));
        assertThat(here(registry.findByEmail(RegistryRole.PARENT, "a.yakovlev@example.ru"))).extracting(RegistryAccount::id)
                .containsExactly(school.father);
        assertThat(office.edit(TEACHER, school.org, new FieldEdit(school.father, CardField.SNILS, "",
                "11223344595"))).isEqualTo(new EditResult.Saved("112-233-445 95"));
        assertThat(here(registry.findBySnils(RegistryRole.PARENT, "112-233-445 95"))).extracting(RegistryAccount::id)
                .containsExactly(school.father);
        assertThat(office.edit(TEACHER, school.org, new FieldEdit(school.father, CardField.BIRTH_DATE, "",
                "7.3.1984"))).isEqualTo(new EditResult.Saved("1984-03-07"));
        assertThat(office.edit(TEACHER, school.org, new FieldEdit(school.father, CardField.FIRST_NAME, "Андрей",
                "Артём"))).isEqualTo(new EditResult.Saved("Артём"));
        assertThat(registry.findByNameAndBirthDate(RegistryRole.PARENT, "Яковлев", "Артем", "Петрович",
                LocalDate.of(1984, 3, 7))).extracting(RegistryAccount::id).containsExactly(school.father);
    }

    @Test
    void phonesEditReplacesTheContactRows() throws Exception {
        assertThat(office.edit(TEACHER, school.org, new FieldEdit(school.mother, CardField.PHONES, "8 916 123-45-67",
                "+7 912 000-00-02; 8 912 000 00 02"))).isEqualTo(new EditResult.Saved("+7 912 000-00-02"));
        assertThat(registry.findByPhone(RegistryRole.PARENT, "89161234567")).extracting(RegistryAccount::id)
                .doesNotContain(school.mother).contains(other.mother);
        assertThat(registry.findById(school.mother).orElseThrow().phones()).containsExactly("79120000002");
        assertThat(office.edit(TEACHER, school.org, new FieldEdit(school.mother, CardField.PHONES, "+7 912 000-00-02",
                ""))).isEqualTo(new EditResult.Saved(""));
        assertThat(registry.findById(school.mother).orElseThrow().phones()).isEmpty();
    }

    @Test
    void middleNameAndSnilsCanBeEmptied() throws Exception {
        assertThat(office.edit(TEACHER, school.org, new FieldEdit(school.student, CardField.MIDDLE_NAME, "Андреевна",
                ""))).isEqualTo(new EditResult.Saved(""));
        assertThat(registry.findById(school.student).orElseThrow().middleName()).isNull();
        assertThat(office.edit(TEACHER, school.org, new FieldEdit(school.student, CardField.BIRTH_DATE, "2015-03-04",
                ""))).isEqualTo(new EditResult.Saved(""));
        assertThat(registry.findById(school.student).orElseThrow().birthDate()).isNull();
    }

    @Test
    void addParentCreatesOneAuditedEmptyCardPerKinship() throws Exception {
        PersonCard mother = office.addParent(TEACHER, school.org, school.classmate, Kinship.MOTHER);
        assertThat(mother.role()).isEqualTo(RegistryRole.PARENT);
        assertThat(mother.kinship()).isEqualTo(Kinship.MOTHER);
        assertThat(mother.field(CardField.LAST_NAME)).isEmpty();
        assertThat(office.addParent(DEPUTY, school.org, school.classmate, Kinship.MOTHER).accountId())
                .isEqualTo(mother.accountId());
        assertThat(office.addParent(TEACHER, school.org, school.student, Kinship.FATHER).accountId())
                .isEqualTo(school.father);
        assertThat(office.roster(school.org, school.classA).get(0).mother().accountId()).isEqualTo(mother.accountId());
        assertThat(office.childrenOfParent(school.org, mother.accountId())).containsExactly(school.classmate);
        assertThat(office.history(school.org, mother.accountId(), 10)).extracting(AuditEntry::field)
                .containsExactly("CREATED");
        assertThat(office.history(school.org, school.classmate, 10)).singleElement()
                .satisfies(e -> assertThat(e.newValue()).isEqualTo(mother.accountId() + " MOTHER"));
        assertThatThrownBy(() -> office.addParent(TEACHER, school.org, school.mother, Kinship.MOTHER))
                .as("a parent is no student").isInstanceOf(IllegalArgumentException.class);
        // the new card is filled in like any other
        assertThat(office.edit(TEACHER, school.org, new FieldEdit(mother.accountId(), CardField.LAST_NAME, "",
                "Андреева"))).isEqualTo(new EditResult.Saved("Андреева"));
    }

    @Test
    void twoStaffAddingTheSameMotherAtOnceCreateOneCard() throws Exception {
        List<String> ids = AbstractRegistryTest.race(4,
                i -> office.addParent(Actor.staff("s" + i), school.org, school.otherStudent, Kinship.MOTHER).accountId());
        assertThat(ids).containsOnly(ids.get(0));
        assertThat(office.childrenOfParent(school.org, ids.get(0))).containsExactly(school.otherStudent);
    }

    @Test
    void searchFindsByNormalisedNameParts() throws Exception {
        assertThat(office.search(school.org, null, "яковл", 10)).extracting(PersonCard::accountId)
                .containsExactly(school.father, school.mother, school.student);
        assertThat(office.search(school.org, RegistryRole.STUDENT, "яковлева софья", 10)).extracting(PersonCard::accountId)
                .containsExactly(school.student);
        assertThat(office.search(school.org, RegistryRole.STUDENT, "Софья Яковлева", 10)).extracting(PersonCard::accountId)
                .containsExactly(school.student);
        assertThat(office.search(school.org, null, "%", 10)).isEmpty();
        assertThat(office.search(school.org, null, "_", 10)).isEmpty();
        assertThat(office.search(school.org, null, "  ", 10)).isEmpty();
        assertThat(office.search(school.org, null, "яковл", 1)).hasSize(1);
    }

    // --- staff linking -----------------------------------------------------------------------------------------------

    @Test
    void staffLinkAndUnlinkAreRecordedAndAudited() throws Exception {
        assertThat(office.link(TEACHER, school.org, school.mother, "3000000001")).isEqualTo(StaffLinkResult.LINKED);
        assertThat(registry.findLinked("3000000001")).extracting(RegistryAccount::id).containsExactly(school.mother);
        assertThat(office.card(school.org, school.mother).orElseThrow().linked()).isTrue();
        assertThat(office.link(TEACHER, school.org, school.mother, "3000000001")).isEqualTo(StaffLinkResult.ALREADY_LINKED);
        assertThat(office.link(TEACHER, school.org, school.mother, "3000000002")).isEqualTo(StaffLinkResult.HELD_BY_ANOTHER);
        assertThat(office.link(TEACHER, school.org, "no-such", "3000000002")).isEqualTo(StaffLinkResult.NO_ACCOUNT);
        assertThat(linkRows(school.mother)).containsExactly("3000000001 STAFF null");

        assertThat(office.unlink(DEPUTY, school.org, school.mother, "родитель сообщил об ошибке")).isTrue();
        assertThat(office.unlink(DEPUTY, school.org, school.mother, "ещё раз")).isFalse();
        assertThat(registry.findLinked("3000000001")).isEmpty();
        assertThat(linkRows(school.mother)).containsExactly("3000000001 STAFF staff:deputy-1");
        assertThat(office.history(school.org, school.mother, 10)).extracting(e -> e.field() + " " + e.oldValue() + " "
                + e.newValue()).containsExactly("ESIA_LINK 3000000001 null", "ESIA_LINK null 3000000001");
        // now the real owner can be linked
        assertThat(office.link(TEACHER, school.org, school.mother, "3000000002")).isEqualTo(StaffLinkResult.LINKED);
        assertThatThrownBy(() -> office.link(TEACHER, school.org, school.father, " "))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> office.link(null, school.org, school.father, "3000000009"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // --- the requests inbox ------------------------------------------------------------------------------------------

    @Test
    void requestIsListedWithRequesterNameAndResolvedByLinkingOnce() throws Exception {
        long id = openRequest("resolve-" + school.org, "4000000001");
        InboxRequest open = office.request(school.org, id).orElseThrow();
        assertThat(open.requesterFullName()).isEqualTo("Яковлева Ирина Олеговна");
        assertThat(open.childFullName()).isEqualTo("Яковлева Софья");
        assertThat(open.status()).isEqualTo(InboxRequestStatus.NEW);
        assertThat(open.number()).startsWith("Р-2026-");
        assertThat(office.requests(school.org, InboxRequestStatus.NEW, 0, 10)).extracting(InboxRequest::id).containsExactly(id);

        assertThat(office.resolveByLinking(TEACHER, school.org, id, school.mother)).isEqualTo(StaffLinkResult.LINKED);
        assertThat(office.resolveByLinking(TEACHER, school.org, id, school.mother)).isEqualTo(StaffLinkResult.REQUEST_NOT_OPEN);
        assertThat(office.resolveByLinking(TEACHER, school.org, id, school.father)).isEqualTo(StaffLinkResult.REQUEST_NOT_OPEN);
        InboxRequest done = office.request(school.org, id).orElseThrow();
        assertThat(done.status()).isEqualTo(InboxRequestStatus.LINKED);
        assertThat(done.linkedAccountId()).isEqualTo(school.mother);
        assertThat(done.resolvedBy()).isEqualTo("staff:te-1");
        assertThat(done.resolvedAt()).isEqualTo(AbstractRegistryTest.CLOCK.instant());
        assertThat(registry.findLinked("4000000001")).extracting(RegistryAccount::id).containsExactly(school.mother);
        assertThat(linkRows(school.mother)).containsExactly("4000000001 STAFF null");
        assertThat(registry.findLinked("4000000001")).hasSize(1);
        assertThat(office.requests(school.org, InboxRequestStatus.NEW, 0, 10)).isEmpty();
        assertThat(office.history(school.org, school.mother, 10)).extracting(AuditEntry::field)
                .containsExactly("ACCESS_REQUEST", "ESIA_LINK");
    }

    @Test
    void doubleSubmitOfAResolutionLinksOnce() throws Exception {
        long id = openRequest("race-" + school.org, "4000000002");
        List<StaffLinkResult> results = AbstractRegistryTest.race(6, i -> office.resolveByLinking(Actor.staff("s" + i),
                school.org, id, i % 2 == 0 ? school.mother : school.father));
        assertThat(results).filteredOn(r -> r == StaffLinkResult.LINKED).hasSize(1);
        assertThat(results).filteredOn(r -> r != StaffLinkResult.LINKED).containsOnly(StaffLinkResult.REQUEST_NOT_OPEN);
        assertThat(registry.findLinked("4000000002")).hasSize(1);
        assertThat(count("SELECT COUNT(*) FROM sr_account_link WHERE esia_oid = '4000000002'")).isEqualTo(1);
    }

    @Test
    void aRequestOnAnAccountHeldByAnotherStaysOpen() throws Exception {
        registry.link(school.mother, "4000000099", ru.esiaedu.registry.LinkRule.PHONE);
        long id = openRequest("held-" + school.org, "4000000003");
        assertThat(office.resolveByLinking(TEACHER, school.org, id, school.mother)).isEqualTo(StaffLinkResult.HELD_BY_ANOTHER);
        assertThat(office.resolveByLinking(TEACHER, school.org, id, other.mother)).isEqualTo(StaffLinkResult.NO_ACCOUNT);
        assertThat(office.request(school.org, id).orElseThrow().status()).isEqualTo(InboxRequestStatus.NEW);
        assertThat(registry.findLinked("4000000003")).isEmpty();
        // the person was linked by matching meanwhile: the request closes, nothing is linked twice
        registry.link(school.father, "4000000003", ru.esiaedu.registry.LinkRule.PHONE);
        assertThat(office.resolveByLinking(TEACHER, school.org, id, school.father)).isEqualTo(StaffLinkResult.ALREADY_LINKED);
        assertThat(office.request(school.org, id).orElseThrow().status()).isEqualTo(InboxRequestStatus.LINKED);
        assertThat(count("SELECT COUNT(*) FROM sr_account_link WHERE esia_oid = '4000000003'")).isEqualTo(1);
    }

    @Test
    void rejectionClosesTheRequestWithTheComment() throws Exception {
        long id = openRequest("reject-" + school.org, "4000000004");
        assertThatThrownBy(() -> office.reject(TEACHER, school.org, id, "x".repeat(501)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(office.request(school.org, id).orElseThrow().status()).isEqualTo(InboxRequestStatus.NEW);
        assertThat(office.reject(TEACHER, school.org, id, " Ребёнок у нас не учится ")).isTrue();
        assertThat(office.reject(TEACHER, school.org, id, "ещё раз")).isFalse();
        assertThat(office.resolveByLinking(TEACHER, school.org, id, school.mother)).isEqualTo(StaffLinkResult.REQUEST_NOT_OPEN);
        InboxRequest rejected = office.request(school.org, id).orElseThrow();
        assertThat(rejected.status()).isEqualTo(InboxRequestStatus.REJECTED);
        assertThat(rejected.comment()).isEqualTo("Ребёнок у нас не учится");
        assertThat(registry.findLinked("4000000004")).isEmpty();
        assertThat(office.requests(school.org, InboxRequestStatus.REJECTED, 0, 10)).extracting(InboxRequest::id).containsExactly(id);
        assertThat(count("SELECT COUNT(*) FROM sr_change_audit WHERE organisation_id = '" + school.org
                + "' AND field = 'ACCESS_REQUEST' AND old_value = 'NEW' AND new_value LIKE 'REJECTED %'")).isEqualTo(1);
    }

    @Test
    void requestsAreNewestFirstAndPaged() throws Exception {
        long first = openRequest("page1-" + school.org, "4000000011");
        long second = openRequest("page2-" + school.org, "4000000012");
        assertThat(office.requests(school.org, null, 0, 10)).extracting(InboxRequest::id).containsExactly(second, first);
        assertThat(office.requests(school.org, null, 1, 10)).extracting(InboxRequest::id).containsExactly(first);
        assertThat(office.requests(school.org, null, 0, 1)).extracting(InboxRequest::id).containsExactly(second);
        assertThatThrownBy(() -> office.requests(school.org, null, -1, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRequestNamingNoOrganisationIsSentToOne() throws Exception {
        registry.createAccessRequest(new AccessRequest("noorg-" + school.org, "4000000021", RegistryRole.PARENT,
                "Яковлева Софья", "SUPPLEMENTARY", null, null, null));
        InboxRequest orphan = office.requestsWithoutOrganisation(InboxRequestStatus.NEW, 0, 500).stream()
                .filter(r -> "4000000021".equals(r.esiaOid())).findFirst().orElseThrow();
        assertThat(office.assignRequest(DEPUTY, orphan.id(), "no-such-org")).isFalse();
        assertThat(office.assignRequest(DEPUTY, orphan.id(), school.org)).isTrue();
        assertThat(office.assignRequest(DEPUTY, orphan.id(), other.org)).isFalse();
        assertThat(office.request(school.org, orphan.id())).isPresent();
        assertThat(office.request(other.org, orphan.id())).isEmpty();
        assertThat(office.resolveByLinking(TEACHER, school.org, orphan.id(), school.mother)).isEqualTo(StaffLinkResult.LINKED);
    }

    @Test
    void notMeReportsListThePersonsUnlinks() throws Exception {
        registry.link(school.mother, "5000000001", ru.esiaedu.registry.LinkRule.PHONE);
        registry.link(school.father, "5000000002", ru.esiaedu.registry.LinkRule.PHONE);
        registry.link(other.mother, "5000000003", ru.esiaedu.registry.LinkRule.PHONE);
        assertThat(registry.unlink(school.mother, "5000000001", "person", "Это не я")).isTrue();
        assertThat(registry.unlink(other.mother, "5000000003", "person", "Это не я")).isTrue();
        assertThat(office.unlink(TEACHER, school.org, school.father, "ошибка школы")).isTrue();
        assertThat(office.notMeReports(school.org, 0, 10)).singleElement().satisfies(r -> {
            assertThat(r.accountId()).isEqualTo(school.mother);
            assertThat(r.esiaOid()).isEqualTo("5000000001");
            assertThat(r.unlinkedAt()).isNotNull();
        });
    }


    // --- bulk import -------------------------------------------------------------------------------------------------

    static final String IMPORT_FILE = "Идентификатор;Роль;Фамилия;Имя;Отчество;Дата рождения;СНИЛС;Телефон;Эл. почта;"
            + "Класс;Родитель для;Кем приходится;Должность;Классы руководства\r\n"
            + "S-1;Ученик;Семёнова;Алиса;Игоревна;20.05.2015;;;;7в;;;;\r\n"
            + "S-2;Ученик;Гусев;Марк;;01.09.2014;;;;5А;;;;\r\n"
            + "P-1;Родитель;Семёнова;Ирина;Олеговна;01.02.1986;112-233-445 95;8 912 000-00-01, +7 912 000-00-02;"
            + "Irina@Example.ru;;S-1;Мать;;\r\n"
            + "P-2;Родитель;Семёнов;Игорь;;;;;igor@example.ru;;S-1, S-2;Отец;;\r\n"
            + "T-1;Сотрудник;Иванова;Анна;;;;;;;;;Классный руководитель;7В\r\n"
            + "A-1;Сотрудник;Петрова;Ольга;;;;;;;;;Заместитель директора;\r\n";

    List<ImportRow> importRows() {
        ImportFile file = ImportFile.parse(IMPORT_FILE.getBytes(java.nio.charset.Charset.forName("windows-1251")));
        assertThat(file.problems()).isEmpty();
        return file.rows();
    }

    @Test
    void importDryRunListsEveryChangeAndWritesNothing() throws Exception {
        int accountsBefore = count("SELECT COUNT(*) FROM sr_account");
        ImportReport report = office.importPeople(DEPUTY, school.org, importRows(), true, ImportProgress.NONE);
        assertThat(report.applied()).isFalse();
        assertThat(report.created()).isEqualTo(6);
        assertThat(report.problems()).isEmpty();
        assertThat(report.changes()).extracting(ImportChange::kind).containsOnly(ImportChange.Kind.CREATE);
        assertThat(report.createdClasses()).containsExactly("7в");
        assertThat(count("SELECT COUNT(*) FROM sr_account")).isEqualTo(accountsBefore);
        assertThat(count("SELECT COUNT(*) FROM sr_class WHERE organisation_id = '" + school.org + "'")).isEqualTo(2);
        assertThat(auditRows(school.org)).isZero();
        assertThat(here(registry.findByPhone(RegistryRole.PARENT, "89120000001"))).isEmpty();
    }

    @Test
    void appliedImportIsFoundByTheMatcherAndShownOnTheClassPage() throws Exception {
        List<int[]> told = new ArrayList<>();
        ImportReport report = office.importPeople(DEPUTY, school.org, importRows(), false,
                (done, total) -> told.add(new int[] {done, total}));
        assertThat(report.applied()).isTrue();
        assertThat(report.created()).isEqualTo(6);
        assertThat(told).isNotEmpty();
        assertThat(told.get(told.size() - 1)).containsExactly(6, 6);
        List<RegistryAccount> mother = here(registry.findByPhone(RegistryRole.PARENT, "+7(912)0000001"));
        assertThat(mother).singleElement().satisfies(m -> {
            assertThat(m.organisation().id()).isEqualTo(school.org);
            assertThat(m.snils()).isEqualTo("11223344595");
            assertThat(m.emails()).containsExactly("irina@example.ru");
            assertThat(m.phones()).containsExactly("79120000001", "79120000002");
        });
        assertThat(registry.findByNameAndBirthDate(RegistryRole.STUDENT, "Семенова", "Алиса", null,
                LocalDate.of(2015, 5, 20))).extracting(a -> a.organisation().id()).contains(school.org);
        SchoolClass created = office.classes(school.org).stream().filter(c -> c.name().equals("7в")).findFirst()
                .orElseThrow();
        RosterRow row = office.roster(school.org, created.id()).get(0);
        assertThat(row.student().field(CardField.LAST_NAME)).isEqualTo("Семёнова");
        assertThat(row.mother().field(CardField.PHONES)).isEqualTo("8 912 000-00-01, +7 912 000-00-02");
        assertThat(row.father().field(CardField.EMAILS)).isEqualTo("igor@example.ru");
        // «5А» is the class the school has already; «7В» for the teacher is the new «7в»
        assertThat(office.roster(school.org, school.classA)).extracting(r -> r.student().field(CardField.LAST_NAME))
                .contains("Гусев");
        String teacher = office.search(school.org, RegistryRole.STAFF, "Иванова Анна", 5).get(0).accountId();
        assertThat(office.assignments(teacher)).containsExactly(
                new StaffAssignment(teacher, school.org, StaffPosition.CLASS_TEACHER, created.id()));
        String deputy = office.search(school.org, RegistryRole.STAFF, "Петрова", 5).get(0).accountId();
        assertThat(office.assignments(deputy)).extracting(StaffAssignment::position)
                .containsExactly(StaffPosition.DEPUTY_HEAD);
        assertThat(office.history(school.org, deputy, 10)).extracting(AuditEntry::field)
                .containsExactlyInAnyOrder("CREATED", "POSITION");
    }

    @Test
    void applyingTheSameFileTwiceChangesNothingTheSecondTime() throws Exception {
        office.importPeople(DEPUTY, school.org, importRows(), false, ImportProgress.NONE);
        int accounts = count("SELECT COUNT(*) FROM sr_account");
        int audits = auditRows(school.org);
        int links = count("SELECT COUNT(*) FROM sr_parent_student");
        ImportReport second = office.importPeople(DEPUTY, school.org, importRows(), false, ImportProgress.NONE);
        assertThat(second.unchanged()).isEqualTo(6);
        assertThat(second.created()).isZero();
        assertThat(second.updated()).isZero();
        assertThat(second.createdClasses()).isEmpty();
        assertThat(second.changes()).extracting(ImportChange::kind).containsOnly(ImportChange.Kind.UNCHANGED);
        assertThat(count("SELECT COUNT(*) FROM sr_account")).isEqualTo(accounts);
        assertThat(auditRows(school.org)).isEqualTo(audits);
        assertThat(count("SELECT COUNT(*) FROM sr_parent_student")).isEqualTo(links);
    }

    @Test
    void aChangedRowUpdatesOnlyWhatChangedAndKeepsWhatTheFileLeavesEmpty() throws Exception {
        office.importPeople(DEPUTY, school.org, importRows(), false, ImportProgress.NONE);
        String changed = IMPORT_FILE
                .replace("8 912 000-00-01, +7 912 000-00-02;Irina@Example.ru", "8 912 000-00-09;")
                .replace("S-2;Ученик;Гусев;Марк;;01.09.2014;;;;5А", "S-2;Ученик;Гусев;Марк;;;;;;5Б")
                .replace("S-1, S-2;Отец", "S-1, S-2;Опекун");
        ImportReport report = office.importPeople(DEPUTY, school.org,
                ImportFile.parse(changed.getBytes(java.nio.charset.StandardCharsets.UTF_8)).rows(), false,
                ImportProgress.NONE);
        assertThat(report.updated()).isEqualTo(3);
        assertThat(report.changes()).filteredOn(c -> c.personId().equals("P-1")).singleElement()
                .satisfies(c -> assertThat(c.changedFields()).containsExactly(CardField.PHONES));
        assertThat(report.changes()).filteredOn(c -> c.personId().equals("S-2")).singleElement().satisfies(c -> {
            assertThat(c.changedFields()).isEmpty();
            assertThat(c.changedRelations()).containsExactly("CLASS");
        });
        assertThat(report.changes()).filteredOn(c -> c.personId().equals("P-2")).singleElement()
                .satisfies(c -> assertThat(c.changedRelations()).containsExactly("KINSHIP"));
        RegistryAccount mother = here(registry.findByPhone(RegistryRole.PARENT, "89120000009")).get(0);
        assertThat(mother.emails()).as("an empty cell keeps the stored e-mail").containsExactly("irina@example.ru");
        assertThat(here(registry.findByPhone(RegistryRole.PARENT, "89120000001"))).isEmpty();
        assertThat(office.history(school.org, mother.id(), 10)).filteredOn(e -> e.field().equals("PHONES"))
                .singleElement().satisfies(e -> {
                    assertThat(e.oldValue()).isEqualTo("8 912 000-00-01, +7 912 000-00-02");
                    assertThat(e.newValue()).isEqualTo("8 912 000-00-09");
                });
        RegistryAccount gusev = registry.findByNameAndBirthDate(RegistryRole.STUDENT, "Гусев", "Марк", null,
                LocalDate.of(2014, 9, 1)).stream().filter(a -> a.organisation().id().equals(school.org)).findFirst()
                .orElseThrow();
        assertThat(gusev.className()).isEqualTo("5Б");
        assertThat(office.roster(school.org, school.classB).stream()
                .filter(r -> r.student().accountId().equals(gusev.id())).findFirst().orElseThrow().father())
                .as("the father became «Опекун»: no longer in the «Отец» column").isNull();
    }

    @Test
    void badRowsAreSkippedWithTheirReasonsAndTheGoodOnesWritten() throws Exception {
        office.importPeople(DEPUTY, school.org, importRows(), false, ImportProgress.NONE);
        List<ImportRow> rows = List.of(
                row(2, "N-1", RegistryRole.STUDENT, "Новиков", "Лев", "01.01.2015", "112-233-445 96", "", ""),
                row(3, "N-2", RegistryRole.STUDENT, "Новикова", "Ева", "31.02.2015", "", "", ""),
                row(4, "N-3", RegistryRole.STUDENT, "", "Ева", "", "", "", ""),
                row(5, "N-4", RegistryRole.PARENT, "Новиков", "Пётр", "", "", "звоните", ""),
                row(6, "DUP", RegistryRole.STUDENT, "Один", "Раз", "", "", "", ""),
                row(7, "DUP", RegistryRole.STUDENT, "Два", "Раз", "", "", "", ""),
                row(8, "S-1", RegistryRole.PARENT, "Семёнова", "Алиса", "", "", "", ""),
                new ImportRow(9, "N-5", RegistryRole.PARENT, "Новиков", "Пётр", null, "", "", "", "", "",
                        List.of("NOBODY"), Kinship.FATHER, null, List.of()),
                new ImportRow(10, "N-6", RegistryRole.PARENT, "Новиков", "Пётр", null, "", "", "", "", "",
                        List.of("P-1"), Kinship.FATHER, null, List.of()),
                new ImportRow(11, "N-7", RegistryRole.STUDENT, "Новиков", "Лев", null, "", "", "", "", "5А",
                        List.of(), null, StaffPosition.ADMINISTRATOR, List.of()),
                new ImportRow(12, "", RegistryRole.STUDENT, "Новиков", "Лев", null, "", "", "", "", "", List.of(),
                        null, null, List.of()),
                new ImportRow(13, "N-8", RegistryRole.STAFF, "Новиков", "Лев", null, "", "", "", "", "", List.of(),
                        null, StaffPosition.CLASS_TEACHER, List.of()),
                new ImportRow(14, "N-9", RegistryRole.PARENT, "Новикова", "Анна", null, "", "", "89120000077", "", "",
                        List.of("S-2", "N-10"), Kinship.MOTHER, null, List.of()),
                row(15, "N-10", RegistryRole.STUDENT, "Новиков", "Лев", "01.01.2015", "", "", ""));
        int accounts = count("SELECT COUNT(*) FROM sr_account");
        ImportReport report = office.importPeople(DEPUTY, school.org, rows, false, ImportProgress.NONE);
        assertThat(report.problems()).extracting(p -> p.line() + " " + p.column() + " " + p.reason()).containsExactly(
                "2 СНИЛС snils_check_digit",
                "3 Дата рождения birth_date",
                "4 Фамилия required",
                "5 Телефон phone",
                "6 Идентификатор duplicate_person_id",
                "7 Идентификатор duplicate_person_id",
                "8 Роль role_mismatch",
                "9 Родитель для unknown_child",
                "10 Родитель для unknown_child",
                "11 Должность not_for_role",
                "12 Идентификатор required",
                "13 Классы руководства required");
        assertThat(report.created()).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM sr_account")).isEqualTo(accounts + 2);
        RegistryAccount mother = here(registry.findByPhone(RegistryRole.PARENT, "89120000077")).get(0);
        assertThat(office.childrenOfParent(school.org, mother.id())).hasSize(2);
        assertThat(count("SELECT COUNT(*) FROM sr_account WHERE last_name IN ('Один', 'Два')")).isZero();
    }

    @Test
    void theSamePersonIdInAnotherOrganisationIsAnotherPerson() throws Exception {
        office.importPeople(DEPUTY, school.org, importRows(), false, ImportProgress.NONE);
        ImportReport other = office.importPeople(DEPUTY, this.other.org, importRows(), true, ImportProgress.NONE);
        assertThat(other.created()).isEqualTo(6);
        // a parent in the other organisation cannot be attached to this organisation's student S-1
        ImportReport stranger = office.importPeople(DEPUTY, this.other.org, List.of(new ImportRow(2, "P-9",
                RegistryRole.PARENT, "Чужой", "Родитель", null, "", "", "", "", "", List.of("S-1"), Kinship.FATHER, null,
                List.of())), false, ImportProgress.NONE);
        assertThat(stranger.problems()).extracting(ImportProblem::reason).containsExactly("unknown_child");
        assertThat(stranger.created()).isZero();
        assertThatThrownBy(() -> office.importPeople(DEPUTY, "no-such-org", importRows(), true, ImportProgress.NONE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static ImportRow row(int line, String id, RegistryRole role, String last, String first, String birth,
            String snils, String phones, String emails) {
        return new ImportRow(line, id, role, last, first, null, birth, snils, phones, emails, "", List.of(), null,
                null, List.of());
    }

    // --- helpers -------------------------------------------------------------------------------------------------------

    long openRequest(String key, String oid) throws Exception {
        registry.createAccessRequest(new AccessRequest(key, oid, RegistryRole.PARENT, "Яковлева Софья", "SCHOOL",
                school.org, "5А", "irina@example.ru", AccessRequest.DEFAULT_DAILY_LIMIT, "Яковлева Ирина Олеговна"));
        return office.requests(school.org, null, 0, 500).stream().filter(r -> oid.equals(r.esiaOid())).findFirst()
                .orElseThrow().id();
    }

    List<String> linkRows(String accountId) throws SQLException {
        try (Connection c = admin(); PreparedStatement s = c.prepareStatement(
                "SELECT esia_oid, how, unlinked_by FROM sr_account_link WHERE account_id = ? ORDER BY id")) {
            s.setString(1, accountId);
            List<String> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(r.getString(1) + " " + r.getString(2) + " " + r.getString(3));
                }
            }
            return rows;
        }
    }

    /** What a finder returns from this test's organisation (other tests' organisations hold the same values). */
    List<RegistryAccount> here(List<RegistryAccount> found) {
        return found.stream().filter(a -> a.organisation().id().equals(school.org)).toList();
    }

    int auditRows(String organisationId) throws SQLException {
        return count("SELECT COUNT(*) FROM sr_change_audit WHERE organisation_id = '" + organisationId + "'");
    }

    int count(String sql) throws SQLException {
        try (Connection c = admin(); java.sql.Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getInt(1);
        }
    }
}
