package ru.esiaedu.registry.jdbc;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import ru.esiaedu.registry.RegistryRole;
import ru.esiaedu.registry.imports.ImportColumn;
import ru.esiaedu.registry.school.CardField;
import ru.esiaedu.registry.school.ImportChange;
import ru.esiaedu.registry.school.ImportProblem;
import ru.esiaedu.registry.school.ImportRow;
import ru.esiaedu.registry.school.Kinship;
import ru.esiaedu.registry.school.StaffPosition;

/**
 * What an import will do, decided before anything is written (pure: the organisation's state comes as an
 * {@link ImportSnapshot}). Every row is checked as the class page checks an edit ({@link CardValues}); a bad row is a
 * problem and nothing of it is written. Rules:
 * <ul>
 * <li>the school's person id is the key: it is required, at most 64 characters, and a file naming one id twice has
 * all those rows refused (which one is right cannot be told);</li>
 * <li>an empty optional cell keeps what is stored (an import never erases; the class page does);</li>
 * <li>a class the organisation does not have yet is created (a new school year brings new classes);</li>
 * <li>a parent's children are person ids of students in the file or already in the registry;</li>
 * <li>links and positions are only added, never removed.</li>
 * </ul>
 */
final class ImportPlan {

    static final int PERSON_ID_MAX = 64;
    static final int CLASS_NAME_MAX = 64;

    /** One account after the import: what to insert or update. */
    static final class Person {
        final int line;
        final String personId;
        final String accountId;
        final RegistryRole role;
        final boolean create;
        String lastName;
        String firstName;
        String middleName;
        LocalDate birthDate;
        String snils;
        String classId;
        List<CardValues.Contact> phones;
        List<CardValues.Contact> emails;
        boolean phonesChanged;
        boolean emailsChanged;
        /** Old and new value of each changed field (audit), in field order. */
        final Map<String, String[]> changes = new LinkedHashMap<>();

        Person(int line, String personId, String accountId, RegistryRole role, boolean create) {
            this.line = line;
            this.personId = personId;
            this.accountId = accountId;
            this.role = role;
            this.create = create;
        }
    }

    record NewLink(String parentAccountId, String studentAccountId, Kinship kinship, boolean kinshipOnly) {
    }

    record NewPosition(String staffAccountId, StaffPosition position, String classId) {
    }

    final List<Person> people = new ArrayList<>();
    final List<NewLink> links = new ArrayList<>();
    final List<NewPosition> positions = new ArrayList<>();
    /** New class id → name as typed. */
    final Map<String, String> newClasses = new LinkedHashMap<>();
    final List<ImportChange> changes = new ArrayList<>();
    final List<ImportProblem> problems = new ArrayList<>();
    int created;
    int updated;
    int unchanged;

    private static final Map<CardField, ImportColumn> COLUMNS = Map.of(
            CardField.LAST_NAME, ImportColumn.LAST_NAME, CardField.FIRST_NAME, ImportColumn.FIRST_NAME,
            CardField.MIDDLE_NAME, ImportColumn.MIDDLE_NAME, CardField.BIRTH_DATE, ImportColumn.BIRTH_DATE,
            CardField.SNILS, ImportColumn.SNILS, CardField.PHONES, ImportColumn.PHONES,
            CardField.EMAILS, ImportColumn.EMAILS);

    private final String organisationId;

    private ImportPlan(String organisationId) {
        this.organisationId = organisationId;
    }

    static ImportPlan of(String organisationId, List<ImportRow> rows, ImportSnapshot snapshot, CardValues values) {
        ImportPlan plan = new ImportPlan(organisationId);
        plan.build(rows, snapshot, values);
        return plan;
    }

    /** A row that passed its own checks, waiting for the checks across rows. */
    private record Checked(ImportRow row, Map<CardField, CardValues.Checked> fields, String classKey) {
    }

