package ru.esiaedu.desk.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import ru.esiaedu.registry.RegistryRole;
import ru.esiaedu.registry.school.Actor;
import ru.esiaedu.registry.school.AuditEntry;
import ru.esiaedu.registry.school.CardField;
import ru.esiaedu.registry.school.EditResult;
import ru.esiaedu.registry.school.FieldEdit;
import ru.esiaedu.registry.school.ImportChange;
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
import ru.esiaedu.registry.school.StaffPosition;

/**
 * The school's side of the registry in memory, with the contract's scoping (an id of another organisation is
 * unknown), compare-and-set edits and an audit, for the desk's tests without a server. Records every call that
 * writes, so a test can assert that a refused call reached nothing.
 */
public final class InMemoryOffice implements SchoolOffice {

    private final Map<String, SchoolClass> classes = new LinkedHashMap<>();
    private final Map<String, Account> accounts = new LinkedHashMap<>();
    private final List<StaffAssignment> assignments = new ArrayList<>();
    private final Map<Long, InboxRequest> requests = new LinkedHashMap<>();
    private final List<AuditEntry> audit = new ArrayList<>();
    public final List<String> writes = new ArrayList<>();
    private int nextId = 1;

    private static final class Account {
        String id;
        String organisationId;
        RegistryRole role;
        Kinship kinship;
        String classId;
        final List<String> children = new ArrayList<>();
        final Map<CardField, String> fields = new EnumMap<>(CardField.class);
        String esiaOid;

        PersonCard card() {
            return new PersonCard(id, role, kinship, fields, esiaOid != null);
        }
    }

    public InMemoryOffice schoolClass(String organisationId, String classId, String name) {
        classes.put(classId, new SchoolClass(classId, organisationId, name));
        return this;
    }

    public InMemoryOffice student(String organisationId, String classId, String id, String lastName) {
        Account account = account(organisationId, id, RegistryRole.STUDENT, lastName);
        account.classId = classId;
        return this;
    }

    public InMemoryOffice parent(String organisationId, String id, Kinship kinship, String lastName, String... children) {
        Account account = account(organisationId, id, RegistryRole.PARENT, lastName);
        account.kinship = kinship;
        account.children.addAll(List.of(children));
        return this;
    }

    public InMemoryOffice staff(String organisationId, String id, StaffPosition position, String classId) {
        account(organisationId, id, RegistryRole.STAFF, "Сотрудник");
        assignments.add(new StaffAssignment(id, organisationId, position, classId));
        return this;
    }

    public InMemoryOffice request(long id, String organisationId, String email, String oid) {
        requests.put(id, new InboxRequest(id, "Р-2026-" + String.format(Locale.ROOT, "%06d", id), InboxRequestStatus.NEW,
                RegistryRole.PARENT, "Заявитель", "Ребёнок", "SCHOOL", organisationId, "5А", email, oid, Instant.EPOCH,
                null, null, null, null));
        return this;
    }

    public String field(String accountId, CardField field) {
        return accounts.get(accountId).fields.getOrDefault(field, "");
    }

    public String oidOf(String accountId) {
        return accounts.get(accountId).esiaOid;
    }

    public List<AuditEntry> audit() {
        return List.copyOf(audit);
    }

    private Account account(String organisationId, String id, RegistryRole role, String lastName) {
        Account account = new Account();
        account.id = id;
        account.organisationId = organisationId;
        account.role = role;
        account.fields.put(CardField.LAST_NAME, lastName);
        accounts.put(id, account);
        return account;
    }

    private Optional<Account> in(String organisationId, String accountId) {
        Account account = accounts.get(accountId);
        return account != null && account.organisationId.equals(organisationId) ? Optional.of(account) : Optional.empty();
    }

    @Override
    public List<StaffAssignment> assignments(String staffAccountId) {
        return assignments.stream().filter(a -> a.staffAccountId().equals(staffAccountId)).toList();
    }

    @Override
    public List<SchoolClass> classes(String organisationId) {
        return classes.values().stream().filter(c -> c.organisationId().equals(organisationId)).toList();
    }

    @Override
    public Optional<SchoolClass> schoolClass(String organisationId, String classId) {
        return Optional.ofNullable(classes.get(classId)).filter(c -> c.organisationId().equals(organisationId));
    }

