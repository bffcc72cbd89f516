package ru.esiaedu.registry.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import ru.esiaedu.registry.normalize.Names;

/**
 * A fresh organisation per test, written straight into the tables (as the school's system would have filled them):
 * class «5А» with student {@link #student} (mother {@link #mother} with a phone, father {@link #father}) and
 * {@link #classmate}, class «5Б» with {@link #otherStudent}, staff {@link #teacher} (class teacher of 5А). Ids are
 * unique per fixture, so tests never see each other's writes.
 */
final class SchoolFixture {

    private static final AtomicInteger NEXT = new AtomicInteger();

    final String org;
    final String classA;
    final String classB;
    final String student;
    final String classmate;
    final String otherStudent;
    final String mother;
    final String father;
    final String teacher;

    private SchoolFixture(String n) {
        org = "org-" + n;
        classA = "cls-" + n + "-a";
        classB = "cls-" + n + "-b";
        student = "st-" + n;
        classmate = "st2-" + n;
        otherStudent = "st3-" + n;
        mother = "mo-" + n;
        father = "fa-" + n;
        teacher = "te-" + n;
    }

    static SchoolFixture create(Connection c) throws SQLException {
        SchoolFixture f = new SchoolFixture(System.nanoTime() % 100000 + "x" + NEXT.incrementAndGet());
        exec(c, "INSERT INTO sr_organisation (id, org_type, name) VALUES (?, 'SCHOOL', ?)", f.org, "Школа " + f.org);
        exec(c, "INSERT INTO sr_class (id, organisation_id, name) VALUES (?, ?, '5А')", f.classA, f.org);
        exec(c, "INSERT INTO sr_class (id, organisation_id, name) VALUES (?, ?, '5Б')", f.classB, f.org);
        account(c, f.student, "STUDENT", f.org, f.classA, "Яковлева", "Софья", "Андреевна", "2015-03-04");
        account(c, f.classmate, "STUDENT", f.org, f.classA, "Андреев", "Илья", null, "2015-01-02");
        account(c, f.otherStudent, "STUDENT", f.org, f.classB, "Борисов", "Глеб", null, "2014-12-12");
        account(c, f.mother, "PARENT", f.org, null, "Яковлева", "Ирина", "Олеговна", "1986-02-02");
        account(c, f.father, "PARENT", f.org, null, "Яковлев", "Андрей", "Петрович", null);
        account(c, f.teacher, "STAFF", f.org, null, "Учительская", "Анна", null, null);
        exec(c, "INSERT INTO sr_account_phone (account_id, phone, phone_entered) VALUES (?, '79161234567', '8 916 123-45-67')",
                f.mother);
        exec(c, "INSERT INTO sr_parent_student (parent_account_id, student_account_id, kinship) VALUES (?, ?, 'MOTHER')",
                f.mother, f.student);
        exec(c, "INSERT INTO sr_parent_student (parent_account_id, student_account_id, kinship) VALUES (?, ?, 'FATHER')",
                f.father, f.student);
        exec(c, "INSERT INTO sr_staff_position (staff_account_id, organisation_id, position, class_id)"
                + " VALUES (?, ?, 'CLASS_TEACHER', ?)", f.teacher, f.org, f.classA);
        return f;
    }

    private static void account(Connection c, String id, String role, String org, String classId, String last,
            String first, String middle, String birth) throws SQLException {
        exec(c, "INSERT INTO sr_account (id, account_role, organisation_id, class_id, last_name, first_name, middle_name,"
                + " last_name_norm, first_name_norm, middle_name_norm, birth_date, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS DATE), CURRENT_TIMESTAMP)", id, role, org, classId,
                last, first, middle, Names.normalize(last), Names.normalize(first), Names.normalize(middle), birth);
    }

    static void exec(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.executeUpdate();
        }
    }
}
