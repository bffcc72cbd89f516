package ru.esiaedu.desk.service;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ru.esiaedu.desk.access.Caller;
import ru.esiaedu.desk.access.Permissions;
import ru.esiaedu.desk.testing.InMemoryOffice;
import ru.esiaedu.registry.RegistryRole;
import ru.esiaedu.registry.school.Actor;
import ru.esiaedu.registry.school.CardField;
import ru.esiaedu.registry.school.EditResult;
import ru.esiaedu.registry.school.FieldEdit;
import ru.esiaedu.registry.school.ImportRow;
import ru.esiaedu.registry.school.InboxRequest;
import ru.esiaedu.registry.school.InboxRequestStatus;
import ru.esiaedu.registry.school.Kinship;
import ru.esiaedu.registry.school.PersonCard;
import ru.esiaedu.registry.school.StaffLinkResult;
import ru.esiaedu.registry.school.StaffPosition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeskServiceTest {

    private InMemoryOffice office;
    private final List<String> mailed = new ArrayList<>();
    private boolean smtpUp = true;

    @BeforeEach
    void aSchoolWithTwoClassesAndANeighbour() {
        office = new InMemoryOffice()
                .schoolClass("sch-1", "5a", "5А").schoolClass("sch-1", "9b", "9Б").schoolClass("gym-5", "g5a", "5А")
                .student("sch-1", "5a", "kid-5a", "Джалилов")
                .student("sch-1", "9b", "kid-9b", "Иванов")
                .student("gym-5", "g5a", "kid-gym", "Петров")
                .parent("sch-1", "mum-5a", Kinship.MOTHER, "Захарченко", "kid-5a")
                .parent("sch-1", "mum-9b", Kinship.MOTHER, "Иванова", "kid-9b")
                .staff("sch-1", "teacher-5a", StaffPosition.CLASS_TEACHER, "5a")
                .staff("sch-1", "teacher-9b", StaffPosition.CLASS_TEACHER, "9b")
                .staff("sch-1", "deputy", StaffPosition.DEPUTY_HEAD, null)
                .staff("gym-5", "admin-gym", StaffPosition.ADMINISTRATOR, null)
                .request(1, "sch-1", "family@example.ru", "1000300101")
                .request(2, "gym-5", "other@example.ru", "1000300199")
                .request(3, null, "lost@example.ru", "1000300177");
    }

    private DeskService as(String staffAccountId, String organisationId) {
        Permissions can = Permissions.ofStaff(organisationId, office.assignments(staffAccountId), false);
        return new DeskService(office, new Caller(Actor.staff(staffAccountId), can, staffAccountId, "Учитель"), request -> {
            mailed.add(request.number() + " " + request.status());
            return smtpUp;
        });
    }

    @Test
    void aClassTeacherReadsTheirClassWithMotherAndFather() throws Exception {
        ClassRoster roster = as("teacher-5a", "sch-1").roster("5a").orElseThrow();

        assertThat(roster.schoolClass().name()).isEqualTo("5А");
        assertThat(roster.rows()).hasSize(1);
        assertThat(roster.rows().get(0).student().accountId()).isEqualTo("kid-5a");
        assertThat(roster.rows().get(0).mother().accountId()).isEqualTo("mum-5a");
        assertThat(roster.classes()).extracting(c -> c.id()).containsExactly("5a");
    }

    @Test
    void aClassTeacherCannotOpenAnotherClassNorAClassOfAnotherOrganisation() throws Exception {
        DeskService teacher = as("teacher-5a", "sch-1");

        assertThat(teacher.roster("9b")).isEmpty();
        assertThat(teacher.roster("g5a")).isEmpty();
        assertThat(teacher.roster("no-such-class")).isEmpty();
    }

    @Test
    void aDeputyHeadOpensEveryClassOfTheirOrganisationButNotTheNeighbours() throws Exception {
        DeskService deputy = as("deputy", "sch-1");

        assertThat(deputy.classes()).extracting(c -> c.id()).containsExactly("5a", "9b");
        assertThat(deputy.roster("9b")).isPresent();
        assertThat(deputy.roster("g5a")).isEmpty();
    }

    @Test
    void aClassTeacherEditsTheirStudentsAndTheirParentsCards() throws Exception {
        DeskService teacher = as("teacher-5a", "sch-1");

        EditResult phone = teacher.edit(new FieldEdit("mum-5a", CardField.PHONES, "", "+7 901 111-11-11")).orElseThrow();
        EditResult email = teacher.edit(new FieldEdit("kid-5a", CardField.EMAILS, "", "kid@example.ru")).orElseThrow();

        assertThat(phone).isEqualTo(new EditResult.Saved("+7 901 111-11-11"));
        assertThat(email).isInstanceOf(EditResult.Saved.class);
        assertThat(office.audit()).extracting(e -> e.actor()).containsOnly("staff:teacher-5a");
    }

    @Test
    void anEditOutOfReachAnswersAsUnknownAndReachesNothing() throws Exception {
        DeskService teacher = as("teacher-5a", "sch-1");

        assertThat(teacher.edit(new FieldEdit("kid-9b", CardField.PHONES, "", "+79011111111"))).isEmpty();
        assertThat(teacher.edit(new FieldEdit("mum-9b", CardField.PHONES, "", "+79011111111"))).isEmpty();
        assertThat(teacher.edit(new FieldEdit("kid-gym", CardField.PHONES, "", "+79011111111"))).isEmpty();
        assertThat(teacher.edit(new FieldEdit("teacher-9b", CardField.PHONES, "", "+79011111111"))).isEmpty();
        assertThat(teacher.edit(new FieldEdit("nobody", CardField.PHONES, "", "+79011111111"))).isEmpty();
        assertThat(office.writes).isEmpty();
        assertThat(office.field("kid-9b", CardField.PHONES)).isEmpty();
    }

    @Test
    void aSecondEditorWithTheOldValueGetsTheConflictWithTheCurrentValue() throws Exception {
        as("teacher-5a", "sch-1").edit(new FieldEdit("mum-5a", CardField.PHONES, "", "+79011111111"));

        EditResult second = as("deputy", "sch-1").edit(new FieldEdit("mum-5a", CardField.PHONES, "", "+79022222222")).orElseThrow();

        assertThat(second).isEqualTo(new EditResult.Conflict("+79011111111"));
        assertThat(office.field("mum-5a", CardField.PHONES)).isEqualTo("+79011111111");
    }

    @Test
    void anEmptyMotherIsCreatedOnlyForAStudentInReach() throws Exception {
        DeskService teacher = as("teacher-5a", "sch-1");
        office.student("sch-1", "5a", "kid-5a-2", "Абрамов");

        PersonCard mother = teacher.addParent("kid-5a-2", Kinship.MOTHER).orElseThrow();

        assertThat(mother.role()).isEqualTo(RegistryRole.PARENT);
        assertThat(mother.kinship()).isEqualTo(Kinship.MOTHER);
        assertThat(teacher.addParent("kid-9b", Kinship.FATHER)).isEmpty();
        assertThat(teacher.addParent("mum-5a", Kinship.FATHER)).as("a parent is not a student").isEmpty();
        assertThatThrownBy(() -> teacher.addParent("kid-5a", null)).isInstanceOf(BadInput.class);
    }

    @Test
    void linkingAndUnlinkingNeedAnAccountInReachAndAReason() throws Exception {
        DeskService teacher = as("teacher-5a", "sch-1");

        assertThat(teacher.link("mum-5a", "1000300101")).contains(StaffLinkResult.LINKED);
        assertThat(office.oidOf("mum-5a")).isEqualTo("1000300101");
        assertThat(teacher.link("mum-9b", "1000300101")).isEmpty();
        assertThatThrownBy(() -> teacher.link("mum-5a", "not-an-oid")).isInstanceOf(BadInput.class);
        assertThatThrownBy(() -> teacher.unlink("mum-5a", "  ")).isInstanceOf(BadInput.class)
                .extracting(e -> ((BadInput) e).code()).isEqualTo("required");
        assertThat(teacher.unlink("mum-5a", "Родитель сообщил, что это не его учётная запись")).contains(true);
        assertThat(office.oidOf("mum-5a")).isNull();
    }

    @Test
    void onlyTheWholeOrganisationSeesTheInboxAndOnlyItsOwnRequests() throws Exception {
        assertThat(as("teacher-5a", "sch-1").requests(null)).isEmpty();
        assertThat(as("deputy", "sch-1").requests(null).orElseThrow()).extracting(InboxRequest::id).containsExactly(1L);
        assertThat(as("deputy", "sch-1").request(2)).as("the neighbour's request").isEmpty();
        assertThat(as("deputy", "sch-1").resolveByLinking(2, "kid-5a")).isEmpty();
        assertThat(as("deputy", "sch-1").reject(2, "нет")).isEmpty();
        assertThat(as("deputy", "sch-1").request(3)).as("a request without organisation").isEmpty();
        assertThat(office.writes).isEmpty();
    }

    @Test
    void resolvingARequestLinksTheRequesterAndMailsTheOutcome() throws Exception {
        RequestOutcome outcome = as("deputy", "sch-1").resolveByLinking(1, "mum-5a").orElseThrow();

        assertThat(outcome.link()).isEqualTo(StaffLinkResult.LINKED);
        assertThat(outcome.done()).isTrue();
        assertThat(outcome.mailSent()).isTrue();
        assertThat(outcome.request().status()).isEqualTo(InboxRequestStatus.LINKED);
        assertThat(office.oidOf("mum-5a")).isEqualTo("1000300101");
        assertThat(mailed).containsExactly("Р-2026-000001 LINKED");
    }

    @Test
    void aRejectionIsStoredWhenTheMailCannotBeSent() throws Exception {
        smtpUp = false;

        RequestOutcome outcome = as("deputy", "sch-1").reject(1, "Ребёнок у нас не учится").orElseThrow();

        assertThat(outcome.done()).isTrue();
        assertThat(outcome.mailSent()).isFalse();
        assertThat(outcome.request().status()).isEqualTo(InboxRequestStatus.REJECTED);
        assertThat(outcome.request().comment()).isEqualTo("Ребёнок у нас не учится");
    }

    @Test
    void aSecondResolutionOfAClosedRequestSendsNoSecondMail() throws Exception {
        as("deputy", "sch-1").reject(1, "Нет");

        RequestOutcome again = as("deputy", "sch-1").resolveByLinking(1, "mum-5a").orElseThrow();

        assertThat(again.link()).isEqualTo(StaffLinkResult.REQUEST_NOT_OPEN);
        assertThat(again.done()).isFalse();
        assertThat(mailed).hasSize(1);
        assertThat(office.oidOf("mum-5a")).isNull();
    }

    @Test
    void onlyARegionOperatorSeesAndAssignsRequestsWithoutOrganisation() throws Exception {
        assertThat(as("deputy", "sch-1").requestsWithoutOrganisation(null)).isEmpty();
        assertThat(as("deputy", "sch-1").assign(3, "sch-1")).isEmpty();

        DeskService operator = new DeskService(office, new Caller(Actor.staff("op"), Permissions.ofStaff(null, List.of(), true),
                "op", "Оператор"), request -> true);
        assertThat(operator.requestsWithoutOrganisation(null).orElseThrow()).extracting(InboxRequest::id).containsExactly(3L);
        assertThat(operator.assign(3, "sch-1")).contains(true);
        assertThat(operator.roster("5a")).as("no class of any school").isEmpty();
        assertThat(as("deputy", "sch-1").requests(null).orElseThrow()).extracting(InboxRequest::id).containsExactly(1L, 3L);
    }

    @Test
    void aTeachersSearchFindsOnlyAccountsInReach() throws Exception {
        office.parent("sch-1", "mum-5a-namesake", Kinship.MOTHER, "Иванова-Захарченко", "kid-9b");

        assertThat(as("teacher-5a", "sch-1").search(null, "Захарченко")).extracting(PersonCard::accountId)
                .containsExactly("mum-5a");
        assertThat(as("deputy", "sch-1").search(null, "Захарченко")).extracting(PersonCard::accountId)
                .containsExactly("mum-5a", "mum-5a-namesake");
        assertThat(as("deputy", "sch-1").search(null, "З")).as("one letter finds nothing").isEmpty();
    }

    @Test
    void onlyTheWholeOrganisationImports() throws Exception {
        List<ImportRow> rows = List.of(new ImportRow(2, "p-1", RegistryRole.STUDENT, "Новиков", "Иван", null, null, null,
                null, null, "5А", null, null, null, null));

        assertThat(as("teacher-5a", "sch-1").importPeople(rows, true, null)).isEmpty();
        assertThat(office.writes).isEmpty();
        assertThat(as("deputy", "sch-1").importPeople(rows, true, null).orElseThrow().created()).isEqualTo(1);
    }
}