    @Override
    public List<RosterRow> roster(String organisationId, String classId) {
        List<RosterRow> rows = new ArrayList<>();
        for (Account student : accounts.values()) {
            if (student.role == RegistryRole.STUDENT && student.organisationId.equals(organisationId)
                    && classId.equals(student.classId)) {
                rows.add(new RosterRow(student.card(), parentOf(student, Kinship.MOTHER), parentOf(student, Kinship.FATHER)));
            }
        }
        return rows;
    }

    private PersonCard parentOf(Account student, Kinship kinship) {
        return accounts.values().stream()
                .filter(a -> a.role == RegistryRole.PARENT && a.kinship == kinship && a.children.contains(student.id))
                .findFirst().map(Account::card).orElse(null);
    }

    @Override
    public Optional<String> classOfStudent(String organisationId, String studentAccountId) {
        return in(organisationId, studentAccountId).filter(a -> a.role == RegistryRole.STUDENT).map(a -> a.classId);
    }

    @Override
    public List<String> childrenOfParent(String organisationId, String parentAccountId) {
        return in(organisationId, parentAccountId).map(a -> List.copyOf(a.children)).orElse(List.of());
    }

    @Override
    public Optional<PersonCard> card(String organisationId, String accountId) {
        return in(organisationId, accountId).map(Account::card);
    }

    @Override
    public EditResult edit(Actor actor, String organisationId, FieldEdit edit) {
        writes.add("edit " + edit.accountId() + " " + edit.field());
        Account account = in(organisationId, edit.accountId()).orElseThrow();
        String current = account.fields.getOrDefault(edit.field(), "");
        if (!current.equals(edit.expected() == null ? "" : edit.expected())) {
            return new EditResult.Conflict(current);
        }
        String value = edit.value() == null ? "" : edit.value().trim();
        if (edit.field() == CardField.SNILS && !value.isEmpty() && !value.replaceAll("\\D", "").matches("\\d{11}")) {
            return new EditResult.Invalid("snils");
        }
        account.fields.put(edit.field(), value);
        audit.add(new AuditEntry(audit.size() + 1, organisationId, edit.accountId(), edit.field().name(), current, value,
                actor.id(), Instant.EPOCH));
        return new EditResult.Saved(value);
    }

    @Override
    public PersonCard addParent(Actor actor, String organisationId, String studentAccountId, Kinship kinship) {
        writes.add("addParent " + studentAccountId + " " + kinship);
        Account student = in(organisationId, studentAccountId).orElseThrow();
        PersonCard existing = parentOf(student, kinship);
        if (existing != null) {
            return existing;
        }
        String id = "new-parent-" + nextId++;
        parent(organisationId, id, kinship, "", studentAccountId);
        accounts.get(id).fields.put(CardField.LAST_NAME, "");
        return accounts.get(id).card();
    }

    @Override
    public StaffLinkResult link(Actor actor, String organisationId, String accountId, String esiaOid) {
        writes.add("link " + accountId);
        Optional<Account> account = in(organisationId, accountId);
        if (account.isEmpty()) {
            return StaffLinkResult.NO_ACCOUNT;
        }
        if (esiaOid.equals(account.get().esiaOid)) {
            return StaffLinkResult.ALREADY_LINKED;
        }
        if (account.get().esiaOid != null) {
            return StaffLinkResult.HELD_BY_ANOTHER;
        }
        account.get().esiaOid = esiaOid;
        return StaffLinkResult.LINKED;
    }

    @Override
    public boolean unlink(Actor actor, String organisationId, String accountId, String reason) {
        writes.add("unlink " + accountId);
        Optional<Account> account = in(organisationId, accountId);
        if (account.isEmpty() || account.get().esiaOid == null) {
            return false;
        }
        account.get().esiaOid = null;
        return true;
    }

    @Override
    public List<InboxRequest> requests(String organisationId, InboxRequestStatus status, int first, int max) {
        return requests.values().stream().filter(r -> organisationId.equals(r.organisationId()))
                .filter(r -> status == null || r.status() == status).toList();
    }

    @Override
    public List<InboxRequest> requestsWithoutOrganisation(InboxRequestStatus status, int first, int max) {
        return requests.values().stream().filter(r -> r.organisationId() == null)
                .filter(r -> status == null || r.status() == status).toList();
    }

