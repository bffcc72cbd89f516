package ru.esiaedu.registry.jdbc;

import static ru.esiaedu.registry.jdbc.JdbcSchoolRegistryProvider.bind;
import static ru.esiaedu.registry.jdbc.JdbcSchoolRegistryProvider.prepare;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ru.esiaedu.registry.RegistryRole;
import ru.esiaedu.registry.RegistryUnavailableException;
import ru.esiaedu.registry.normalize.Names;
import ru.esiaedu.registry.school.CardField;
import ru.esiaedu.registry.school.Kinship;
import ru.esiaedu.registry.school.PersonCard;
import ru.esiaedu.registry.school.RosterRow;
import ru.esiaedu.registry.school.SchoolClass;
import ru.esiaedu.registry.school.StaffAssignment;
import ru.esiaedu.registry.school.StaffPosition;

/**
 * What the school's pages read: positions, classes, the class page's rows, cards, the search for a child. Every
 * query names the organisation, so an id of another organisation finds nothing.
 */
final class JdbcRoster {

    /** Upper bound of a search's and a page's rows. */
    static final int MAX_ROWS = 500;

    private final JdbcSchoolRegistryProvider.DatabaseSupplier database;

    JdbcRoster(JdbcSchoolRegistryProvider.DatabaseSupplier database) {
        this.database = database;
    }

