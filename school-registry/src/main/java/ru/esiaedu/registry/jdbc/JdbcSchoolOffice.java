package ru.esiaedu.registry.jdbc;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import ru.esiaedu.registry.RegistryRole;
import ru.esiaedu.registry.RegistryUnavailableException;
import ru.esiaedu.registry.school.Actor;
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
import ru.esiaedu.registry.school.RosterRow;
import ru.esiaedu.registry.school.SchoolClass;
import ru.esiaedu.registry.school.SchoolOffice;
import ru.esiaedu.registry.school.StaffAssignment;
import ru.esiaedu.registry.school.StaffLinkResult;

/** The school's side over JDBC: only hands each call to the class that does that job. */
final class JdbcSchoolOffice implements SchoolOffice {

    private final JdbcSchoolRegistryProvider.DatabaseSupplier database;
    private final ChangeAudit audit;
    private final JdbcRoster roster;
    private final JdbcCardEdits edits;
    private final JdbcStaffLinks links;
    private final JdbcInbox inbox;
    private final JdbcImport imports;

    JdbcSchoolOffice(JdbcSchoolRegistryProvider.DatabaseSupplier database, Clock clock) {
        this.database = database;
        this.audit = new ChangeAudit(clock);
        CardValues values = new CardValues(clock);
        this.roster = new JdbcRoster(database);
        this.edits = new JdbcCardEdits(database, values, audit);
        this.links = new JdbcStaffLinks(database, clock, audit);
        this.inbox = new JdbcInbox(database, clock, audit, links);
        this.imports = new JdbcImport(database, values, audit);
    }

    @Override
    public List<StaffAssignment> assignments(String staffAccountId) throws RegistryUnavailableException {
        return roster.assignments(staffAccountId);
    }

    @Override
    public List<SchoolClass> classes(String organisationId) throws RegistryUnavailableException {
        return roster.classes(organisationId);
    }

    @Override
    public Optional<SchoolClass> schoolClass(String organisationId, String classId) throws RegistryUnavailableException {
        return roster.schoolClass(organisationId, classId);
    }

    @Override
    public List<RosterRow> roster(String organisationId, String classId) throws RegistryUnavailableException {
        return roster.roster(organisationId, classId);
    }

    @Override
    public Optional<String> classOfStudent(String organisationId, String studentAccountId)
            throws RegistryUnavailableException {
        return roster.classOfStudent(organisationId, studentAccountId);
    }

    @Override
    public List<String> childrenOfParent(String organisationId, String parentAccountId)
            throws RegistryUnavailableException {
        return roster.childrenOfParent(organisationId, parentAccountId);
    }

    @Override
    public Optional<PersonCard> card(String organisationId, String accountId) throws RegistryUnavailableException {
        return roster.card(organisationId, accountId);
    }

    @Override
    public EditResult edit(Actor actor, String organisationId, FieldEdit edit) throws RegistryUnavailableException {
        return edits.edit(actor, organisationId, edit);
    }

    @Override
    public PersonCard addParent(Actor actor, String organisationId, String studentAccountId, Kinship kinship)
            throws RegistryUnavailableException {
        return edits.addParent(actor, organisationId, studentAccountId, kinship);
    }

    @Override
    public StaffLinkResult link(Actor actor, String organisationId, String accountId, String esiaOid)
            throws RegistryUnavailableException {
        return links.link(actor, organisationId, accountId, esiaOid);
    }

    @Override
    public boolean unlink(Actor actor, String organisationId, String accountId, String reason)
            throws RegistryUnavailableException {
        return links.unlink(actor, organisationId, accountId, reason);
    }

    @Override
    public List<InboxRequest> requests(String organisationId, InboxRequestStatus status, int first, int max)
            throws RegistryUnavailableException {
        return inbox.requests(organisationId, status, first, max);
    }

    @Override
    public List<InboxRequest> requestsWithoutOrganisation(InboxRequestStatus status, int first, int max)
            throws RegistryUnavailableException {
        return inbox.requestsWithoutOrganisation(status, first, max);
    }

    @Override
    public Optional<InboxRequest> request(String organisationId, long requestId) throws RegistryUnavailableException {
        return inbox.request(organisationId, requestId);
    }

    @Override
    public boolean assignRequest(Actor actor, long requestId, String organisationId) throws RegistryUnavailableException {
        return inbox.assignRequest(actor, requestId, organisationId);
    }

    @Override
    public StaffLinkResult resolveByLinking(Actor actor, String organisationId, long requestId, String accountId)
            throws RegistryUnavailableException {
        return inbox.resolveByLinking(actor, organisationId, requestId, accountId);
    }

    @Override
    public boolean reject(Actor actor, String organisationId, long requestId, String comment)
            throws RegistryUnavailableException {
        return inbox.reject(actor, organisationId, requestId, comment);
    }

    @Override
    public List<NotMeReport> notMeReports(String organisationId, int first, int max) throws RegistryUnavailableException {
        return inbox.notMeReports(organisationId, first, max);
    }

    @Override
    public List<PersonCard> search(String organisationId, RegistryRole roleOrNull, String text, int max)
            throws RegistryUnavailableException {
        return roster.search(organisationId, roleOrNull, text, max);
    }

    @Override
    public List<AuditEntry> history(String organisationId, String accountId, int max)
            throws RegistryUnavailableException {
        if (JdbcRoster.blank(organisationId) || JdbcRoster.blank(accountId) || max <= 0) {
            return List.of();
        }
        return Transactions.read(database, "read audit",
                (c, db) -> audit.history(c, db, organisationId, accountId, Math.min(max, JdbcRoster.MAX_ROWS)));
    }

    @Override
    public ImportReport importPeople(Actor actor, String organisationId, List<ImportRow> rows, boolean dryRun,
            ImportProgress progress) throws RegistryUnavailableException {
        return imports.importPeople(actor, organisationId, rows, dryRun, progress);
    }
}