    private void build(List<ImportRow> rows, ImportSnapshot snapshot, CardValues values) {
        Map<String, Integer> idCount = new HashMap<>();
        for (ImportRow row : rows) {
            if (row.personId() != null && !row.personId().isBlank()) {
                idCount.merge(row.personId().strip(), 1, Integer::sum);
            }
        }
        Map<String, String> classNames = new LinkedHashMap<>();      // key → name as first typed
        List<Checked> good = new ArrayList<>();
        Map<String, RegistryRole> fileRoles = new HashMap<>();
        for (ImportRow row : rows) {
            Checked checked = check(row, snapshot, values, idCount);
            if (checked != null) {
                good.add(checked);
                fileRoles.put(row.personId().strip(), row.role());
            }
        }
        // a parent's children must exist as students (in the file or in the registry)
        List<Checked> ready = new ArrayList<>();
        for (Checked c : good) {
            if (c.row().role() == RegistryRole.PARENT && !childrenKnown(c.row(), snapshot, fileRoles)) {
                problems.add(new ImportProblem(c.row().line(), ImportColumn.PARENT_OF.heading(), "unknown_child"));
                continue;
            }
            ready.add(c);
            if (c.classKey() != null) {
                classNames.putIfAbsent(c.classKey(), c.row().className().strip());
            }
            for (String name : c.row().teacherOf()) {
                classNames.putIfAbsent(ImportSnapshot.classKey(name), name.strip());
            }
        }
        Map<String, String> classIds = new HashMap<>(snapshot.classIds);
        for (Map.Entry<String, String> e : classNames.entrySet()) {
            if (!classIds.containsKey(e.getKey())) {
                String id = "cls-" + UUID.randomUUID();
                classIds.put(e.getKey(), id);
                newClasses.put(id, e.getValue());
            }
        }
        Map<String, String> accountIds = new HashMap<>();
        for (Checked c : ready) {
            Person person = person(c, snapshot, classIds);
            people.add(person);
            accountIds.put(person.personId, person.accountId);
        }
        for (int i = 0; i < ready.size(); i++) {
            Checked c = ready.get(i);
            Person person = people.get(i);
            List<String> relations = relations(c.row(), person, snapshot, accountIds, classIds);
            record(person, relations);
        }
        problems.sort((a, b) -> Integer.compare(a.line(), b.line()));
        changes.sort((a, b) -> Integer.compare(a.line(), b.line()));
    }

    /** The row's own checks; null (with problems recorded) when it is bad. */
    private Checked check(ImportRow row, ImportSnapshot snapshot, CardValues values, Map<String, Integer> idCount) {
        int problemsBefore = problems.size();
        String personId = row.personId() == null ? "" : row.personId().strip();
        if (personId.isEmpty()) {
            problem(row, ImportColumn.PERSON_ID, "required");
        } else if (personId.length() > PERSON_ID_MAX) {
            problem(row, ImportColumn.PERSON_ID, "too_long");
        } else if (idCount.getOrDefault(personId, 0) > 1) {
            problem(row, ImportColumn.PERSON_ID, "duplicate_person_id");
        }
        if (row.role() == null) {
            problem(row, ImportColumn.ROLE, "unknown_role");
            return null;
        }
        ImportSnapshot.Person existing = snapshot.people.get(personId);
        if (existing != null && existing.role() != row.role()) {
            problem(row, ImportColumn.ROLE, "role_mismatch");
        }
        Map<CardField, CardValues.Checked> fields = new EnumMap<>(CardField.class);
        for (CardField field : CardField.values()) {
            String raw = raw(row, field);
            boolean required = field == CardField.LAST_NAME || field == CardField.FIRST_NAME;
            if (!required && (raw == null || raw.isBlank())) {
                continue;                          // keeps what is stored
            }
            CardValues.Outcome outcome = values.check(field, raw);
            if (outcome.valid()) {
                fields.put(field, outcome.value());
            } else {
                problem(row, COLUMNS.get(field), outcome.reason());
            }
        }
        String classKey = null;
        String className = row.className() == null ? "" : row.className().strip();
        boolean student = row.role() == RegistryRole.STUDENT;
        boolean parent = row.role() == RegistryRole.PARENT;
        boolean staff = row.role() == RegistryRole.STAFF;
        if (!className.isEmpty()) {
            if (!student) {
                problem(row, ImportColumn.CLASS_NAME, "not_for_role");
            } else if (className.length() > CLASS_NAME_MAX) {
                problem(row, ImportColumn.CLASS_NAME, "too_long");
            } else {
                classKey = ImportSnapshot.classKey(className);
            }
        }
        if (!parent && !row.parentOf().isEmpty()) {
            problem(row, ImportColumn.PARENT_OF, "not_for_role");
        }
        if (!parent && row.kinship() != null) {
            problem(row, ImportColumn.KINSHIP, "not_for_role");
        }
        if (!staff && row.position() != null) {
            problem(row, ImportColumn.POSITION, "not_for_role");
        }
        if (!staff && !row.teacherOf().isEmpty()) {
            problem(row, ImportColumn.TEACHER_OF, "not_for_role");
        }
        if (staff) {
            boolean teacher = row.position() == null || row.position() == StaffPosition.CLASS_TEACHER;
            if (!row.teacherOf().isEmpty() && !teacher) {
                problem(row, ImportColumn.TEACHER_OF, "not_for_position");
            } else if (row.position() == StaffPosition.CLASS_TEACHER && row.teacherOf().isEmpty()) {
                problem(row, ImportColumn.TEACHER_OF, "required");
            }
            for (String name : row.teacherOf()) {
                if (name.strip().length() > CLASS_NAME_MAX) {
                    problem(row, ImportColumn.TEACHER_OF, "too_long");
                }
            }
        }
        if (parent && row.parentOf().contains(personId)) {
            problem(row, ImportColumn.PARENT_OF, "unknown_child");
        }
        return problems.size() == problemsBefore ? new Checked(row, fields, classKey) : null;
    }

