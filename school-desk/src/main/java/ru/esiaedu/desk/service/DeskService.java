package ru.esiaedu.desk.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import ru.esiaedu.desk.access.Caller;
import ru.esiaedu.desk.access.Permissions;
import ru.esiaedu.registry.RegistryRole;
import ru.esiaedu.registry.RegistryUnavailableException;
import ru.esiaedu.registry.school.AuditEntry;
import ru.esiaedu.registry.school.EditResult;
import ru.esiaedu.registry.school.FieldEdit;
import ru.esiaedu.registry.school.ImportProgress;
import ru.esiaedu.registry.school.ImportReport;
import ru.esiaedu.registry.school.ImportRow;
import ru.esiaedu.registry.school.InboxRequest;
import ru.esiaedu.registry.school.InboxRequestStatus;
import ru.esiaedu.registry.school.Kinship;
import ru.esiaedu.registry.school.NotMeReport;
import ru.esiaedu.registry.school.PersonCard;
import ru.esiaedu.registry.school.SchoolClass;
import ru.esiaedu.registry.school.SchoolOffice;
import ru.esiaedu.registry.school.StaffLinkResult;

/**
 * The school's operations for one caller: every call is checked against the caller's {@link Permissions} before it
 * reaches the registry, and whatever is out of reach (another organisation, another class, an unknown id) answers
 * empty — the same as an id that does not exist, so nothing tells a teacher that a row exists elsewhere.
 */
public final class DeskService {

    static final int MAX_REASON = 500;
    static final int MAX_SEARCH = 50;
    static final int PAGE = 200;

    private final SchoolOffice office;
    private final Caller caller;
    private final Permissions can;
    private final OutcomeMailer mailer;

    public DeskService(SchoolOffice office, Caller caller, OutcomeMailer mailer) {
        this.office = office;
        this.caller = caller;
        this.can = caller.permissions();
        this.mailer = mailer;
    }

    // --- classes -------------------------------------------------------------------------------------------------

    /** The classes the caller may open: the organisation's for the whole-organisation positions, else their own. */
    public List<SchoolClass> classes() throws RegistryUnavailableException {
        Optional<String> organisation = can.organisation();
        if (organisation.isEmpty()) {
            return List.of();
        }
        List<SchoolClass> visible = new ArrayList<>();
        for (SchoolClass schoolClass : office.classes(organisation.get())) {
            if (can.seesClass(schoolClass.id())) {
                visible.add(schoolClass);
            }
        }
        return visible;
    }

    public Optional<ClassRoster> roster(String classId) throws RegistryUnavailableException {
        Optional<String> organisation = can.organisation();
        if (organisation.isEmpty() || !can.seesClass(classId)) {
            return Optional.empty();
        }
        Optional<SchoolClass> schoolClass = office.schoolClass(organisation.get(), classId);
        if (schoolClass.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ClassRoster(schoolClass.get(), office.roster(organisation.get(), classId), classes()));
    }

    // --- cards ---------------------------------------------------------------------------------------------------

    /** One card in the caller's reach. */
    public Optional<PersonCard> card(String accountId) throws RegistryUnavailableException {
        Optional<String> organisation = can.organisation();
        if (organisation.isEmpty() || accountId == null) {
            return Optional.empty();
        }
        Optional<PersonCard> card = office.card(organisation.get(), accountId);
        if (card.isEmpty() || !inReach(organisation.get(), card.get())) {
            return Optional.empty();
        }
        return card;
    }

    private boolean inReach(String organisationId, PersonCard card) throws RegistryUnavailableException {
        if (can.wholeOrganisation()) {
            return true;
        }
        RegistryRole role = card.role();
        if (role == RegistryRole.STUDENT) {
            return can.seesStudentOf(office.classOfStudent(organisationId, card.accountId()).orElse(null));
        }
        if (role == RegistryRole.PARENT) {
            List<String> classes = new ArrayList<>();
            for (String child : office.childrenOfParent(organisationId, card.accountId())) {
                classes.add(office.classOfStudent(organisationId, child).orElse(null));
            }
            return can.seesParentOfChildrenIn(classes);
        }
        return can.seesStaffCards();
    }

