package ru.esiaedu.registry.jdbc;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ru.esiaedu.registry.DocumentType;
import ru.esiaedu.registry.IdentityDocument;
import ru.esiaedu.registry.Organisation;
import ru.esiaedu.registry.RegistryAccount;
import ru.esiaedu.registry.RegistryRole;

/**
 * A finder's lookup as one statement: the accounts it selects (by organisation name, then id; one more than
 * {@link JdbcSchoolRegistryProvider#MAX_ACCOUNTS}, to tell "more than the limit") and, in the same statement, their
 * phones, e-mails and documents, each kind in its own order. One round trip instead of four: on a busy database
 * host each round trip is a wait for a core, and the lookup's p99 is mostly those waits.
 */
final class AccountLookup {

    /** Rows a lookup reads at most: the limit plus one, the sign that there are more. */
    static final int READ = JdbcSchoolRegistryProvider.MAX_ACCOUNTS + 1;

    private static final int ACCOUNT = 0;
    private static final int PHONE = 1;
    private static final int EMAIL = 2;
    private static final int DOCUMENT = 3;

    /** The account columns after the sort keys; the contact and document rows leave them empty. */
    private static final String NO_ACCOUNT = ", NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL";

    private static final String FOUND = "WITH found AS (SELECT a.id, a.account_role, a.organisation_id, o.org_type,"
            + " o.name AS org_name, o.municipality, c.name AS class_name, a.last_name, a.first_name, a.middle_name,"
            + " a.birth_date, a.snils, a.esia_oid FROM sr_account a JOIN sr_organisation o ON o.id = a.organisation_id"
            + " LEFT JOIN sr_class c ON c.id = a.class_id ";

    // kind, account id, three sort keys (which carry the contact or the document), then the account's columns
    private static final String ROWS = " ORDER BY o.name, a.id FETCH FIRST " + READ + " ROWS ONLY)"
            + " SELECT " + ACCOUNT + " AS kind, id AS account_id, org_name AS k1, id AS k2, CAST(NULL AS VARCHAR(16)) AS k3,"
            + " account_role, organisation_id, org_type, municipality, class_name, last_name, first_name, middle_name,"
            + " birth_date, snils, esia_oid FROM found"
            + " UNION ALL SELECT " + PHONE + ", ph.account_id, ph.phone, NULL, NULL" + NO_ACCOUNT
            + " FROM sr_account_phone ph JOIN found f ON f.id = ph.account_id"
            + " UNION ALL SELECT " + EMAIL + ", em.account_id, em.email, NULL, NULL" + NO_ACCOUNT
            + " FROM sr_account_email em JOIN found f ON f.id = em.account_id"
            + " UNION ALL SELECT " + DOCUMENT + ", dc.account_id, dc.doc_type, dc.doc_number, dc.series" + NO_ACCOUNT
            + " FROM sr_account_document dc JOIN found f ON f.id = dc.account_id"
            + " ORDER BY kind, k1, k2";

    /**
     * The accounts of a contact (alias {@code p} for the phone, {@code e} for the e-mail) and a role: the contact's
     * rows are read only until {@link #READ} accounts of the role are found. Sorting them all first and letting the
     * driver cut the answer read every card of a placeholder number (tens of thousands in a region).
     */
    static final String BY_PHONE = "WHERE a.id IN (SELECT p.account_id FROM sr_account_phone p JOIN sr_account r"
            + " ON r.id = p.account_id WHERE r.account_role = ? AND p.phone = ? FETCH FIRST " + READ + " ROWS ONLY)";
    static final String BY_EMAIL = "WHERE a.id IN (SELECT e.account_id FROM sr_account_email e JOIN sr_account r"
            + " ON r.id = e.account_id WHERE r.account_role = ? AND e.email = ? FETCH FIRST " + READ + " ROWS ONLY)";

    private AccountLookup() {
    }

    /** The whole statement for a finder's condition on {@code a} (the account), {@code o} and {@code c}. */
    static String sql(String where) {
        return FOUND + where + ROWS;
    }

    /** The first {@code MAX_ACCOUNTS} accounts of the rows with their contacts and documents, and how many there were. */
    static Found read(ResultSet r) throws SQLException {
        Map<String, Builder> byId = new LinkedHashMap<>();
        int accounts = 0;
        while (r.next()) {
            int kind = r.getInt("kind");
            String id = r.getString("account_id");
            if (kind == ACCOUNT) {
                accounts++;
                if (byId.size() < JdbcSchoolRegistryProvider.MAX_ACCOUNTS) {
                    byId.put(id, new Builder(r));
                }
                continue;
            }
            Builder b = byId.get(id);
            if (b == null) {
                continue;        // the account beyond the limit
            }
            switch (kind) {
                case PHONE -> b.phones.add(r.getString("k1"));
                case EMAIL -> b.emails.add(r.getString("k1"));
                case DOCUMENT -> b.documents.add(new IdentityDocument(DocumentType.valueOf(r.getString("k1")),
                        r.getString("k3"), r.getString("k2")));
                default -> throw new SQLException("unexpected row kind " + kind);
            }
        }
        List<RegistryAccount> result = new ArrayList<>(byId.size());
        for (Builder b : byId.values()) {
            result.add(b.build());
        }
        return new Found(List.copyOf(result), accounts > JdbcSchoolRegistryProvider.MAX_ACCOUNTS);
    }

    /** The accounts (at most the limit) and whether more matched. */
    record Found(List<RegistryAccount> accounts, boolean moreThanTheLimit) {
    }

    private static final class Builder {
        final String id;
        final RegistryRole role;
        final Organisation organisation;
        final String className;
        final String lastName;
        final String firstName;
        final String middleName;
        final LocalDate birthDate;
        final String snils;
        final String esiaOid;
        final List<String> phones = new ArrayList<>();
        final List<String> emails = new ArrayList<>();
        final List<IdentityDocument> documents = new ArrayList<>();

        Builder(ResultSet r) throws SQLException {
            id = r.getString("account_id");
            role = RegistryRole.valueOf(r.getString("account_role"));
            organisation = new Organisation(r.getString("organisation_id"), r.getString("org_type"),
                    r.getString("k1"), r.getString("municipality"));
            className = r.getString("class_name");
            lastName = r.getString("last_name");
            firstName = r.getString("first_name");
            middleName = r.getString("middle_name");
            Date birth = r.getDate("birth_date");
            birthDate = birth == null ? null : birth.toLocalDate();
            snils = r.getString("snils");
            esiaOid = r.getString("esia_oid");
        }

        RegistryAccount build() {
            return new RegistryAccount(id, role, organisation, className, lastName, firstName, middleName, birthDate,
                    snils, phones, emails, documents, esiaOid);
        }
    }
}