    private boolean childrenKnown(ImportRow row, ImportSnapshot snapshot, Map<String, RegistryRole> fileRoles) {
        for (String child : row.parentOf()) {
            RegistryRole inFile = fileRoles.get(child);
            ImportSnapshot.Person stored = snapshot.people.get(child);
            boolean known = inFile == RegistryRole.STUDENT
                    || (inFile == null && stored != null && stored.role() == RegistryRole.STUDENT);
            if (!known) {
                return false;
            }
        }
        return true;
    }

    private Person person(Checked c, ImportSnapshot snapshot, Map<String, String> classIds) {
        ImportRow row = c.row();
        String personId = row.personId().strip();
        ImportSnapshot.Person stored = snapshot.people.get(personId);
        Person p = new Person(row.line(), personId, stored == null ? accountId(organisationId, personId)
                : stored.accountId(), row.role(), stored == null);
        if (stored != null) {
            p.lastName = stored.lastName();
            p.firstName = stored.firstName();
            p.middleName = stored.middleName();
            p.birthDate = stored.birthDate();
            p.snils = stored.snils();
            p.classId = stored.classId();
            p.phones = stored.phones();
            p.emails = stored.emails();
        } else {
            p.phones = List.of();
            p.emails = List.of();
        }
        for (Map.Entry<CardField, CardValues.Checked> e : c.fields().entrySet()) {
            CardField field = e.getKey();
            CardValues.Checked value = e.getValue();
            String before = display(p, field);
            switch (field) {
                case LAST_NAME -> p.lastName = value.entered();
                case FIRST_NAME -> p.firstName = value.entered();
                case MIDDLE_NAME -> p.middleName = value.entered();
                case BIRTH_DATE -> p.birthDate = value.birthDate();
                case SNILS -> p.snils = value.normalised();
                case PHONES -> p.phones = value.contacts();
                case EMAILS -> p.emails = value.contacts();
            }
            String after = display(p, field);
            if (!before.equals(after)) {
                p.changes.put(field.name(), new String[] {emptyToNull(before), emptyToNull(after)});
                p.phonesChanged |= field == CardField.PHONES;
                p.emailsChanged |= field == CardField.EMAILS;
            }
        }
        if (c.classKey() != null) {
            String classId = classIds.get(c.classKey());
            if (!classId.equals(p.classId)) {
                p.changes.put(ChangeAudit.CLASS, new String[] {p.classId == null ? null
                        : snapshot.classNames.get(p.classId), row.className().strip()});
                p.classId = classId;
            }
        }
        return p;
    }