    List<StaffAssignment> assignments(String staffAccountId) throws RegistryUnavailableException {
        if (blank(staffAccountId)) {
            return List.of();
        }
        return Transactions.read(database, "read staff positions", (c, db) -> {
            try (PreparedStatement s = prepare(c, db, "SELECT p.staff_account_id, p.organisation_id, p.position,"
                    + " p.class_id FROM sr_staff_position p JOIN sr_account a ON a.id = p.staff_account_id"
                    + " WHERE p.staff_account_id = ? AND a.account_role = 'STAFF'"
                    + " AND a.organisation_id = p.organisation_id ORDER BY p.position, p.class_id")) {
                s.setString(1, staffAccountId);
                List<StaffAssignment> result = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        result.add(new StaffAssignment(r.getString(1), r.getString(2),
                                StaffPosition.valueOf(r.getString(3)), r.getString(4)));
                    }
                }
                return List.copyOf(result);
            }
        });
    }

    List<SchoolClass> classes(String organisationId) throws RegistryUnavailableException {
        if (blank(organisationId)) {
            return List.of();
        }
        return Transactions.read(database, "list classes", (c, db) -> classes(c, db, organisationId));
    }

    static List<SchoolClass> classes(Connection c, RegistryDatabase db, String organisationId) throws SQLException {
        try (PreparedStatement s = prepare(c, db,
                "SELECT id, organisation_id, name FROM sr_class WHERE organisation_id = ? ORDER BY name, id")) {
            s.setString(1, organisationId);
            List<SchoolClass> result = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    result.add(new SchoolClass(r.getString(1), r.getString(2), r.getString(3)));
                }
            }
            return List.copyOf(result);
        }
    }

    Optional<SchoolClass> schoolClass(String organisationId, String classId) throws RegistryUnavailableException {
        if (blank(organisationId) || blank(classId)) {
            return Optional.empty();
        }
        return Transactions.read(database, "read class", (c, db) -> {
            try (PreparedStatement s = prepare(c, db,
                    "SELECT id, organisation_id, name FROM sr_class WHERE organisation_id = ? AND id = ?")) {
                s.setString(1, organisationId);
                s.setString(2, classId);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(new SchoolClass(r.getString(1), r.getString(2), r.getString(3)))
                            : Optional.<SchoolClass>empty();
                }
            }
        });
    }

    List<RosterRow> roster(String organisationId, String classId) throws RegistryUnavailableException {
        if (blank(organisationId) || blank(classId)) {
            return List.of();
        }
        return Transactions.read(database, "read class roster", (c, db) -> {
            List<String> students = new ArrayList<>();
            try (PreparedStatement s = prepare(c, db, "SELECT a.id FROM sr_account a WHERE a.organisation_id = ?"
                    + " AND a.class_id = ? AND a.account_role = 'STUDENT'"
                    + " ORDER BY a.last_name_norm, a.first_name_norm, a.middle_name_norm, a.id")) {
                s.setMaxRows(MAX_ROWS);
                s.setString(1, organisationId);
                s.setString(2, classId);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        students.add(r.getString(1));
                    }
                }
            }
            if (students.isEmpty()) {
                return List.of();
            }
            // the first mother and the first father of each student (by account id, so the page is stable)
            Map<String, String> mothers = new HashMap<>();
            Map<String, String> fathers = new HashMap<>();
            try (PreparedStatement s = prepare(c, db, "SELECT ps.student_account_id, ps.parent_account_id, ps.kinship"
                    + " FROM sr_parent_student ps JOIN sr_account p ON p.id = ps.parent_account_id"
                    + " WHERE p.organisation_id = ? AND ps.student_account_id IN (" + marks(students.size()) + ")"
                    + " ORDER BY ps.parent_account_id")) {
                s.setString(1, organisationId);
                for (int i = 0; i < students.size(); i++) {
                    s.setString(i + 2, students.get(i));
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        Kinship kinship = Kinship.valueOf(r.getString(3));
                        if (kinship == Kinship.MOTHER) {
                            mothers.putIfAbsent(r.getString(1), r.getString(2));
                        } else if (kinship == Kinship.FATHER) {
                            fathers.putIfAbsent(r.getString(1), r.getString(2));
                        }
                    }
                }
            }
            List<String> ids = new ArrayList<>(students);
            ids.addAll(mothers.values());
            ids.addAll(fathers.values());
            Map<String, PersonCard> cards = cards(c, db, organisationId, ids);
            List<RosterRow> rows = new ArrayList<>(students.size());
            for (String student : students) {
                rows.add(new RosterRow(cards.get(student), withKinship(cards.get(mothers.get(student)), Kinship.MOTHER),
                        withKinship(cards.get(fathers.get(student)), Kinship.FATHER)));
            }
            return List.copyOf(rows);
        });
    }

    Optional<String> classOfStudent(String organisationId, String studentAccountId) throws RegistryUnavailableException {
        if (blank(organisationId) || blank(studentAccountId)) {
            return Optional.empty();
        }
        return Transactions.read(database, "read class of student", (c, db) -> {
            try (PreparedStatement s = prepare(c, db, "SELECT class_id FROM sr_account WHERE id = ?"
                    + " AND organisation_id = ? AND account_role = 'STUDENT'")) {
                s.setString(1, studentAccountId);
                s.setString(2, organisationId);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.ofNullable(r.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    List<String> childrenOfParent(String organisationId, String parentAccountId) throws RegistryUnavailableException {
        if (blank(organisationId) || blank(parentAccountId)) {
            return List.of();
        }
        return Transactions.read(database, "read children of parent", (c, db) -> {
            try (PreparedStatement s = prepare(c, db, "SELECT ps.student_account_id FROM sr_parent_student ps"
                    + " JOIN sr_account p ON p.id = ps.parent_account_id JOIN sr_account st ON st.id = ps.student_account_id"
                    + " WHERE ps.parent_account_id = ? AND p.organisation_id = ? AND st.organisation_id = ?"
                    + " AND p.account_role = 'PARENT' ORDER BY ps.student_account_id")) {
                s.setString(1, parentAccountId);
                s.setString(2, organisationId);
                s.setString(3, organisationId);
                List<String> result = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        result.add(r.getString(1));
                    }
                }
                return List.copyOf(result);
            }
        });
    }

    Optional<PersonCard> card(String organisationId, String accountId) throws RegistryUnavailableException {
        if (blank(organisationId) || blank(accountId)) {
            return Optional.empty();
        }
        return Transactions.read(database, "read card",
                (c, db) -> Optional.ofNullable(cards(c, db, organisationId, List.of(accountId)).get(accountId)));
    }

    List<PersonCard> search(String organisationId, RegistryRole roleOrNull, String text, int max)
            throws RegistryUnavailableException {
        String normalised = Names.normalize(text);
        if (blank(organisationId) || normalised == null || max <= 0) {
            return List.of();
        }
        // every word typed must occur in the normalised full name: «иванова мар» finds «Иванова Мария Петровна»
        List<String> words = List.of(normalised.split(" "));
        StringBuilder where = new StringBuilder("WHERE a.organisation_id = ?");
        List<Object> params = new ArrayList<>();
        params.add(organisationId);
        if (roleOrNull != null) {
            where.append(" AND a.account_role = ?");
            params.add(roleOrNull.name());
        }
        for (String word : words) {
            where.append(" AND (a.last_name_norm || ' ' || a.first_name_norm || ' ' || COALESCE(a.middle_name_norm, ''))"
                    + " LIKE ? ESCAPE '!'");
            params.add("%" + likeEscaped(word) + "%");
        }
        int limit = Math.min(max, MAX_ROWS);
        return Transactions.read(database, "search accounts", (c, db) -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement s = prepare(c, db, "SELECT a.id FROM sr_account a " + where
                    + " ORDER BY a.last_name_norm, a.first_name_norm, a.middle_name_norm, a.id")) {
                s.setMaxRows(limit);
                bind(s, params.toArray());
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        ids.add(r.getString(1));
                    }
                }
            }
            Map<String, PersonCard> cards = cards(c, db, organisationId, ids);
            List<PersonCard> result = new ArrayList<>(ids.size());
            for (String id : ids) {
                result.add(cards.get(id));
            }
            return List.copyOf(result);
        });
    }

    /**
     * Cards of these accounts of this organisation (others are left out), keyed by id. A parent's kinship is the one
     * of its first child; the roster sets it per row.
     */
    static Map<String, PersonCard> cards(Connection c, RegistryDatabase db, String organisationId,
            Collection<String> accountIds) throws SQLException {
        Map<String, PersonCard> result = new LinkedHashMap<>();
        if (accountIds.isEmpty()) {
            return result;
        }
        List<String> ids = List.copyOf(new java.util.LinkedHashSet<>(accountIds));
        String in = marks(ids.size());
        Map<String, Partial> partial = new LinkedHashMap<>();
        try (PreparedStatement s = prepare(c, db, "SELECT id, account_role, last_name, first_name, middle_name,"
                + " birth_date, snils, esia_oid FROM sr_account WHERE organisation_id = ? AND id IN (" + in + ")")) {
            s.setString(1, organisationId);
            for (int i = 0; i < ids.size(); i++) {
                s.setString(i + 2, ids.get(i));
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Partial p = new Partial(r.getString(1), RegistryRole.valueOf(r.getString(2)), r.getString(8) != null);
                    p.fields.put(CardField.LAST_NAME, nullToEmpty(r.getString(3)));
                    p.fields.put(CardField.FIRST_NAME, nullToEmpty(r.getString(4)));
                    p.fields.put(CardField.MIDDLE_NAME, nullToEmpty(r.getString(5)));
                    Date birth = r.getDate(6);
                    p.fields.put(CardField.BIRTH_DATE, birth == null ? "" : birth.toLocalDate().toString());
                    p.fields.put(CardField.SNILS, CardValues.snilsDisplay(r.getString(7)));
                    partial.put(p.id, p);
                }
            }
        }
        if (partial.isEmpty()) {
            return result;
        }
        List<String> found = new ArrayList<>(partial.keySet());
        Map<String, List<CardValues.Contact>> phones = contacts(c, db,
                "SELECT account_id, phone, phone_entered FROM sr_account_phone", found);
        Map<String, List<CardValues.Contact>> emails = contacts(c, db,
                "SELECT account_id, email, email_entered FROM sr_account_email", found);
        Map<String, Kinship> kinships = new HashMap<>();
        try (PreparedStatement s = prepare(c, db, "SELECT parent_account_id, kinship FROM sr_parent_student"
                + " WHERE parent_account_id IN (" + marks(found.size()) + ") ORDER BY parent_account_id, student_account_id")) {
            bind(s, found.toArray());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    kinships.putIfAbsent(r.getString(1), Kinship.valueOf(r.getString(2)));
                }
            }
        }
        for (Partial p : partial.values()) {
            p.fields.put(CardField.PHONES, CardValues.contactsDisplay(phones.getOrDefault(p.id, List.of())));
            p.fields.put(CardField.EMAILS, CardValues.contactsDisplay(emails.getOrDefault(p.id, List.of())));
            result.put(p.id, new PersonCard(p.id, p.role, p.role == RegistryRole.PARENT ? kinships.get(p.id) : null,
                    p.fields, p.linked));
        }
        return result;
    }

    /** The stored contacts of these accounts in the order typed (the order the card shows). */
    static Map<String, List<CardValues.Contact>> contacts(Connection c, RegistryDatabase db, String select,
            List<String> accountIds) throws SQLException {
        Map<String, List<CardValues.Contact>> result = new HashMap<>();
        String column = select.contains("phone") ? "phone" : "email";
        try (PreparedStatement s = prepare(c, db, select + " WHERE account_id IN (" + marks(accountIds.size()) + ")"
                + " ORDER BY account_id, entry_order, " + column)) {
            bind(s, accountIds.toArray());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    result.computeIfAbsent(r.getString(1), k -> new ArrayList<>())
                            .add(new CardValues.Contact(r.getString(2), r.getString(3)));
                }
            }
        }
        return result;
    }

    private static PersonCard withKinship(PersonCard card, Kinship kinship) {
        return card == null ? null : new PersonCard(card.accountId(), card.role(), kinship, card.fields(), card.linked());
    }

    static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    private static String likeEscaped(String word) {
        return word.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static final class Partial {
        final String id;
        final RegistryRole role;
        final boolean linked;
        final Map<CardField, String> fields = new EnumMap<>(CardField.class);

        Partial(String id, RegistryRole role, boolean linked) {
            this.id = id;
            this.role = role;
            this.linked = linked;
        }
    }
}
