package ru.esiaedu.registry.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import ru.esiaedu.registry.AccessRequest;
import ru.esiaedu.registry.AccessRequestReceipt;
import ru.esiaedu.registry.ConsentErasureReceipt;
import ru.esiaedu.registry.ConsentNoticeRecord;
import ru.esiaedu.registry.ConsentRecord;
import ru.esiaedu.registry.ConsentRequestReceipt;
import ru.esiaedu.registry.ConsentRequestRecord;
import ru.esiaedu.registry.ConsentRequestStatus;
import ru.esiaedu.registry.DocumentType;
import ru.esiaedu.registry.IdentityDocument;
import ru.esiaedu.registry.LinkRule;
import ru.esiaedu.registry.Organisation;
import ru.esiaedu.registry.RegistryAccount;
import ru.esiaedu.registry.RegistryRole;
import ru.esiaedu.registry.RegistryUnavailableException;
import ru.esiaedu.registry.SchoolRegistryProvider;
import ru.esiaedu.registry.normalize.Documents;
import ru.esiaedu.registry.normalize.Emails;
import ru.esiaedu.registry.normalize.Names;
import ru.esiaedu.registry.normalize.Phones;
import ru.esiaedu.registry.normalize.Snils;

/**
 * The JDBC provider against the demo data, run once on H2 and once on a real PostgreSQL. Inputs are what ESIA's
 * person API gives for the emulator's persons (persons.json), normalised as the linker will.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractRegistryTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-09-01T09:00:00Z"), ZoneId.of("Europe/Moscow"));
    static final char[] LEGACY_PASSWORD = "Sgo-2024!".toCharArray();

    JdbcSchoolRegistryProviderFactory factory;
    SchoolRegistryProvider registry;

    /** A fresh, empty database (migrations must apply from scratch). */
    abstract RegistryConfig config(boolean demoData, int queryTimeoutSeconds);

    /** A second fresh, empty database. */
    abstract RegistryConfig otherEmptyDatabase(boolean demoData);

    /** A database that does not answer (nothing listens on the port, or the server was stopped). */
    abstract RegistryConfig unreachable();

    abstract Connection admin() throws SQLException;

    @BeforeAll
    void openRegistry() {
        factory = new JdbcSchoolRegistryProviderFactory();
        factory.init(config(true, 3));
        factory.setClock(CLOCK);
        registry = factory.create(null);
    }

    @AfterAll
    void closeRegistry() {
        if (factory != null) {
            factory.close();
        }
    }

    @BeforeEach
    void resetWrites() throws Exception {
        registry.organisations();     // opens and migrates on first use
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE sr_account SET esia_oid = NULL");
            s.executeUpdate("DELETE FROM sr_account_link");
            s.executeUpdate("DELETE FROM sr_access_request");
            // the code never deletes consent rows; tests start from none
            s.executeUpdate("DELETE FROM sr_consent");
            s.executeUpdate("DELETE FROM sr_consent_request_recipient");
            s.executeUpdate("DELETE FROM sr_consent_request");
        }
    }

    // --- migrations -------------------------------------------------------------------------------------------

    @Test
    void migrationsApplyFromScratchIntoOwnChangelogTables() throws Exception {
        assertThat(registry.organisations()).extracting(Organisation::name)
                .containsExactly("Гимназия № 5", "МБДОУ «Детский сад № 12» г. Челябинска", "МБОУ СОШ № 1 г. Челябинска");
        try (Connection c = admin(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM registry_databasechangelog")) {
            r.next();
            assertThat(r.getInt(1)).isEqualTo(17);   // 3 + 1 + 1 + 6 + 2 schema changesets, 4 demo data changesets
        }
        try (Connection c = admin()) {
            assertThat(tableExists(c, "databasechangelog")).as("Keycloak's changelog table untouched").isFalse();
        }
    }

    @Test
    void reopeningAppliesNothingTwice() throws Exception {
        JdbcSchoolRegistryProviderFactory second = new JdbcSchoolRegistryProviderFactory();
        second.init(config(true, 3));
        try {
            assertThat(second.create(null).organisations()).hasSize(3);
        } finally {
            second.close();
        }
        try (Connection c = admin(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM sr_account")) {
            r.next();
            assertThat(r.getInt(1)).isEqualTo(24);
        }
    }

    @Test
    void withoutDemoDataTheSchemaIsEmpty() throws Exception {
        JdbcSchoolRegistryProviderFactory empty = new JdbcSchoolRegistryProviderFactory();
        empty.init(otherEmptyDatabase(false));
        try {
            SchoolRegistryProvider provider = empty.create(null);
            assertThat(provider.organisations()).isEmpty();
            assertThat(provider.findBySnils(RegistryRole.STAFF, "13456789191")).isEmpty();
            assertThat(provider.createAccessRequest(request("k-empty")).created()).isTrue();
            assertThat(provider.listConsents(null, 0, 10)).isEmpty();
            assertThatThrownBy(() -> provider.requestConsent("acc-dzhalilova-gym5", CLIENT, false))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown student account");
        } finally {
            empty.close();
        }
    }

    /** The demo changeset stores normalised columns by hand: they must equal what the Java normalisers give. */
    @Test
    void demoDataIsNormalisedExactlyAsTheNormalisersDo() throws Exception {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT last_name, first_name, middle_name, last_name_norm,"
                    + " first_name_norm, middle_name_norm, snils FROM sr_account")) {
                while (r.next()) {
                    assertThat(r.getString(4)).isEqualTo(Names.normalize(r.getString(1)));
                    assertThat(r.getString(5)).isEqualTo(Names.normalize(r.getString(2)));
                    assertThat(r.getString(6)).isEqualTo(Names.normalize(r.getString(3)));
                    if (r.getString(7) != null) {
                        assertThat(Snils.normalize(r.getString(7))).contains(r.getString(7));
                    }
                }
            }
            try (ResultSet r = s.executeQuery("SELECT phone, phone_entered FROM sr_account_phone")) {
                while (r.next()) {
                    assertThat(Phones.normalize(r.getString(2))).contains(r.getString(1));
                }
            }
            try (ResultSet r = s.executeQuery("SELECT email, email_entered FROM sr_account_email")) {
                while (r.next()) {
                    assertThat(Emails.normalize(r.getString(2))).contains(r.getString(1));
                }
            }
            try (ResultSet r = s.executeQuery("SELECT doc_type, series, doc_number, series_entered, number_entered"
                    + " FROM sr_account_document")) {
                while (r.next()) {
                    DocumentType type = DocumentType.valueOf(r.getString(1));
                    assertThat(Documents.normalize(type, r.getString(4))).isEqualTo(r.getString(2));
                    assertThat(Documents.normalize(type, r.getString(5))).isEqualTo(r.getString(3));
                }
            }
        }
    }

    // --- finders: one positive case per rule, and the near-misses --------------------------------------------

    @Test
    void parentByPhoneTypedInAnotherFormat() throws Exception {
        // ESIA 1000300101: VERIFIED mobile +7(916)5550101; the school typed "8 (916) 555-01-01"
        List<RegistryAccount> found = registry.findByPhone(RegistryRole.PARENT, phone("+7(916)5550101"));
        assertThat(found).extracting(RegistryAccount::id).containsExactly("acc-zakharchenko-sch1");
        RegistryAccount account = found.get(0);
        assertThat(account.organisation()).isEqualTo(new Organisation("sch-chel-1", "SCHOOL",
                "МБОУ СОШ № 1 г. Челябинска", "г. Челябинск"));
        assertThat(account.phones()).containsExactly("79165550101");
        assertThat(account.lastName()).isEqualTo("Захарченко");
        assertThat(account.birthDate()).isEqualTo(LocalDate.of(1985, 3, 14));
        assertThat(registry.findByPhone(RegistryRole.STUDENT, phone("+7(916)5550101"))).isEmpty();
    }

    @Test
    void teacherWhoIsAlsoAParentHasTwoProfiles() throws Exception {
        // ESIA 1000300102: SNILS 134-567-891 91, VERIFIED e-mail E.Sokolova79@yandex.ru
        assertThat(registry.findBySnils(RegistryRole.STAFF, snils("134-567-891 91")))
                .extracting(RegistryAccount::id).containsExactly("acc-sokolova-sch1");
        assertThat(registry.findBySnils(RegistryRole.PARENT, snils("134-567-891 91"))).isEmpty();
        assertThat(registry.findByEmail(RegistryRole.PARENT, email("E.Sokolova79@yandex.ru")))
                .extracting(RegistryAccount::id).containsExactly("acc-sokolova-gym5");
        assertThat(registry.findByEmail(RegistryRole.STAFF, email("E.Sokolova79@yandex.ru"))).isEmpty();
    }

    @Test
    void adultStudentBySnils() throws Exception {
        // ESIA 1000300103
        List<RegistryAccount> found = registry.findBySnils(RegistryRole.STUDENT, snils("156-789-012 11"));
        assertThat(found).extracting(RegistryAccount::id).containsExactly("acc-petrov-sch1");
        assertThat(found.get(0).className()).isEqualTo("11А");
        assertThat(found.get(0).snils()).isEqualTo("15678901211");
        assertThat(found.get(0).documents()).containsExactly(new IdentityDocument(DocumentType.PASSPORT, "4521", "778899"));
    }

    @Test
    void teenByEmail() throws Exception {
        // ESIA 1000300104: VERIFIED e-mail primer123@mail.ru; the school typed "Primer123@Mail.ru", no SNILS
        assertThat(registry.findBySnils(RegistryRole.STUDENT, snils("178-901-234 94"))).isEmpty();
        List<RegistryAccount> found = registry.findByEmail(RegistryRole.STUDENT, email("primer123@mail.ru"));
        assertThat(found).extracting(RegistryAccount::id).containsExactly("acc-dzhalilov-sch1");
        assertThat(found.get(0).className()).isEqualTo("9Б");
        assertThat(found.get(0).emails()).containsExactly("primer123@mail.ru");
    }

    @Test
    void childUnderFourteenByNameBirthDateAndBirthCertificate() throws Exception {
        // ESIA 1000300105: RF_BRTH_CERT IV-МЮ 623145; the school typed "iv мю"
        List<RegistryAccount> found = registry.findByNameAndBirthDate(RegistryRole.STUDENT, Names.normalize("Джалилова"),
                Names.normalize("Амина"), Names.normalize("Егоровна"), LocalDate.of(2016, 9, 12));
        assertThat(found).extracting(RegistryAccount::id).containsExactly("acc-dzhalilova-gym5");
        assertThat(found.get(0).documents()).containsExactly(new IdentityDocument(DocumentType.BIRTH_CERTIFICATE,
                Documents.normalize("IV-МЮ"), Documents.normalize("623145")));
        // ESIA 1000300109: Артём, III-ИК 734512; the school typed "Артем" and "III-ИK" (Latin K)
        List<RegistryAccount> artem = registry.findByNameAndBirthDate(RegistryRole.STUDENT, Names.normalize("Соколов"),
                Names.normalize("Артём"), Names.normalize("Андреевич"), LocalDate.of(2014, 4, 5));
        assertThat(artem).extracting(RegistryAccount::id).containsExactly("acc-sokolov-gym5");
        assertThat(artem.get(0).documents()).extracting(IdentityDocument::series)
                .containsExactly(Documents.normalize("III-ИК"));
    }

    @Test
    void nearMissesDoNotMatch() throws Exception {
        // same name as ESIA 1000300103, other birth date: only the real one comes back
        assertThat(registry.findByNameAndBirthDate(RegistryRole.STUDENT, "ПЕТРОВ", "НИКИТА", "СЕРГЕЕВИЧ",
                LocalDate.of(2007, 2, 17))).extracting(RegistryAccount::id).containsExactly("acc-petrov-sch1");
        // e-mail differs by one letter from ESIA 1000300105's
        assertThat(registry.findByEmail(RegistryRole.STUDENT, email("amina.dzhalilova2016@mail.ru"))).isEmpty();
        // ESIA 1000300107 (Морозова) has no account of her own: SNILS and name find nothing
        assertThat(registry.findBySnils(RegistryRole.PARENT, snils("223-456-789 73"))).isEmpty();
        for (RegistryRole role : RegistryRole.values()) {
            assertThat(registry.findByNameAndBirthDate(role, "МОРОЗОВА", "ОЛЬГА", "ПЕТРОВНА",
                    LocalDate.of(1988, 1, 30))).isEmpty();
        }
        // other middle name: left out; missing middle name on one side: kept
        assertThat(registry.findByNameAndBirthDate(RegistryRole.PARENT, "ЗАХАРЧЕНКО", "ДИАНА", "ИВАНОВНА",
                LocalDate.of(1985, 3, 14))).isEmpty();
        assertThat(registry.findByNameAndBirthDate(RegistryRole.PARENT, "ЗАХАРЧЕНКО", "ДИАНА", null,
                LocalDate.of(1985, 3, 14))).extracting(RegistryAccount::id)
                .containsExactlyInAnyOrder("acc-zakharchenko-sch1", "acc-zakharchenko-gym5");
    }

    /**
     * The registry holds these contacts; refusing them is the matcher's job (unverified contact, simplified
     * account). The data must be there for the linker's tests to prove that refusal.
     */
    @Test
    void dataForTheMatchersRefusalsIsThere() throws Exception {
        assertThat(registry.findByPhone(RegistryRole.PARENT, phone("+7(915)0001122")))
                .extracting(RegistryAccount::id).containsExactly("acc-morozov-dou12");
        assertThat(registry.findBySnils(RegistryRole.PARENT, snils("201-234-567 01")))
                .extracting(RegistryAccount::id).containsExactly("acc-kuznetsov-dou12");
    }

    @Test
    void badOrBlankArgumentsFindNothing() throws Exception {
        assertThat(registry.findBySnils(RegistryRole.STAFF, "134-567-891 19")).isEmpty();   // bad check number
        assertThat(registry.findBySnils(RegistryRole.STAFF, null)).isEmpty();
        assertThat(registry.findByPhone(RegistryRole.PARENT, "garbage")).isEmpty();
        assertThat(registry.findByEmail(RegistryRole.PARENT, " ")).isEmpty();
        assertThat(registry.findByNameAndBirthDate(RegistryRole.STUDENT, "ПЕТРОВ", "НИКИТА", null, null)).isEmpty();
        assertThat(registry.findById("no-such-account")).isEmpty();
        assertThat(registry.findLinked("1")).isEmpty();
        assertThat(registry.findById("x' OR '1'='1")).isEmpty();
    }

    @Test
    void findByIdReturnsEverything() throws Exception {
        RegistryAccount a = registry.findById("acc-kuznetsov-dou12").orElseThrow();
        assertThat(a.role()).isEqualTo(RegistryRole.PARENT);
        assertThat(a.organisation().type()).isEqualTo("KINDERGARTEN");
        assertThat(a.className()).isNull();
        assertThat(a.middleName()).isEqualTo("Владимирович");
        assertThat(a.phones()).containsExactly("79991234567");
        assertThat(a.emails()).containsExactly("igor.kuznetsov90@rambler.ru");
        assertThat(a.documents()).containsExactly(new IdentityDocument(DocumentType.PASSPORT, "4010", "246810"));
        assertThat(a.esiaOid()).isNull();
        assertThat(a.toString()).doesNotContain("Кузнецов").doesNotContain("79991234567");
    }

    /**
     * Schools type a placeholder phone (79000000000) or the school's own e-mail into thousands of cards. A lookup
     * returns at most {@link JdbcSchoolRegistryProvider#MAX_ACCOUNTS} cards and the matcher tells "several people"
     * from the cards it gets: a cut list could leave out the second namesake and hand the card to the wrong one. So a
     * contact on more cards of a role than the limit finds none of them, one on exactly the limit finds them all, and
     * the same contact still finds the cards of another role that are fewer.
     */
    @Test
    void aContactOnMoreCardsOfARoleThanTheLimitFindsNoneOfThem() throws Exception {
        int limit = JdbcSchoolRegistryProvider.MAX_ACCOUNTS;
        withCardsSharingAContact(Map.of(RegistryRole.STUDENT, limit + 1, RegistryRole.PARENT, limit,
                RegistryRole.STAFF, 1), (provider, database) -> {
            assertThat(provider.findByPhone(RegistryRole.STUDENT, "+7 900 000-00-00")).isEmpty();
            assertThat(provider.findByEmail(RegistryRole.STUDENT, "Net@School.example")).isEmpty();

            List<RegistryAccount> parents = provider.findByPhone(RegistryRole.PARENT, "8 (900) 000-00-00");
            assertThat(parents).hasSize(limit).allSatisfy(a -> assertThat(a.role()).isEqualTo(RegistryRole.PARENT));
            assertThat(parents).extracting(RegistryAccount::id).doesNotHaveDuplicates().isSorted();
            assertThat(parents.get(0).phones()).containsExactly("79000000000", "79160000000");
            assertThat(parents.get(0).emails()).containsExactly("net@school.example");
            assertThat(provider.findByEmail(RegistryRole.PARENT, "net@school.example")).hasSize(limit);

            assertThat(provider.findByPhone(RegistryRole.STAFF, "79000000000")).extracting(RegistryAccount::id)
                    .containsExactly("many-staff-000");
            // the card's own phone, shared by no one, still finds it
            assertThat(provider.findByPhone(RegistryRole.STUDENT, "79160000003")).extracting(RegistryAccount::id)
                    .containsExactly("many-student-003");
        });
    }

    // --- link --------------------------------------------------------------------------------------------------

    @Test
    void linkIsIdempotentAndRefusesAnAccountHeldByAnotherPerson() throws Exception {
        assertThat(registry.link("acc-sokolova-sch1", "1000300102", LinkRule.SNILS)).isTrue();
        assertThat(registry.link("acc-sokolova-sch1", "1000300102", LinkRule.SNILS)).isTrue();
        assertThat(registry.link("acc-sokolova-gym5", "1000300102", LinkRule.EMAIL)).isTrue();
        assertThat(registry.link("acc-sokolova-sch1", "1000300666", LinkRule.LEGACY_LOGIN)).isFalse();
        assertThat(registry.link("no-such-account", "1000300102", LinkRule.SNILS)).isFalse();
        assertThat(registry.findLinked("1000300102")).extracting(RegistryAccount::id)
                .containsExactlyInAnyOrder("acc-sokolova-sch1", "acc-sokolova-gym5");
        assertThat(registry.findLinked("1000300666")).isEmpty();
        assertThat(registry.findById("acc-sokolova-sch1").orElseThrow().esiaOid()).isEqualTo("1000300102");
        try (Connection c = admin(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT account_id, esia_oid, how FROM sr_account_link ORDER BY id")) {
            List<String> rows = new ArrayList<>();
            while (r.next()) {
                rows.add(r.getString(1) + "/" + r.getString(2) + "/" + r.getString(3));
            }
            assertThat(rows).containsExactly("acc-sokolova-sch1/1000300102/SNILS", "acc-sokolova-gym5/1000300102/EMAIL");
        }
        assertThatThrownBy(() -> registry.link("acc-petrov-sch1", "1000300103", null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void anUnlinkedAccountIsFreeForItsRealOwnerAndTheRecordSaysWhoUndidItAndWhy() throws Exception {
        assertThat(registry.link("acc-sokolova-gym5", "1000300999", LinkRule.EMAIL)).isTrue();
        assertThat(registry.unlink("acc-sokolova-gym5", "1000300102", "admin:someone", "wrong person")).as("not theirs")
                .isFalse();
        assertThat(registry.unlink("acc-sokolova-gym5", "1000300999", "admin:u-1", "Это не я")).isTrue();
        assertThat(registry.findLinked("1000300999")).isEmpty();
        assertThat(registry.unlink("acc-sokolova-gym5", "1000300999", "admin:u-1", "again")).as("already undone").isFalse();
        assertThat(registry.link("acc-sokolova-gym5", "1000300102", LinkRule.EMAIL)).as("the real owner").isTrue();
        try (Connection c = admin(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT esia_oid, unlinked_by, unlink_reason, unlinked_at IS NOT NULL"
                     + " FROM sr_account_link WHERE account_id = 'acc-sokolova-gym5' ORDER BY id")) {
            List<String> rows = new ArrayList<>();
            while (r.next()) {
                rows.add(r.getString(1) + "/" + r.getString(2) + "/" + r.getString(3) + "/" + r.getBoolean(4));
            }
            assertThat(rows).containsExactly("1000300999/admin:u-1/Это не я/true", "1000300102/null/null/false");
        }
    }

    @Test
    void twoPeopleLinkingTheSameAccountAtOnceOneWins() throws Exception {
        List<Boolean> results = race(2, i -> registry.link("acc-petrov-sch1", "oid-" + i, LinkRule.SNILS));
        assertThat(results).containsExactlyInAnyOrder(true, false);
        assertThat(count("SELECT COUNT(*) FROM sr_account_link")).isEqualTo(1);
    }

    /** The audit row is dated after the UPDATE: a clock that fails there must not leave a link without its row. */
    @Test
    void aFailureAfterTheLinkUpdateLeavesNoHalfWrittenLink() throws Exception {
        SchoolRegistryProvider failing = new JdbcSchoolRegistryProvider(() -> factory.database(null),
                new FailingClock(() -> new IllegalStateException("clock broken")));
        assertThatThrownBy(() -> failing.link("acc-petrov-sch1", "1000300103", LinkRule.SNILS))
                .isInstanceOf(IllegalStateException.class);
        assertThat(count("SELECT COUNT(*) FROM sr_account WHERE esia_oid IS NOT NULL")).isZero();
        assertThat(count("SELECT COUNT(*) FROM sr_account_link")).isZero();
        // nothing stays locked and the pooled connection is fit for the next login
        assertThat(registry.link("acc-petrov-sch1", "1000300103", LinkRule.SNILS)).isTrue();
        assertThat(count("SELECT COUNT(*) FROM sr_account_link")).isEqualTo(1);
    }

    @Test
    void anErrorAfterTheLinkUpdateLeavesNoHalfWrittenLink() throws Exception {
        SchoolRegistryProvider failing = new JdbcSchoolRegistryProvider(() -> factory.database(null),
                new FailingClock(() -> new AssertionError("clock broken")));
        assertThatThrownBy(() -> failing.link("acc-petrov-sch1", "1000300103", LinkRule.SNILS))
                .isInstanceOf(AssertionError.class);
        assertThat(count("SELECT COUNT(*) FROM sr_account WHERE esia_oid IS NOT NULL")).isZero();
        assertThat(count("SELECT COUNT(*) FROM sr_account_link")).isZero();
    }

    // --- legacy login ------------------------------------------------------------------------------------------

    @Test
    void legacyLoginRightWrongUnknown() throws Exception {
        assertThat(registry.checkLegacyLogin("gym-chel-5", RegistryRole.PARENT, "zakharchenko.d", LEGACY_PASSWORD))
                .map(RegistryAccount::id).contains("acc-zakharchenko-gym5");
        assertThat(registry.checkLegacyLogin("gym-chel-5", RegistryRole.PARENT, " Zakharchenko.D ", LEGACY_PASSWORD))
                .as("logins are case-insensitive").isPresent();
        assertThat(registry.checkLegacyLogin("gym-chel-5", RegistryRole.PARENT, "zakharchenko.d", "sgo-2024!".toCharArray()))
                .isEmpty();
        assertThat(registry.checkLegacyLogin("sch-chel-1", RegistryRole.PARENT, "zakharchenko.d", LEGACY_PASSWORD))
                .as("other organisation").isEmpty();
        assertThat(registry.checkLegacyLogin("gym-chel-5", RegistryRole.STUDENT, "zakharchenko.d", LEGACY_PASSWORD))
                .as("other role").isEmpty();
        assertThat(registry.checkLegacyLogin("gym-chel-5", RegistryRole.PARENT, "nobody", LEGACY_PASSWORD)).isEmpty();
        assertThat(registry.checkLegacyLogin("gym-chel-5", RegistryRole.PARENT, "zakharchenko.d", new char[0])).isEmpty();
        // $2y$ bcrypt and PBKDF2 accounts; an unsupported hash format never verifies
        assertThat(registry.checkLegacyLogin("sch-chel-1", RegistryRole.STAFF, "sokolova.e", LEGACY_PASSWORD)).isPresent();
        assertThat(registry.checkLegacyLogin("sch-chel-1", RegistryRole.STUDENT, "petrov.n", LEGACY_PASSWORD)).isPresent();
        assertThat(registry.checkLegacyLogin("sch-chel-1", RegistryRole.STUDENT, "dzhalilov.r", LEGACY_PASSWORD))
                .map(RegistryAccount::id).contains("acc-dzhalilov-sch1");
        assertThat(registry.checkLegacyLogin("dou-chel-12", RegistryRole.PARENT, "kuznetsov.i", "password".toCharArray()))
                .isEmpty();
    }

    // --- access requests ---------------------------------------------------------------------------------------

    @Test
    void deletingAPersonsAccessRequestsRemovesOnlyTheirsInAnyState() throws Exception {
        registry.createAccessRequest(request("erase-1", "oid-erase", "sch-chel-1"));
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE sr_access_request SET status = 'REJECTED' WHERE request_key = 'erase-1'");
        }
        registry.createAccessRequest(request("erase-2", "oid-erase", "sch-chel-1"));
        registry.createAccessRequest(request("keep-1", "oid-keep", "sch-chel-1"));

        assertThat(registry.deleteAccessRequests("oid-erase")).hasValue(2);

        assertThat(count("SELECT COUNT(*) FROM sr_access_request WHERE esia_oid = 'oid-erase'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM sr_access_request WHERE esia_oid = 'oid-keep'")).isEqualTo(1);
        assertThat(registry.deleteAccessRequests("oid-erase")).hasValue(0);
        assertThatThrownBy(() -> registry.deleteAccessRequests(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void accessRequestNumberingAndIdempotency() throws Exception {
        AccessRequestReceipt first = registry.createAccessRequest(request("session-1#form-a"));
        assertThat(first.created()).isTrue();
        assertThat(first.number()).matches("Р-2026-\\d{6}");
        AccessRequestReceipt again = registry.createAccessRequest(request("session-1#form-a"));
        assertThat(again).isEqualTo(new AccessRequestReceipt(first.number(), false));
        AccessRequestReceipt second = registry.createAccessRequest(request("session-2#form-a"));
        assertThat(second.created()).isTrue();
        assertThat(second.number()).isNotEqualTo(first.number());
        assertThat(Long.parseLong(second.number().substring(7))).isGreaterThan(Long.parseLong(first.number().substring(7)));
        try (Connection c = admin(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT status, request_role, organisation_id, contact_email, child_full_name"
                     + " FROM sr_access_request WHERE request_number = '" + first.number() + "'")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getString(1)).isEqualTo("NEW");
            assertThat(r.getString(2)).isEqualTo("PARENT");
            assertThat(r.getString(3)).isEqualTo("sch-chel-1");
            assertThat(r.getString(4)).isEqualTo("o.morozova@example.ru");
            assertThat(r.getString(5)).isEqualTo("Морозов Илья Андреевич");
        }
    }

    @Test
    void aRepeatedRequestOfOnePersonToOneOrganisationShowsTheOpenRequestsNumber() throws Exception {
        AccessRequestReceipt first = registry.createAccessRequest(request("tab-1", "1000300107", "sch-chel-1"));
        AccessRequestReceipt repeat = registry.createAccessRequest(request("tab-2", "1000300107", "sch-chel-1"));
        assertThat(first.created()).isTrue();
        assertThat(repeat).isEqualTo(new AccessRequestReceipt(first.number(), false));
        AccessRequestReceipt otherSchool = registry.createAccessRequest(request("tab-3", "1000300107", "gym-chel-5"));
        assertThat(otherSchool.created()).isTrue();
        assertThat(otherSchool.number()).isNotEqualTo(first.number());
        assertThat(count("SELECT COUNT(*) FROM sr_access_request WHERE esia_oid = '1000300107'")).isEqualTo(2);
    }

    @Test
    void aPersonSendsAtMostTheDailyLimitOfRequestsAndNothingMoreIsStored() throws Exception {
        List<String> organisations = List.of("sch-chel-1", "gym-chel-5", "dou-chel-12", "sch-chel-1-none");
        int limit = 2;
        List<AccessRequestReceipt> receipts = new ArrayList<>();
        for (int i = 0; i < organisations.size(); i++) {
            AccessRequest base = request("flood-" + i, "1000300107", organisations.get(i));
            receipts.add(registry.createAccessRequest(new AccessRequest(base.requestKey(), base.esiaOid(), base.role(),
                    base.childFullName(), base.organisationType(), base.organisationId(), base.className(),
                    base.contactEmail(), limit)));
        }
        assertThat(receipts).extracting(AccessRequestReceipt::created).containsExactly(true, true, false, false);
        assertThat(receipts.subList(2, 4)).allSatisfy(r -> {
            assertThat(r.limitReached()).isTrue();
            assertThat(r.number()).isNull();
        });
        assertThat(count("SELECT COUNT(*) FROM sr_access_request WHERE esia_oid = '1000300107'")).isEqualTo(limit);
        // another person is not affected
        assertThat(registry.createAccessRequest(request("flood-other", "1000300101", "sch-chel-1")).created()).isTrue();
    }

    @Test
    void parallelTabsOfOnePersonMakeOneOpenRequest() throws Exception {
        List<AccessRequestReceipt> receipts = race(4, i -> registry.createAccessRequest(
                request("parallel-tab-" + i, "1000300107", "sch-chel-1")));
        assertThat(receipts).extracting(AccessRequestReceipt::number).containsOnly(receipts.get(0).number());
        assertThat(receipts).filteredOn(AccessRequestReceipt::created).hasSize(1);
        assertThat(count("SELECT COUNT(*) FROM sr_access_request WHERE esia_oid = '1000300107'")).isEqualTo(1);
    }

    @Test
    void concurrentDoubleSubmitMakesOneRequest() throws Exception {
        for (int round = 0; round < 5; round++) {
            String key = "double-submit-" + round;
            List<AccessRequestReceipt> receipts = race(2, i -> registry.createAccessRequest(request(key)));
            assertThat(receipts).extracting(AccessRequestReceipt::number).containsOnly(receipts.get(0).number());
            assertThat(receipts).extracting(AccessRequestReceipt::created).containsExactlyInAnyOrder(true, false);
        }
        assertThat(count("SELECT COUNT(*) FROM sr_access_request")).isEqualTo(5);
        List<AccessRequestReceipt> distinct = race(4, i -> registry.createAccessRequest(request("parallel-" + i)));
        Set<String> numbers = new HashSet<>();
        distinct.forEach(r -> numbers.add(r.number()));
        assertThat(numbers).hasSize(4);
    }

    @Test
    void aFailingClockLeavesNoAccessRequestAndTheNextOneIsNumbered() throws Exception {
        SchoolRegistryProvider failing = new JdbcSchoolRegistryProvider(() -> factory.database(null),
                new FailingClock(() -> new IllegalStateException("clock broken")));
        assertThatThrownBy(() -> failing.createAccessRequest(request("broken-clock")))
                .isInstanceOf(IllegalStateException.class);
        assertThat(count("SELECT COUNT(*) FROM sr_access_request")).isZero();
        assertThat(registry.createAccessRequest(request("broken-clock")).created()).isTrue();
    }

    /** Every write runs through one helper: whatever the work throws after writing, nothing of it stays. */
    @Test
    void aWriteThatFailsHalfwayIsRolledBackWhateverItThrows() throws Exception {
        RegistryDatabase db = factory.database(null);
        List<Throwable> failures = List.of(new SQLException("fails", "08006"), new IllegalStateException("fails"),
                new AssertionError("fails"));
        for (Throwable failure : failures) {
            assertThatThrownBy(() -> Transactions.write(() -> db, "half-way test", (c, d) -> {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("UPDATE sr_account SET esia_oid = 'half' WHERE id = 'acc-petrov-sch1'");
                }
                throw sneaky(failure);
            })).isInstanceOfAny(RegistryUnavailableException.class, failure.getClass());
            assertThat(count("SELECT COUNT(*) FROM sr_account WHERE esia_oid IS NOT NULL")).as(failure.toString())
                    .isZero();
        }
        assertThat(registry.link("acc-petrov-sch1", "1000300103", LinkRule.SNILS)).isTrue();
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E sneaky(Throwable t) throws E {
        throw (E) t;
    }

    @Test
    void overlongInputIsRefusedBeforeTheDatabase() {
        assertThatThrownBy(() -> registry.createAccessRequest(new AccessRequest("k", "1", RegistryRole.PARENT,
                "x".repeat(301), "SCHOOL", "sch-chel-1", "5А", "a@b.ru"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> registry.createAccessRequest(new AccessRequest(" ", "1", RegistryRole.PARENT,
                null, null, null, null, null))).isInstanceOf(IllegalArgumentException.class);
    }

    // --- students' consents ------------------------------------------------------------------------------------
    // acc-dzhalilova-gym5 (ESIA 1000300105, 10 years) has two parents in Гимназия № 5: acc-dzhalilov-t-gym5
    // (ESIA 1000300110) and acc-zakharchenko-gym5; acc-petrov-sch1 (ESIA 1000300103) is an adult student.

    static final String CLIENT = "school-portal";
    static final String AMINA = "acc-dzhalilova-gym5";
    static final String FATHER = "acc-dzhalilov-t-gym5";
    static final String MOTHER = "acc-zakharchenko-gym5";
    static final String STRANGER = "acc-sokolova-gym5";

    @Test
    void consentRequestGoesToBothParentsAndIsIdempotentWhilePending() throws Exception {
        ConsentRequestReceipt first = registry.requestConsent(AMINA, CLIENT, false);
        assertThat(first.created()).isTrue();
        ConsentRequestRecord request = first.request();
        assertThat(request.status()).isEqualTo(ConsentRequestStatus.PENDING);
        assertThat(request.studentAccountId()).isEqualTo(AMINA);
        assertThat(request.clientId()).isEqualTo(CLIENT);
        assertThat(request.studentApproves()).isFalse();
        assertThat(request.recipientAccountIds()).containsExactly(FATHER, MOTHER);
        assertThat(request.createdAt()).isEqualTo(CLOCK.instant());
        assertThat(request.decidedAt()).isNull();
        assertThat(request.decidedByAccountId()).isNull();
        // the recipients come with their e-mails, for the notification
        assertThat(first.recipients()).extracting(RegistryAccount::id).containsExactly(FATHER, MOTHER);
        assertThat(first.recipients().get(0).emails()).containsExactly("t.dzhalilov@example.ru");
        assertThat(first.recipients().get(1).emails()).isEmpty();

        ConsentRequestReceipt again = registry.requestConsent(AMINA, CLIENT, false);
        assertThat(again.created()).isFalse();
        assertThat(again.request()).isEqualTo(request);
        assertThat(again.recipients()).extracting(RegistryAccount::id).containsExactly(FATHER, MOTHER);
        assertThat(registry.findConsentRequest(request.id())).contains(request);
        assertThat(registry.findLatestConsentRequest(AMINA, CLIENT)).contains(request);
        assertThat(registry.findConsentRequest(-1)).isEmpty();
        assertThat(registry.findLatestConsentRequest(AMINA, "other-client")).isEmpty();
        assertThat(registry.findActiveConsent(AMINA, CLIENT)).isEmpty();

        // another client system is another request
        ConsentRequestReceipt other = registry.requestConsent(AMINA, "diary-app", false);
        assertThat(other.created()).isTrue();
        assertThat(other.request().id()).isNotEqualTo(request.id());
        assertThat(registry.findPendingConsentRequests(List.of(FATHER))).extracting(ConsentRequestRecord::id)
                .containsExactly(request.id(), other.request().id());
        assertThat(registry.findPendingConsentRequests(List.of(STRANGER, AMINA))).isEmpty();
        assertThat(registry.findPendingConsentRequests(List.of())).isEmpty();

        // stored in UTC, whatever the server's zone (the test clock is 12:00 in Moscow)
        try (Connection c = admin(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT created_at FROM sr_consent_request WHERE id = " + request.id())) {
            r.next();
            assertThat(r.getObject(1, LocalDateTime.class)).isEqualTo(LocalDateTime.of(2026, 9, 1, 9, 0));
        }
    }

    @Test
    void aConsentRequestsMailIsTriedByOneLoginAtATimeAndRemembersWhomItReached() throws Exception {
        ConsentRequestRecord request = registry.requestConsent(AMINA, CLIENT, false).request();
        assertThat(registry.findConsentNotice(request.id())).contains(new ConsentNoticeRecord(request.id(), 0, null, Set.of()));

        assertThat(registry.claimConsentNotice(request.id(), 0)).isTrue();
        assertThat(registry.claimConsentNotice(request.id(), 0)).as("the other login at the same moment").isFalse();
        registry.recordConsentNoticeReached(request.id(), FATHER);
        registry.recordConsentNoticeReached(request.id(), STRANGER);   // not a recipient: nothing recorded

        assertThat(registry.findConsentNotice(request.id()))
                .contains(new ConsentNoticeRecord(request.id(), 1, CLOCK.instant(), Set.of(FATHER)));
        assertThat(registry.claimConsentNotice(request.id(), 1)).isTrue();
        assertThat(registry.findConsentNotice(request.id()).orElseThrow().attempts()).isEqualTo(2);

        // a decided request is not mailed any more
        registry.declineConsentRequest(request.id(), MOTHER);
        assertThat(registry.claimConsentNotice(request.id(), 2)).isFalse();
        assertThat(registry.findConsentNotice(-1)).isEmpty();
    }

    @Test
    void erasingAStudentsConsentDataRemovesOpenRequestsRevokesAndKeepsTheConsentRecordsWithTheReason() throws Exception {
        ConsentRequestRecord approved = registry.requestConsent(AMINA, CLIENT, false).request();
        ConsentRecord consent = registry.approveConsentRequest(approved.id(), FATHER, "1000300110", "2026-11").orElseThrow();
        ConsentRequestRecord declined = registry.requestConsent(AMINA, "diary-app", false).request();
        registry.declineConsentRequest(declined.id(), MOTHER);
        ConsentRequestRecord pending = registry.requestConsent(AMINA, "diary-app", false).request();
        ConsentRequestRecord otherRealm = registry.requestConsent(AMINA, "other-realm-client", false).request();

        ConsentErasureReceipt receipt = registry.eraseConsentData(AMINA, List.of(CLIENT, "diary-app"),
                "admin:kc-user-1", "  Заявление № 17 от 01.12.2026  ").orElseThrow();

        assertThat(receipt).isEqualTo(new ConsentErasureReceipt(2, 1, 1, List.of(CLIENT)));
        assertThat(registry.findConsentRequest(declined.id())).isEmpty();
        assertThat(registry.findConsentRequest(pending.id())).isEmpty();
        assertThat(registry.findConsentRequest(approved.id())).as("the consent rests on it").isPresent();
        assertThat(registry.findConsentRequest(otherRealm.id())).as("another realm's client").isPresent();
        ConsentRecord kept = registry.listConsents(AMINA, 0, 10).get(0);
        assertThat(kept.id()).isEqualTo(consent.id());
        assertThat(kept.active()).isFalse();
        assertThat(kept.revokedByAccountId()).isEqualTo(AMINA);
        assertThat(kept.grantorAccountId()).isEqualTo(FATHER);
        try (Connection c = admin(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT erased_by, erasure_reason, erased_at FROM sr_consent WHERE id = " + consent.id())) {
            r.next();
            assertThat(r.getString(1)).isEqualTo("admin:kc-user-1");
            assertThat(r.getString(2)).isEqualTo("Заявление № 17 от 01.12.2026");
            assertThat(r.getObject(3, LocalDateTime.class)).isEqualTo(LocalDateTime.of(2026, 9, 1, 9, 0));
        }
        assertThat(count("SELECT COUNT(*) FROM sr_consent_request_recipient WHERE request_id IN (" + declined.id() + ", "
                + pending.id() + ")")).isZero();

        // a second erasure changes nothing and keeps the first reason
        assertThat(registry.eraseConsentData(AMINA, List.of(CLIENT, "diary-app"), "admin:kc-user-2", "again").orElseThrow())
                .isEqualTo(new ConsentErasureReceipt(0, 0, 1, List.of()));
        assertThat(count("SELECT COUNT(*) FROM sr_consent WHERE erasure_reason = 'Заявление № 17 от 01.12.2026'")).isEqualTo(1);
        assertThatThrownBy(() -> registry.eraseConsentData(AMINA, List.of(CLIENT), "admin:x", " "))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> registry.eraseConsentData(AMINA, List.of(CLIENT), "admin:x", "x".repeat(301)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void concurrentLoginsOpenOnePendingRequest() throws Exception {
        for (int round = 0; round < 3; round++) {
            String client = "race-client-" + round;
            List<ConsentRequestReceipt> receipts = race(8, i -> registry.requestConsent(AMINA, client, false));
            assertThat(receipts).extracting(r -> r.request().id()).containsOnly(receipts.get(0).request().id());
            assertThat(receipts).filteredOn(ConsentRequestReceipt::created).hasSize(1);
            assertThat(receipts).allSatisfy(r -> assertThat(r.request().recipientAccountIds())
                    .containsExactly(FATHER, MOTHER));
            assertThat(count("SELECT COUNT(*) FROM sr_consent_request WHERE client_id = '" + client + "'")).isEqualTo(1);
        }
        assertThat(count("SELECT COUNT(*) FROM sr_consent_request_recipient")).isEqualTo(6);
    }

    @Test
    void theDatabaseAllowsOnePendingRequestPerStudentAndClient() throws Exception {
        long id = registry.requestConsent(AMINA, CLIENT, false).request().id();
        try (Connection c = admin(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("INSERT INTO sr_consent_request (student_account_id, client_id,"
                    + " status, pending, student_approves, created_at) VALUES ('" + AMINA + "', '" + CLIENT
                    + "', 'PENDING', TRUE, FALSE, CURRENT_TIMESTAMP)")).isInstanceOf(SQLException.class);
            // the marker must follow the status
            assertThatThrownBy(() -> s.executeUpdate("UPDATE sr_consent_request SET status = 'DECLINED' WHERE id = " + id))
                    .isInstanceOf(SQLException.class);
        }
        assertThat(registry.declineConsentRequest(id, MOTHER)).isTrue();
        assertThat(registry.declineConsentRequest(registry.requestConsent(AMINA, CLIENT, false).request().id(), FATHER))
                .isTrue();
        assertThat(count("SELECT COUNT(*) FROM sr_consent_request WHERE status = 'DECLINED'")).isEqualTo(2);
    }

    @Test
    void adultStudentDecidesForThemself() throws Exception {
        ConsentRequestReceipt receipt = registry.requestConsent("acc-petrov-sch1", CLIENT, true);
        assertThat(receipt.created()).isTrue();
        assertThat(receipt.request().studentApproves()).isTrue();
        assertThat(receipt.request().recipientAccountIds()).containsExactly("acc-petrov-sch1");
        assertThat(receipt.recipients()).extracting(RegistryAccount::id).containsExactly("acc-petrov-sch1");
        ConsentRecord consent = registry.approveConsentRequest(receipt.request().id(), "acc-petrov-sch1", "1000300103",
                "2026-11").orElseThrow();
        assertThat(consent.selfGranted()).isTrue();
        assertThat(consent.grantorAccountId()).isEqualTo("acc-petrov-sch1");
        assertThat(consent.grantorEsiaOid()).isEqualTo("1000300103");
        assertThat(consent.toString()).doesNotContain("1000300103");
        assertThat(registry.revokeConsent(consent.id(), STRANGER)).isFalse();
        assertThat(registry.revokeConsent(consent.id(), "acc-petrov-sch1")).isTrue();
        // a student whom nobody can be asked for still gets a request (realm admins see it)
        ConsentRequestReceipt orphan = registry.requestConsent("acc-petrov-namesake-gym5", CLIENT, false);
        assertThat(orphan.created()).isTrue();
        assertThat(orphan.request().recipientAccountIds()).isEmpty();
        assertThat(orphan.recipients()).isEmpty();
    }

    @Test
    void onlyRecipientsDecide() throws Exception {
        long id = registry.requestConsent(AMINA, CLIENT, false).request().id();
        assertThat(registry.approveConsentRequest(id, STRANGER, "1000300102", "2026-11")).isEmpty();
        assertThat(registry.approveConsentRequest(id, AMINA, "1000300105", "2026-11")).as("the child itself").isEmpty();
        assertThat(registry.approveConsentRequest(id, "acc-dzhalilov-t-sch1", "1000300110", "2026-11"))
                .as("the father's account in the other school").isEmpty();
        assertThat(registry.declineConsentRequest(id, STRANGER)).isFalse();
        assertThat(registry.approveConsentRequest(9_999_999, FATHER, "1000300110", "2026-11")).isEmpty();
        assertThat(registry.declineConsentRequest(9_999_999, FATHER)).isFalse();
        assertThat(registry.findConsentRequest(id).orElseThrow().status()).isEqualTo(ConsentRequestStatus.PENDING);
        assertThat(count("SELECT COUNT(*) FROM sr_consent")).isZero();
        assertThatThrownBy(() -> registry.approveConsentRequest(id, FATHER, " ", "2026-11"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> registry.approveConsentRequest(id, FATHER, "1000300110", "x".repeat(33)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void approvingTwiceReturnsTheSameConsent() throws Exception {
        long id = registry.requestConsent(AMINA, CLIENT, false).request().id();
        ConsentRecord consent = registry.approveConsentRequest(id, MOTHER, "1000300101", "2026-11").orElseThrow();
        assertThat(consent.requestId()).isEqualTo(id);
        assertThat(consent.studentAccountId()).isEqualTo(AMINA);
        assertThat(consent.clientId()).isEqualTo(CLIENT);
        assertThat(consent.grantorAccountId()).isEqualTo(MOTHER);
        assertThat(consent.grantorEsiaOid()).isEqualTo("1000300101");
        assertThat(consent.selfGranted()).isFalse();
        assertThat(consent.textVersion()).isEqualTo("2026-11");
        assertThat(consent.grantedAt()).isEqualTo(CLOCK.instant());
        assertThat(consent.active()).isTrue();

        assertThat(registry.approveConsentRequest(id, MOTHER, "1000300101", "2026-11")).contains(consent);
        assertThat(registry.approveConsentRequest(id, FATHER, "1000300110", "2026-12"))
                .as("the other parent: the consent recorded then").contains(consent);
        assertThat(registry.declineConsentRequest(id, FATHER)).isFalse();
        ConsentRequestRecord decided = registry.findConsentRequest(id).orElseThrow();
        assertThat(decided.status()).isEqualTo(ConsentRequestStatus.APPROVED);
        assertThat(decided.decidedByAccountId()).isEqualTo(MOTHER);
        assertThat(decided.decidedAt()).isEqualTo(CLOCK.instant());
        assertThat(registry.findActiveConsent(AMINA, CLIENT)).contains(consent);
        assertThat(registry.findConsentsGrantedBy(List.of(MOTHER, STRANGER))).containsExactly(consent);
        assertThat(registry.findConsentsGrantedBy(List.of(FATHER))).isEmpty();
        assertThat(registry.findPendingConsentRequests(List.of(FATHER, MOTHER))).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM sr_consent")).isEqualTo(1);
    }

    @Test
    void concurrentApprovalsRecordOneConsent() throws Exception {
        for (int round = 0; round < 3; round++) {
            long id = registry.requestConsent(AMINA, "race-approve-" + round, false).request().id();
            List<Optional<ConsentRecord>> results = race(6, i -> registry.approveConsentRequest(id,
                    i % 2 == 0 ? FATHER : MOTHER, i % 2 == 0 ? "1000300110" : "1000300101", "2026-11"));
            assertThat(results).allSatisfy(r -> assertThat(r).isPresent());
            assertThat(results).extracting(r -> r.orElseThrow().id()).containsOnly(results.get(0).orElseThrow().id());
            assertThat(count("SELECT COUNT(*) FROM sr_consent WHERE request_id = " + id)).isEqualTo(1);
        }
        // approving and declining at once: one decision
        long id = registry.requestConsent(AMINA, CLIENT, false).request().id();
        List<Object> decisions = AbstractRegistryTest.<Object>race(2, i -> i == 0 ? registry.approveConsentRequest(id, MOTHER, "1000300101", "2026-11")
                : registry.declineConsentRequest(id, FATHER));
        ConsentRequestStatus status = registry.findConsentRequest(id).orElseThrow().status();
        if (status == ConsentRequestStatus.APPROVED) {
            assertThat(decisions).containsExactly(registry.findActiveConsent(AMINA, CLIENT), false);
        } else {
            assertThat(status).isEqualTo(ConsentRequestStatus.DECLINED);
            assertThat(decisions).containsExactly(Optional.empty(), true);
            assertThat(registry.findActiveConsent(AMINA, CLIENT)).isEmpty();
        }
    }

    @Test
    void anyParentRevokesAndTheRevokedConsentIsKept() throws Exception {
        long id = registry.requestConsent(AMINA, CLIENT, false).request().id();
        ConsentRecord consent = registry.approveConsentRequest(id, MOTHER, "1000300101", "2026-11").orElseThrow();
        assertThat(registry.revokeConsent(consent.id(), STRANGER)).isFalse();
        assertThat(registry.revokeConsent(consent.id(), AMINA)).as("the child, not self-granted").isFalse();
        assertThat(registry.revokeConsent(consent.id(), "acc-dzhalilov-t-sch1")).as("not a parent of this account")
                .isFalse();
        assertThat(registry.revokeConsent(consent.id(), FATHER)).as("the other parent").isTrue();
        assertThat(registry.revokeConsent(consent.id(), FATHER)).as("already revoked").isFalse();
        assertThat(registry.revokeConsent(consent.id(), MOTHER)).as("already revoked").isFalse();
        assertThat(registry.revokeConsent(9_999_999, MOTHER)).isFalse();

        assertThat(registry.findActiveConsent(AMINA, CLIENT)).isEmpty();
        ConsentRecord revoked = registry.listConsents(AMINA, 0, 10).get(0);
        assertThat(revoked.id()).isEqualTo(consent.id());
        assertThat(revoked.active()).isFalse();
        assertThat(revoked.revokedAt()).isEqualTo(CLOCK.instant());
        assertThat(revoked.revokedByAccountId()).isEqualTo(FATHER);
        assertThat(revoked.grantorAccountId()).isEqualTo(MOTHER);
        assertThat(revoked.grantorEsiaOid()).isEqualTo("1000300101");
        assertThat(registry.findConsentsGrantedBy(List.of(MOTHER))).containsExactly(revoked);
        assertThat(count("SELECT COUNT(*) FROM sr_consent")).isEqualTo(1);
        // the history outlives nobody: an account in it cannot be deleted (no cascade)
        try (Connection c = admin(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM sr_account WHERE id = '" + MOTHER + "'"))
                    .isInstanceOf(SQLException.class);
        }
        assertThat(registry.listConsents(AMINA, 0, 10)).containsExactly(revoked);
    }

    @Test
    void aNewRequestAfterADeclineOrARevocation() throws Exception {
        long declined = registry.requestConsent(AMINA, CLIENT, false).request().id();
        assertThat(registry.declineConsentRequest(declined, FATHER)).isTrue();
        assertThat(registry.declineConsentRequest(declined, FATHER)).isFalse();
        assertThat(registry.approveConsentRequest(declined, MOTHER, "1000300101", "2026-11")).isEmpty();
        ConsentRequestRecord latest = registry.findLatestConsentRequest(AMINA, CLIENT).orElseThrow();
        assertThat(latest.status()).isEqualTo(ConsentRequestStatus.DECLINED);
        assertThat(latest.decidedByAccountId()).isEqualTo(FATHER);

        ConsentRequestReceipt second = registry.requestConsent(AMINA, CLIENT, false);
        assertThat(second.created()).isTrue();
        assertThat(second.request().id()).isNotEqualTo(declined);
        ConsentRecord consent = registry.approveConsentRequest(second.request().id(), FATHER, "1000300110", "2026-11")
                .orElseThrow();
        assertThat(registry.revokeConsent(consent.id(), MOTHER)).isTrue();

        ConsentRequestReceipt third = registry.requestConsent(AMINA, CLIENT, false);
        assertThat(third.created()).isTrue();
        ConsentRecord renewed = registry.approveConsentRequest(third.request().id(), MOTHER, "1000300101", "2026-12")
                .orElseThrow();
        assertThat(registry.findActiveConsent(AMINA, CLIENT)).contains(renewed);
        assertThat(registry.findLatestConsentRequest(AMINA, CLIENT).orElseThrow().id()).isEqualTo(third.request().id());
        assertThat(registry.listConsents(AMINA, 0, 10)).extracting(ConsentRecord::id)
                .containsExactly(renewed.id(), consent.id());
        assertThat(count("SELECT COUNT(*) FROM sr_consent_request")).isEqualTo(3);
    }

    @Test
    void listingIsNewestFirstPagedAndFiltered() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (String client : List.of("client-a", "client-b", "client-c")) {
            long request = registry.requestConsent(AMINA, client, false).request().id();
            ids.add(registry.approveConsentRequest(request, FATHER, "1000300110", "2026-11").orElseThrow().id());
        }
        long artem = registry.requestConsent("acc-sokolov-gym5", "client-a", false).request().id();
        ids.add(registry.approveConsentRequest(artem, "acc-sokolova-gym5", "1000300102", "2026-11").orElseThrow().id());
        Collections.reverse(ids);
        assertThat(registry.listConsents(null, 0, 10)).extracting(ConsentRecord::id).containsExactlyElementsOf(ids);
        assertThat(registry.listConsents(null, 1, 2)).extracting(ConsentRecord::id).containsExactly(ids.get(1), ids.get(2));
        assertThat(registry.listConsents(null, 4, 10)).isEmpty();
        assertThat(registry.listConsents(null, 0, 0)).isEmpty();
        assertThat(registry.listConsents(AMINA, 0, 10)).extracting(ConsentRecord::id)
                .containsExactly(ids.get(1), ids.get(2), ids.get(3));
        assertThat(registry.listConsents("acc-sokolov-gym5", 0, 10)).extracting(ConsentRecord::id)
                .containsExactly(ids.get(0));
        assertThat(registry.findConsentsGrantedBy(List.of(FATHER))).extracting(ConsentRecord::id)
                .containsExactly(ids.get(1), ids.get(2), ids.get(3));
        assertThatThrownBy(() -> registry.listConsents(null, -1, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    /** The father sees the requests of both children, each through the account of the child's school. */
    @Test
    void pendingRequestsOfAParentWithTwoAccounts() throws Exception {
        long amina = registry.requestConsent(AMINA, CLIENT, false).request().id();
        long rezida = registry.requestConsent("acc-dzhalilov-sch1", CLIENT, false).request().id();
        assertThat(registry.findConsentRequest(rezida).orElseThrow().recipientAccountIds())
                .containsExactly("acc-dzhalilov-t-sch1", "acc-zakharchenko-sch1");
        assertThat(registry.findPendingConsentRequests(List.of("acc-dzhalilov-t-sch1", FATHER)))
                .extracting(ConsentRequestRecord::id).containsExactly(amina, rezida);
        assertThat(registry.findLinked("1000300110")).isEmpty();   // nobody linked in the test data
        assertThat(registry.findByPhone(RegistryRole.PARENT, phone("+7 900 111-01-10"))).extracting(RegistryAccount::id)
                .containsExactlyInAnyOrder("acc-dzhalilov-t-sch1", FATHER);
    }

    // --- failures ----------------------------------------------------------------------------------------------

    @Test
    void unreachableDatabaseFailsAsUnavailableWithoutPersonalData() {
        JdbcSchoolRegistryProviderFactory down = new JdbcSchoolRegistryProviderFactory();
        down.init(unreachable());
        try {
            SchoolRegistryProvider provider = down.create(null);
            assertThatThrownBy(() -> provider.findBySnils(RegistryRole.STAFF, "13456789191"))
                    .isInstanceOf(RegistryUnavailableException.class)
                    .hasMessageNotContaining("13456789191")
                    .hasNoCause();
            // not cached: the next call tries again (and fails again)
            assertThatThrownBy(() -> provider.organisations()).isInstanceOf(RegistryUnavailableException.class);
            assertThat(down.getOperationalInfo().get("status")).contains("school registry");
        } finally {
            down.close();
        }
    }

    @Test
    void consentsOnADatabaseThatIsDownFailAsUnavailable() {
        JdbcSchoolRegistryProviderFactory down = new JdbcSchoolRegistryProviderFactory();
        down.init(unreachable());
        try {
            SchoolRegistryProvider provider = down.create(null);
            // every consent method reads or writes through the same two helpers: one of each kind is enough
            // (each call waits for the login timeout)
            List<ThrowingCall> calls = List.of(
                    () -> provider.findActiveConsent(AMINA, CLIENT),
                    () -> provider.requestConsent(AMINA, CLIENT, false),
                    () -> provider.approveConsentRequest(1, FATHER, "1000300110", "2026-11"));
            for (ThrowingCall call : calls) {
                assertThatThrownBy(call::run).isInstanceOf(RegistryUnavailableException.class)
                        .hasMessageNotContaining("1000300110").hasNoCause();
            }
        } finally {
            down.close();
        }
    }

    /** Another transaction holds the request's row: the approval ends with the query timeout, nothing recorded. */
    @Test
    void aLockedConsentRequestTimesOutAsUnavailable() throws Exception {
        long id = registry.requestConsent(AMINA, CLIENT, false).request().id();
        JdbcSchoolRegistryProviderFactory slow = new JdbcSchoolRegistryProviderFactory();
        slow.init(config(true, 1));
        try (Connection holder = admin()) {
            SchoolRegistryProvider provider = slow.create(null);
            provider.organisations();
            holder.setAutoCommit(false);
            try (Statement s = holder.createStatement()) {
                s.executeUpdate("UPDATE sr_consent_request SET client_id = client_id WHERE id = " + id);
            }
            assertThatThrownBy(() -> provider.approveConsentRequest(id, FATHER, "1000300110", "2026-11"))
                    .isInstanceOf(RegistryUnavailableException.class)
                    .hasMessageContaining("approve consent request")
                    .hasMessageNotContaining("1000300110");
            holder.rollback();
        } finally {
            slow.close();
        }
        assertThat(count("SELECT COUNT(*) FROM sr_consent")).isZero();
        assertThat(registry.findConsentRequest(id).orElseThrow().status()).isEqualTo(ConsentRequestStatus.PENDING);
    }

    /** A row lock held by someone else: the query timeout (1 s here) ends the wait. */
    @Test
    void queryTimeoutIsHonoured() throws Exception {
        JdbcSchoolRegistryProviderFactory slow = new JdbcSchoolRegistryProviderFactory();
        slow.init(config(true, 1));
        try (Connection holder = admin()) {
            holder.setAutoCommit(false);
            try (Statement s = holder.createStatement()) {
                s.executeUpdate("UPDATE sr_account SET esia_oid = NULL WHERE id = 'acc-petrov-sch1'");
            }
            SchoolRegistryProvider provider = slow.create(null);
            provider.organisations();
            assertThatThrownBy(() -> provider.link("acc-petrov-sch1", "1000300103", LinkRule.SNILS))
                    .isInstanceOf(RegistryUnavailableException.class)
                    .hasMessageContaining("link");
            holder.rollback();
        } finally {
            slow.close();
        }
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    /** A request of its own ESIA person per key (one person has at most one open request per organisation). */
    static AccessRequest request(String key) {
        return request(key, "p-" + Integer.toHexString(key.hashCode()), "sch-chel-1");
    }

    static AccessRequest request(String key, String esiaOid, String organisationId) {
        return new AccessRequest(key, esiaOid, RegistryRole.PARENT, "Морозов Илья Андреевич", "SCHOOL",
                organisationId, "5А", " O.Morozova@Example.ru ");
    }

    static String phone(String esiaValue) {
        return Phones.normalize(esiaValue).orElseThrow();
    }

    static String email(String esiaValue) {
        return Emails.normalize(esiaValue).orElseThrow();
    }

    static String snils(String esiaValue) {
        return Snils.normalize(esiaValue).orElseThrow();
    }

    interface ProviderCheck {
        void run(SchoolRegistryProvider provider, RegistryConfig database) throws Exception;
    }

    /**
     * A fresh database with the demo data and, per role, that many cards of one school (ids {@code many-<role>-NNN})
     * carrying the placeholder phone 79000000000, the e-mail net@school.example and a phone of their own
     * (791600000NN).
     */
    void withCardsSharingAContact(Map<RegistryRole, Integer> cardsPerRole, ProviderCheck check) throws Exception {
        RegistryConfig config = otherEmptyDatabase(true);
        JdbcSchoolRegistryProviderFactory other = new JdbcSchoolRegistryProviderFactory();
        other.init(config);
        try {
            SchoolRegistryProvider provider = other.create(null);
            provider.organisations();     // migrates
            try (Connection c = DriverManager.getConnection(config.url(), config.username(), config.password())) {
                SchoolFixture.exec(c, "INSERT INTO sr_organisation (id, org_type, name) VALUES ('org-many', 'SCHOOL',"
                        + " 'Школа многих карточек')");
                for (Map.Entry<RegistryRole, Integer> e : cardsPerRole.entrySet()) {
                    for (int i = 0; i < e.getValue(); i++) {
                        String id = String.format("many-%s-%03d", e.getKey().name().toLowerCase(), i);
                        SchoolFixture.exec(c, "INSERT INTO sr_account (id, account_role, organisation_id, last_name,"
                                + " first_name, last_name_norm, first_name_norm, created_at)"
                                + " VALUES (?, ?, 'org-many', ?, 'Карточка', ?, 'КАРТОЧКА', CURRENT_TIMESTAMP)", id,
                                e.getKey().name(), "Номер" + i, Names.normalize("Номер" + i));
                        SchoolFixture.exec(c, "INSERT INTO sr_account_phone (account_id, phone) VALUES (?, '79000000000')", id);
                        SchoolFixture.exec(c, "INSERT INTO sr_account_phone (account_id, phone) VALUES (?, ?)", id,
                                String.format("791600000%02d", i % 100));
                        SchoolFixture.exec(c, "INSERT INTO sr_account_email (account_id, email) VALUES (?, 'net@school.example')", id);
                    }
                }
                if (!c.getAutoCommit()) {
                    c.commit();
                }
            }
            check.run(provider, config);
        } finally {
            other.close();
        }
    }

    int count(String sql) throws SQLException {
        try (Connection c = admin(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getInt(1);
        }
    }

    static boolean tableExists(Connection c, String name) throws SQLException {
        for (String candidate : new String[] {name, name.toUpperCase()}) {
            try (ResultSet r = c.getMetaData().getTables(null, null, candidate, null)) {
                if (r.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A clock whose every reading fails (a broken time source, or anything that throws mid-transaction). */
    static final class FailingClock extends Clock {
        private final java.util.function.Supplier<? extends Throwable> failure;

        FailingClock(java.util.function.Supplier<? extends Throwable> failure) {
            this.failure = failure;
        }

        @Override
        public ZoneId getZone() {
            return CLOCK.getZone();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            throw AbstractRegistryTest.<RuntimeException>sneaky(failure.get());
        }
    }

    interface ThrowingCall {
        Object run() throws Exception;
    }

    interface Task<T> {
        T run(int index) throws Exception;
    }

    /** Runs n tasks that start at the same moment. */
    static <T> List<T> race(int n, Task<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CyclicBarrier barrier = new CyclicBarrier(n);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                Callable<T> call = () -> {
                    barrier.await(5, TimeUnit.SECONDS);
                    return task.run(index);
                };
                futures.add(pool.submit(call));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(20, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
