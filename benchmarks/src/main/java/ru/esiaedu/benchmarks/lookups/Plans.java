package ru.esiaedu.benchmarks.lookups;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import ru.esiaedu.benchmarks.lookups.Probes.Probe;
import ru.esiaedu.registry.normalize.Emails;
import ru.esiaedu.registry.normalize.Names;
import ru.esiaedu.registry.normalize.Phones;
import ru.esiaedu.registry.normalize.Snils;

/**
 * EXPLAIN (ANALYZE, BUFFERS) of the statements the JDBC registry's finders run (the same text as
 * {@code JdbcSchoolRegistryProvider}: the account query of each rule, then the phones, e-mails and documents of the
 * accounts found), with one hit's values, so the report shows which index each uses.
 */
final class Plans {

    private static final String ACCOUNT_SELECT = "SELECT a.id, a.account_role, a.organisation_id, o.org_type, o.name AS org_name,"
            + " o.municipality, c.name AS class_name, a.last_name, a.first_name, a.middle_name, a.birth_date, a.snils,"
            + " a.esia_oid FROM sr_account a JOIN sr_organisation o ON o.id = a.organisation_id"
            + " LEFT JOIN sr_class c ON c.id = a.class_id ";
    private static final String ORDER = " ORDER BY o.name, a.id";

    private Plans() {
    }

    /** The plan of the rule's account query and, for {@link Rule#BY_ID}, of the three follow-up queries. */
    static List<String> explain(Connection c, Rule rule, Probe p) throws SQLException {
        List<String> plan = new ArrayList<>();
        switch (rule) {
            case SNILS -> plan.addAll(run(c, ACCOUNT_SELECT + "WHERE a.snils = ? AND a.account_role = ?" + ORDER,
                    Snils.normalize(p.value()).orElseThrow(), p.role().name()));
            case PHONE -> plan.addAll(run(c, ACCOUNT_SELECT + "WHERE a.account_role = ? AND a.id IN"
                    + " (SELECT p.account_id FROM sr_account_phone p WHERE p.phone = ?)" + ORDER,
                    p.role().name(), Phones.normalize(p.value()).orElseThrow()));
            case EMAIL -> plan.addAll(run(c, ACCOUNT_SELECT + "WHERE a.account_role = ? AND a.id IN"
                    + " (SELECT e.account_id FROM sr_account_email e WHERE e.email = ?)" + ORDER,
                    p.role().name(), Emails.normalize(p.value()).orElseThrow()));
            case NAME_BIRTH_DATE -> plan.addAll(run(c, ACCOUNT_SELECT + "WHERE a.account_role = ? AND a.last_name_norm = ?"
                    + " AND a.first_name_norm = ? AND a.birth_date = ?" + ORDER, p.role().name(),
                    Names.normalize(p.lastName()), Names.normalize(p.firstName()), Date.valueOf(p.birthDate())));
            case NAME_BIRTH_DATE_MIDDLE -> plan.addAll(run(c, ACCOUNT_SELECT + "WHERE a.account_role = ?"
                    + " AND a.last_name_norm = ? AND a.first_name_norm = ? AND a.birth_date = ?"
                    + " AND (a.middle_name_norm IS NULL OR a.middle_name_norm = ?)" + ORDER, p.role().name(),
                    Names.normalize(p.lastName()), Names.normalize(p.firstName()), Date.valueOf(p.birthDate()),
                    Names.normalize(p.middleName())));
            case LINKED -> plan.addAll(run(c, ACCOUNT_SELECT + "WHERE a.esia_oid = ?" + ORDER, p.value()));
            case BY_ID -> {
                plan.addAll(run(c, ACCOUNT_SELECT + "WHERE a.id = ?" + ORDER, p.value()));
                plan.add("-- then, for the accounts found:");
                plan.addAll(run(c, "SELECT account_id, phone FROM sr_account_phone WHERE account_id IN (?) ORDER BY phone", p.value()));
                plan.addAll(run(c, "SELECT account_id, email FROM sr_account_email WHERE account_id IN (?) ORDER BY email", p.value()));
                plan.addAll(run(c, "SELECT account_id, doc_type, series, doc_number FROM sr_account_document"
                        + " WHERE account_id IN (?) ORDER BY doc_type, doc_number", p.value()));
            }
        }
        return plan;
    }

    /** The sum of the "Execution Time" lines of these plans, in nanoseconds. */
    static long executionNanos(List<String> plan) {
        double millis = 0;
        for (String line : plan) {
            if (line.startsWith("Execution Time: ")) {
                millis += Double.parseDouble(line.substring("Execution Time: ".length(), line.indexOf(" ms")));
            }
        }
        return Math.round(millis * 1e6);
    }

    private static List<String> run(Connection c, String sql, Object... params) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    lines.add(r.getString(1));
                }
            }
        }
        return lines;
    }
}