    private List<String> relations(ImportRow row, Person person, ImportSnapshot snapshot,
            Map<String, String> accountIds, Map<String, String> classIds) {
        Set<String> relations = new LinkedHashSet<>();
        if (person.changes.containsKey(ChangeAudit.CLASS)) {
            relations.add("CLASS");
        }
        if (row.role() == RegistryRole.PARENT) {
            for (String child : new LinkedHashSet<>(row.parentOf())) {
                String studentId = accountIds.getOrDefault(child,
                        snapshot.people.containsKey(child) ? snapshot.people.get(child).accountId() : null);
                Kinship stored = snapshot.links.get(new ImportSnapshot.Link(person.accountId, studentId));
                if (stored == null) {
                    links.add(new NewLink(person.accountId, studentId, row.kinship() == null ? Kinship.OTHER
                            : row.kinship(), false));
                    relations.add("PARENT_OF");
                } else if (row.kinship() != null && row.kinship() != stored) {
                    links.add(new NewLink(person.accountId, studentId, row.kinship(), true));
                    relations.add("KINSHIP");
                }
            }
        }
        if (row.role() == RegistryRole.STAFF && row.position() != null) {
            List<String> classes = row.position() == StaffPosition.CLASS_TEACHER
                    ? row.teacherOf().stream().map(n -> classIds.get(ImportSnapshot.classKey(n))).distinct().toList()
                    : java.util.Collections.singletonList(null);
            for (String classId : classes) {
                if (!snapshot.positions.contains(new ImportSnapshot.Position(person.accountId, row.position(), classId))) {
                    positions.add(new NewPosition(person.accountId, row.position(), classId));
                    relations.add("POSITION");
                }
            }
        } else if (row.role() == RegistryRole.STAFF && !row.teacherOf().isEmpty()) {
            // «Классы руководства» without «Должность»: a class teacher of those classes
            for (String classId : row.teacherOf().stream().map(n -> classIds.get(ImportSnapshot.classKey(n)))
                    .distinct().toList()) {
                if (!snapshot.positions.contains(new ImportSnapshot.Position(person.accountId,
                        StaffPosition.CLASS_TEACHER, classId))) {
                    positions.add(new NewPosition(person.accountId, StaffPosition.CLASS_TEACHER, classId));
                    relations.add("POSITION");
                }
            }
        }
        return List.copyOf(relations);
    }

    private void record(Person person, List<String> relations) {
        List<CardField> fields = new ArrayList<>();
        for (String name : person.changes.keySet()) {
            if (!name.equals(ChangeAudit.CLASS)) {
                fields.add(CardField.valueOf(name));
            }
        }
        ImportChange.Kind kind;
        if (person.create) {
            kind = ImportChange.Kind.CREATE;
            created++;
        } else if (!fields.isEmpty() || !relations.isEmpty()) {
            kind = ImportChange.Kind.UPDATE;
            updated++;
        } else {
            kind = ImportChange.Kind.UNCHANGED;
            unchanged++;
        }
        changes.add(new ImportChange(person.line, person.personId, kind, fields, relations));
    }

    /** Whether the account's row or contacts need writing. */
    static boolean rowChanged(Person p) {
        return p.create || !p.changes.isEmpty();
    }

    /**
     * A new account's id, derived from the organisation and the school's person id (a name-based UUID): the dry run
     * names the ids applying will use, and no random numbers are drawn for a hundred thousand rows.
     */
    static String accountId(String organisationId, String personId) {
        return "acc-" + UUID.nameUUIDFromBytes((organisationId + "\u0000" + personId)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String display(Person p, CardField field) {
        return switch (field) {
            case LAST_NAME -> Objects.toString(p.lastName, "");
            case FIRST_NAME -> Objects.toString(p.firstName, "");
            case MIDDLE_NAME -> Objects.toString(p.middleName, "");
            case BIRTH_DATE -> p.birthDate == null ? "" : p.birthDate.toString();
            case SNILS -> CardValues.snilsDisplay(p.snils);
            case PHONES -> CardValues.contactsDisplay(p.phones);
            case EMAILS -> CardValues.contactsDisplay(p.emails);
        };
    }

    private static String raw(ImportRow row, CardField field) {
        return switch (field) {
            case LAST_NAME -> row.lastName();
            case FIRST_NAME -> row.firstName();
            case MIDDLE_NAME -> row.middleName();
            case BIRTH_DATE -> row.birthDate();
            case SNILS -> row.snils();
            case PHONES -> row.phones();
            case EMAILS -> row.emails();
        };
    }

    private void problem(ImportRow row, ImportColumn column, String reason) {
        problems.add(new ImportProblem(row.line(), column.heading(), reason));
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