    /** Saves one field of a card in reach (compare-and-set in the registry); empty when out of reach. */
    public Optional<EditResult> edit(FieldEdit edit) throws RegistryUnavailableException {
        if (edit.field() == null) {
            throw new BadInput("unknown_field");
        }
        if (card(edit.accountId()).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(office.edit(caller.actor(), can.organisation().orElseThrow(), edit));
    }

    /** Creates «Мать» or «Отец» for a student in reach (or returns the one there is). */
    public Optional<PersonCard> addParent(String studentAccountId, Kinship kinship) throws RegistryUnavailableException {
        if (kinship == null) {
            throw new BadInput("unknown_kinship");
        }
        Optional<PersonCard> student = card(studentAccountId);
        if (student.isEmpty() || student.get().role() != RegistryRole.STUDENT) {
            return Optional.empty();
        }
        return Optional.of(office.addParent(caller.actor(), can.organisation().orElseThrow(), studentAccountId, kinship));
    }

    public Optional<List<AuditEntry>> history(String accountId, int max) throws RegistryUnavailableException {
        if (card(accountId).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(office.history(can.organisation().orElseThrow(), accountId, clamp(max, 100)));
    }

    /** Accounts of the organisation by name, only those in the caller's reach. */
    public List<PersonCard> search(RegistryRole roleOrNull, String text) throws RegistryUnavailableException {
        Optional<String> organisation = can.organisation();
        String query = text == null ? "" : text.trim();
        if (organisation.isEmpty() || query.length() < 2) {
            return List.of();
        }
        if (query.length() > 100) {
            throw new BadInput("too_long");
        }
        List<PersonCard> found = new ArrayList<>();
        for (PersonCard card : office.search(organisation.get(), roleOrNull, query, MAX_SEARCH)) {
            if (inReach(organisation.get(), card)) {
                found.add(card);
            }
        }
        return found;
    }

    // --- linking -------------------------------------------------------------------------------------------------

    /** «Привязать» from the class page: the only way to link after the self-linking cut-off date. */
    public Optional<StaffLinkResult> link(String accountId, String esiaOid) throws RegistryUnavailableException {
        String oid = esiaOid == null ? "" : esiaOid.trim();
        if (!oid.matches("\\d{1,20}")) {
            throw new BadInput("esia_oid");
        }
        if (card(accountId).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(office.link(caller.actor(), can.organisation().orElseThrow(), accountId, oid));
    }

    /** «Отвязать» with the reason the link's record keeps. */
    public Optional<Boolean> unlink(String accountId, String reason) throws RegistryUnavailableException {
        String why = required(reason);
        if (card(accountId).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(office.unlink(caller.actor(), can.organisation().orElseThrow(), accountId, why));
    }

    // --- the requests inbox --------------------------------------------------------------------------------------

    public Optional<List<InboxRequest>> requests(InboxRequestStatus statusOrNull) throws RegistryUnavailableException {
        if (!can.usesInbox()) {
            return Optional.empty();
        }
        return Optional.of(office.requests(can.organisation().orElseThrow(), statusOrNull, 0, PAGE));
    }

    public Optional<InboxRequest> request(long requestId) throws RegistryUnavailableException {
        if (!can.usesInbox()) {
            return Optional.empty();
        }
        return office.request(can.organisation().orElseThrow(), requestId);
    }

    /** Links the requester to an account of the organisation and tells them by e-mail. */
    public Optional<RequestOutcome> resolveByLinking(long requestId, String accountId) throws RegistryUnavailableException {
        if (request(requestId).isEmpty()) {
            return Optional.empty();
        }
        if (accountId == null || accountId.isBlank()) {
            throw new BadInput("required");
        }
        String organisation = can.organisation().orElseThrow();
        StaffLinkResult result = office.resolveByLinking(caller.actor(), organisation, requestId, accountId);
        InboxRequest now = office.request(organisation, requestId).orElseThrow();
        boolean done = result == StaffLinkResult.LINKED || result == StaffLinkResult.ALREADY_LINKED;
        boolean mailed = done && now.status() == InboxRequestStatus.LINKED && mailer.send(now);
        return Optional.of(new RequestOutcome(result, done, now, mailed));
    }

    /** «Отклонить» with the school's comment, which the requester's e-mail quotes. */
    public Optional<RequestOutcome> reject(long requestId, String comment) throws RegistryUnavailableException {
        String why = required(comment);
        if (request(requestId).isEmpty()) {
            return Optional.empty();
        }
        String organisation = can.organisation().orElseThrow();
        boolean rejected = office.reject(caller.actor(), organisation, requestId, why);
        InboxRequest now = office.request(organisation, requestId).orElseThrow();
        boolean mailed = rejected && mailer.send(now);
        return Optional.of(new RequestOutcome(null, rejected, now, mailed));
    }

    public Optional<List<NotMeReport>> notMeReports() throws RegistryUnavailableException {
        if (!can.usesInbox()) {
            return Optional.empty();
        }
        return Optional.of(office.notMeReports(can.organisation().orElseThrow(), 0, PAGE));
    }

    // --- the region's operators ----------------------------------------------------------------------------------

    public Optional<List<InboxRequest>> requestsWithoutOrganisation(InboxRequestStatus statusOrNull)
            throws RegistryUnavailableException {
        if (!can.handlesRegionRequests()) {
            return Optional.empty();
        }
        return Optional.of(office.requestsWithoutOrganisation(statusOrNull, 0, PAGE));
    }

    /** Sends a request that names no organisation to one; empty when not a region operator. */
    public Optional<Boolean> assign(long requestId, String organisationId) throws RegistryUnavailableException {
        if (!can.handlesRegionRequests()) {
            return Optional.empty();
        }
        if (organisationId == null || organisationId.isBlank() || organisationId.length() > 64) {
            throw new BadInput("organisation");
        }
        return Optional.of(office.assignRequest(caller.actor(), requestId, organisationId.trim()));
    }

    // --- bulk import ---------------------------------------------------------------------------------------------

    public Optional<ImportReport> importPeople(List<ImportRow> rows, boolean dryRun, ImportProgress progress)
            throws RegistryUnavailableException {
        if (!can.imports()) {
            return Optional.empty();
        }
        return Optional.of(office.importPeople(caller.actor(), can.organisation().orElseThrow(), rows, dryRun,
                progress == null ? ImportProgress.NONE : progress));
    }

    private static String required(String text) {
        String value = text == null ? "" : text.trim();
        if (value.isEmpty()) {
            throw new BadInput("required");
        }
        if (value.length() > MAX_REASON) {
            throw new BadInput("too_long");
        }
        return value;
    }

    private static int clamp(int value, int max) {
        return value <= 0 ? max : Math.min(value, max);
    }
}