    @Override
    public Optional<InboxRequest> request(String organisationId, long requestId) {
        return Optional.ofNullable(requests.get(requestId)).filter(r -> organisationId.equals(r.organisationId()));
    }

    @Override
    public boolean assignRequest(Actor actor, long requestId, String organisationId) {
        writes.add("assign " + requestId);
        InboxRequest r = requests.get(requestId);
        if (r == null || r.organisationId() != null || r.status() != InboxRequestStatus.NEW) {
            return false;
        }
        requests.put(requestId, new InboxRequest(r.id(), r.number(), r.status(), r.role(), r.requesterFullName(),
                r.childFullName(), r.organisationType(), organisationId, r.className(), r.contactEmail(), r.esiaOid(),
                r.createdAt(), null, null, null, null));
        return true;
    }

    @Override
    public StaffLinkResult resolveByLinking(Actor actor, String organisationId, long requestId, String accountId) {
        writes.add("resolve " + requestId);
        Optional<InboxRequest> r = request(organisationId, requestId);
        if (r.isEmpty() || r.get().status() != InboxRequestStatus.NEW) {
            return StaffLinkResult.REQUEST_NOT_OPEN;
        }
        StaffLinkResult result = link(actor, organisationId, accountId, r.get().esiaOid());
        if (result == StaffLinkResult.LINKED || result == StaffLinkResult.ALREADY_LINKED) {
            close(r.get(), InboxRequestStatus.LINKED, accountId, null, actor);
        }
        return result;
    }

    @Override
    public boolean reject(Actor actor, String organisationId, long requestId, String comment) {
        writes.add("reject " + requestId);
        Optional<InboxRequest> r = request(organisationId, requestId);
        if (r.isEmpty() || r.get().status() != InboxRequestStatus.NEW) {
            return false;
        }
        close(r.get(), InboxRequestStatus.REJECTED, null, comment, actor);
        return true;
    }

    private void close(InboxRequest r, InboxRequestStatus status, String accountId, String comment, Actor actor) {
        requests.put(r.id(), new InboxRequest(r.id(), r.number(), status, r.role(), r.requesterFullName(), r.childFullName(),
                r.organisationType(), r.organisationId(), r.className(), r.contactEmail(), r.esiaOid(), r.createdAt(),
                accountId, comment, actor.id(), Instant.EPOCH));
    }

    @Override
    public List<NotMeReport> notMeReports(String organisationId, int first, int max) {
        return List.of();
    }

    @Override
    public List<PersonCard> search(String organisationId, RegistryRole roleOrNull, String text, int max) {
        String needle = text.toUpperCase(Locale.ROOT);
        return accounts.values().stream().filter(a -> a.organisationId.equals(organisationId))
                .filter(a -> roleOrNull == null || a.role == roleOrNull)
                .filter(a -> a.fields.getOrDefault(CardField.LAST_NAME, "").toUpperCase(Locale.ROOT).contains(needle))
                .map(Account::card).limit(max).toList();
    }

    @Override
    public List<AuditEntry> history(String organisationId, String accountId, int max) {
        return audit.stream().filter(e -> e.organisationId().equals(organisationId) && e.accountId().equals(accountId))
                .toList();
    }

    @Override
    public ImportReport importPeople(Actor actor, String organisationId, List<ImportRow> rows, boolean dryRun,
            ImportProgress progress) {
        writes.add((dryRun ? "plan " : "import ") + rows.size());
        List<ImportChange> changes = new ArrayList<>();
        int done = 0;
        for (ImportRow row : rows) {
            boolean exists = accounts.containsKey(row.personId());
            changes.add(new ImportChange(row.line(), row.personId(), exists ? ImportChange.Kind.UNCHANGED : ImportChange.Kind.CREATE, List.of()));
            if (!dryRun && !exists) {
                account(organisationId, row.personId(), row.role(), Objects.requireNonNullElse(row.lastName(), ""));
            }
            progress.rowsDone(++done, rows.size());
        }
        int created = (int) changes.stream().filter(c -> c.kind() == ImportChange.Kind.CREATE).count();
        return new ImportReport(!dryRun, created, 0, rows.size() - created, changes, List.of());
    }
}
