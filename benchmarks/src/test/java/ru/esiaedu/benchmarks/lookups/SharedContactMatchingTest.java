package ru.esiaedu.benchmarks.lookups;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import ru.esiaedu.esia.api.AccountType;
import ru.esiaedu.esia.person.BrokeredEsiaPerson;
import ru.esiaedu.linker.match.AccountMatcher;
import ru.esiaedu.linker.match.MatchResult;
import ru.esiaedu.login.age.AgeRules;
import ru.esiaedu.registry.LinkRule;
import ru.esiaedu.registry.RegistryAccount;
import ru.esiaedu.registry.RegistryRole;
import ru.esiaedu.registry.SchoolRegistryProvider;
import ru.esiaedu.registry.jdbc.JdbcSchoolRegistryProviderFactory;
import ru.esiaedu.registry.jdbc.RegistryConfig;
import ru.esiaedu.registry.normalize.Names;

/**
 * The linker's matcher on the real JDBC registry (embedded PostgreSQL) when a placeholder phone is on many cards.
 * The person's verified phone is on card A (her maiden name, no birth date: a namesake's, for all anyone knows) and on
 * card B (her first name and birth date, another surname: married). Both agree with her, so the contact is ambiguous
 * and must link nothing. Organisation names put A first and B after the other cards: a registry that answered the
 * first 50 cards by organisation name would show the matcher A without B, and A would be linked.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedContactMatchingTest {

    private static final AgeRules AGE = new AgeRules(Clock.fixed(Instant.parse("2026-09-01T09:00:00Z"),
            ZoneId.of("Europe/Moscow")));

    private EmbeddedPostgres postgres;
    private JdbcSchoolRegistryProviderFactory factory;
    private SchoolRegistryProvider registry;

    @BeforeAll
    void openRegistry() throws Exception {
        postgres = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(120)).start();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE registry");
        }
        factory = new JdbcSchoolRegistryProviderFactory();
        factory.init(new RegistryConfig("jdbc:postgresql://localhost:" + postgres.getPort() + "/registry", "postgres",
                "postgres", 2, 3, 30, false, false, false));
        registry = factory.create(null);
        registry.organisations();     // migrates
        try (Connection c = postgres.getDatabase("postgres", "registry").getConnection()) {
            exec(c, "INSERT INTO sr_organisation (id, org_type, name) VALUES ('org-a', 'SCHOOL', 'А-школа'),"
                    + " ('org-b', 'SCHOOL', 'Б-школа'), ('org-z', 'SCHOOL', 'Я-школа')");
        }
    }

    @AfterAll
    void closeRegistry() throws Exception {
        if (factory != null) {
            factory.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aPlaceholderOnMoreCardsThanALookupReturnsLinksNothing() throws Exception {
        cards("79000000000", 60, true);
        MatchResult result = new AccountMatcher(registry, AGE).match(person("+7 900 000-00-00"), RegistryRole.PARENT);
        assertThat(result.accounts()).isEmpty();
        assertThat(result.matched()).isFalse();
    }

    @Test
    void aContactOnFewerCardsThanTheLimitIsAmbiguousWhenTheyAreTwoPeople() throws Exception {
        cards("79000000001", 10, true);
        MatchResult result = new AccountMatcher(registry, AGE).match(person("+7 900 000-00-01"), RegistryRole.PARENT);
        assertThat(result.ambiguous()).isTrue();
        assertThat(result.rule()).isEqualTo(LinkRule.PHONE);
        assertThat(result.accounts()).isEmpty();
    }

    @Test
    void aContactOnFewerCardsThanTheLimitFindsTheOneWhoseOwnerAgrees() throws Exception {
        cards("79000000002", 10, false);
        MatchResult result = new AccountMatcher(registry, AGE).match(person("+7 900 000-00-02"), RegistryRole.PARENT);
        assertThat(result.rule()).isEqualTo(LinkRule.PHONE);
        assertThat(result.accounts()).extracting(RegistryAccount::id).containsExactly("a-79000000002");
    }

    /** A confirmed ESIA adult: Мария Иванова, born 5 May 1985, this verified phone, no SNILS, no passport. */
    private static BrokeredEsiaPerson person(String verifiedMobile) {
        return new BrokeredEsiaPerson("oid-maria", "Иванова", "Мария", null, LocalDate.of(1985, 5, 5), null, true,
                AccountType.CONFIRMED, null, verifiedMobile, null, null);
    }

    /** Card A, {@code others} cards of other people, and card B if asked, all parents carrying the phone. */
    private void cards(String phone, int others, boolean withB) throws SQLException {
        try (Connection c = postgres.getDatabase("postgres", "registry").getConnection()) {
            card(c, "a-" + phone, "org-a", "Иванова", "Мария", null, phone);
            for (int i = 0; i < others; i++) {
                card(c, String.format("b-%s-%02d", phone, i), "org-b", "Другая" + i, "Ольга", "1970-01-01", phone);
            }
            if (withB) {
                card(c, "z-" + phone, "org-z", "Петрова", "Мария", "1985-05-05", phone);
            }
        }
    }

    private static void card(Connection c, String id, String org, String last, String first, String birth, String phone)
            throws SQLException {
        exec(c, "INSERT INTO sr_account (id, account_role, organisation_id, last_name, first_name, last_name_norm,"
                + " first_name_norm, birth_date, created_at) VALUES (?, 'PARENT', ?, ?, ?, ?, ?, CAST(? AS DATE),"
                + " CURRENT_TIMESTAMP)", id, org, last, first, Names.normalize(last), Names.normalize(first), birth);
        exec(c, "INSERT INTO sr_account_phone (account_id, phone) VALUES (?, ?)", id, phone);
    }

    private static void exec(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.executeUpdate();
        }
    }
}
