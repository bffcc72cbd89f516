package ru.esiaedu.consent.registry.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import ru.esiaedu.consent.registry.FakeConsentRegistry;
import ru.esiaedu.registry.ConsentRecord;
import ru.esiaedu.registry.ConsentRequestRecord;
import ru.esiaedu.registry.ConsentRequestStatus;
import ru.esiaedu.registry.RegistryRole;

/** The admin endpoint's pure parts: parameters, paging of the export, the record view and the CSV. */
class ConsentAdminTest {

    static final ConsentRecord ACTIVE = new ConsentRecord(501, 101, "acc-amina", "school-portal", "acc-mother", "oid-secret",
            false, "2026-11", Instant.parse("2026-11-20T10:15:30Z"), null, null);
    static final ConsentRecord REVOKED = new ConsentRecord(502, 102, "acc-rezida", "school-portal", "acc-father", "oid-secret",
            false, "2026-11", Instant.parse("2026-11-20T10:15:30Z"), Instant.parse("2026-11-21T08:00:00Z"), "acc-mother");

    @Test
    void queryDefaultsAndLimits() {
        assertThat(ConsentQuery.page(null, null, null)).isEqualTo(new ConsentQuery(null, 0, 100));
        assertThat(ConsentQuery.page("  acc-amina ", 20, 50)).isEqualTo(new ConsentQuery("acc-amina", 20, 50));
        assertThat(ConsentQuery.page(" ", 0, 1000)).isEqualTo(new ConsentQuery(null, 0, 1000));
        assertThat(ConsentQuery.export(null, null, null)).isEqualTo(new ConsentQuery(null, 0, 10_000));
        assertThat(ConsentQuery.export(null, null, 100_000).max()).isEqualTo(100_000);
    }

    @Test
    void badParametersAreRefusedWithoutEchoingThem() {
        assertThatThrownBy(() -> ConsentQuery.page(null, -1, null)).isInstanceOf(ConsentQuery.InvalidQueryException.class)
                .hasMessage("first must be 0 or more");
        assertThatThrownBy(() -> ConsentQuery.page(null, 0, 0)).hasMessage("max must be between 1 and 1000");
        assertThatThrownBy(() -> ConsentQuery.page(null, 0, 1001)).hasMessage("max must be between 1 and 1000");
        assertThatThrownBy(() -> ConsentQuery.export(null, 0, 100_001)).hasMessage("max must be between 1 and 100000");
        assertThatThrownBy(() -> ConsentQuery.page("x".repeat(65), 0, 10)).hasMessage("student must be a registry account id");
        assertThatThrownBy(() -> ConsentQuery.page("acc\n1", 0, 10)).hasMessage("student must be a registry account id");
    }

    @Test
    void anErasureNeedsAStudentAndAReasonOnOneLine() {
        assertThat(ConsentErasure.Order.of(" acc-amina ", "  Заявление № 17  "))
                .isEqualTo(new ConsentErasure.Order("acc-amina", "Заявление № 17"));
        assertThatThrownBy(() -> ConsentErasure.Order.of(null, "why")).hasMessage("student must be a registry account id");
        assertThatThrownBy(() -> ConsentErasure.Order.of("x".repeat(65), "why")).hasMessage("student must be a registry account id");
        assertThatThrownBy(() -> ConsentErasure.Order.of("acc-amina", " ")).hasMessage("reason must be 1-300 characters on one line");
        assertThatThrownBy(() -> ConsentErasure.Order.of("acc-amina", "x".repeat(301))).hasMessage("reason must be 1-300 characters on one line");
        assertThatThrownBy(() -> ConsentErasure.Order.of("acc-amina", "a\nb")).hasMessage("reason must be 1-300 characters on one line");
    }

    @Test
    void anErasureRevokesOnlyThisRealmsClientsEndsTheirSessionsAndKeepsTheRecords() throws Exception {
        FakeConsentRegistry registry = new FakeConsentRegistry()
                .add(FakeConsentRegistry.account("acc-amina", RegistryRole.STUDENT, "4В", "Джалилова", "Амина", List.of(), "oid-amina"))
                .add(FakeConsentRegistry.account("acc-mother", RegistryRole.PARENT, null, "Захарченко", "Диана", List.of(), "oid-mother"))
                .parentOf("acc-amina", "acc-mother");
        ConsentRequestRecord ours = registry.putRequest("acc-amina", "school-portal", ConsentRequestStatus.PENDING, false, "acc-mother");
        registry.approveConsentRequest(ours.id(), "acc-mother", "oid-mother", "2026-11");
        ConsentRequestRecord foreign = registry.putRequest("acc-amina", "other-realm-app", ConsentRequestStatus.PENDING, false, "acc-mother");
        registry.approveConsentRequest(foreign.id(), "acc-mother", "oid-mother", "2026-11");
        registry.putRequest("acc-amina", "diary-app", ConsentRequestStatus.PENDING, false, "acc-mother");
        List<String> ended = new ArrayList<>();

        ConsentErasure.Result result = ConsentErasure.run(registry, List.of("school-portal", "diary-app"),
                (oid, client) -> {
                    ended.add(oid + "/" + client);
                    return new ru.esiaedu.consent.access.EndedSessions(1, 1);
                }, "admin:kc-1", new ConsentErasure.Order("acc-amina", "Заявление № 17")).orElseThrow();

        assertThat(result).isEqualTo(new ConsentErasure.Result(1, 1, 1, 1, 1));
        assertThat(ended).containsExactly("oid-amina/school-portal");
        assertThat(registry.consents.values()).filteredOn(c -> c.clientId().equals("other-realm-app"))
                .singleElement().satisfies(c -> assertThat(c.active()).isTrue());
        assertThat(registry.erasures.values()).containsExactly("admin:kc-1|Заявление № 17");
    }

    @Test
    void aRegistryThatCannotEraseSaysSo() throws Exception {
        FakeConsentRegistry registry = new FakeConsentRegistry();
        registry.erases = false;
        assertThat(ConsentErasure.run(registry, List.of("school-portal"), (oid, client) -> {
            throw new AssertionError("nothing to end");
        }, "admin:kc-1", new ConsentErasure.Order("acc-amina", "why"))).isEmpty();
    }

    @Test
    void theViewCarriesIdsTimesAndRevocationButNotTheOid() {
        ConsentRecordView view = ConsentRecordView.of(REVOKED);

        assertThat(view).isEqualTo(new ConsentRecordView(502, 102, "acc-rezida", "school-portal", "acc-father", false,
                "2026-11", "2026-11-20T10:15:30Z", "2026-11-21T08:00:00Z", "acc-mother", false));
        assertThat(view.toString()).doesNotContain("oid-secret");
        assertThat(ConsentRecordView.of(ACTIVE).active()).isTrue();
        assertThat(ConsentRecordView.of(ACTIVE).revokedAt()).isNull();
    }

    @Test
    void csvHasAHeaderAndOneRowPerRecord() {
        String csv = ConsentCsv.write(List.of(ConsentRecordView.of(ACTIVE), ConsentRecordView.of(REVOKED)));

        assertThat(csv.split("\r\n")).containsExactly(
                "\uFEFFid;requestId;studentAccountId;clientId;grantorAccountId;selfGranted;textVersion;grantedAt;revokedAt;revokedByAccountId;active",
                "501;101;acc-amina;school-portal;acc-mother;false;2026-11;2026-11-20T10:15:30Z;;;true",
                "502;102;acc-rezida;school-portal;acc-father;false;2026-11;2026-11-20T10:15:30Z;2026-11-21T08:00:00Z;acc-mother;false");
        assertThat(csv).endsWith("\r\n").doesNotContain("oid-secret");
        assertThat(ConsentCsv.write(List.of())).isEqualTo("\uFEFF" + String.join(";", ConsentRecordView.COLUMNS) + "\r\n");
    }

    @Test
    void csvCellsAreQuotedAndFormulasDefused() {
        assertThat(ConsentCsv.cell("plain")).isEqualTo("plain");
        assertThat(ConsentCsv.cell(null)).isEmpty();
        assertThat(ConsentCsv.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(ConsentCsv.cell("a;b")).as("the list separator of Russian-locale Excel").isEqualTo("\"a;b\"");
        assertThat(ConsentCsv.cell("-1;x")).isEqualTo("\"'-1;x\"");
        assertThat(ConsentCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(ConsentCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(ConsentCsv.cell("+7")).isEqualTo("\"'+7\"");
        assertThat(ConsentCsv.cell("@x")).isEqualTo("\"'@x\"");
        assertThat(ConsentCsv.cell("line\nbreak")).isEqualTo("\"line\nbreak\"");
    }

    @Test
    void aPageIsOneRegistryCallNewestFirst() throws Exception {
        FakeConsentRegistry registry = registryWith(3);

        List<ConsentRecordView> page = ConsentListing.page(registry, ALL_CLIENTS, ConsentQuery.page(null, 1, 1));

        assertThat(page).singleElement().extracting(ConsentRecordView::studentAccountId).isEqualTo("acc-s1");
        assertThat(registry.calls).containsExactly("listConsents");
    }

    @Test
    void aStudentFilterIsPassedOn() throws Exception {
        FakeConsentRegistry registry = registryWith(3);
        assertThat(ConsentListing.page(registry, ALL_CLIENTS, ConsentQuery.page("acc-s0", null, null)))
                .extracting(ConsentRecordView::studentAccountId).containsExactly("acc-s0");
    }

    @Test
    void anExportIsFetchedInChunksUntilTheRegistryRunsOut() throws Exception {
        FakeConsentRegistry registry = registryWith(1203);

        List<ConsentRecordView> all = ConsentListing.export(registry, ALL_CLIENTS, ConsentQuery.export(null, null, null));

        assertThat(all).hasSize(1203);
        assertThat(all).extracting(ConsentRecordView::id).doesNotHaveDuplicates();
        assertThat(registry.calls).hasSize(3);
    }

    @Test
    void anExportStopsAtMax() throws Exception {
        FakeConsentRegistry registry = registryWith(1203);

        List<ConsentRecordView> some = ConsentListing.export(registry, ALL_CLIENTS, ConsentQuery.export(null, 100, 600));

        assertThat(some).hasSize(600);
        assertThat(registry.calls).hasSize(2);
    }

    @Test
    void anExactChunkBoundaryCostsOneEmptyCall() throws Exception {
        FakeConsentRegistry registry = registryWith(500);
        assertThat(ConsentListing.export(registry, ALL_CLIENTS, ConsentQuery.export(null, null, null))).hasSize(500);
        assertThat(registry.calls).hasSize(2);
    }

    @Test
    void aRealmSeesOnlyTheConsentsOfItsOwnClientsAndPagesOverThemAlone() throws Exception {
        FakeConsentRegistry registry = new FakeConsentRegistry()
                .add(FakeConsentRegistry.account("acc-p", RegistryRole.PARENT, null, "П", "П", List.of(), "oid-p"));
        for (int i = 0; i < 1200; i++) {
            ConsentRequestRecord request = registry.putRequest("acc-s" + i, i % 3 == 0 ? "school-portal" : "other-realms-portal",
                    ConsentRequestStatus.PENDING, false, "acc-p");
            registry.approveConsentRequest(request.id(), "acc-p", "oid-p", "2026-11");
        }
        java.util.function.Predicate<String> school = "school-portal"::equals;

        List<ConsentRecordView> all = ConsentListing.export(registry, school, ConsentQuery.export(null, null, null));
        List<ConsentRecordView> second = ConsentListing.page(registry, school, ConsentQuery.page(null, 100, 100));

        assertThat(all).hasSize(400).extracting(ConsentRecordView::clientId).containsOnly("school-portal");
        assertThat(second).hasSize(100).extracting(ConsentRecordView::id).isSubsetOf(all.stream().map(ConsentRecordView::id).toList())
                .doesNotContainAnyElementsOf(ConsentListing.page(registry, school, ConsentQuery.page(null, 0, 100))
                        .stream().map(ConsentRecordView::id).toList());
        assertThat(ConsentListing.export(registry, "third-realm"::equals, ConsentQuery.export(null, null, null))).isEmpty();
    }

    static final java.util.function.Predicate<String> ALL_CLIENTS = client -> true;

    static FakeConsentRegistry registryWith(int consents) throws Exception {
        FakeConsentRegistry registry = new FakeConsentRegistry()
                .add(FakeConsentRegistry.account("acc-p", RegistryRole.PARENT, null, "П", "П", List.of(), "oid-p"));
        List<ConsentRequestRecord> requests = new ArrayList<>();
        for (int i = 0; i < consents; i++) {
            requests.add(registry.putRequest("acc-s" + i, "school-portal", ConsentRequestStatus.PENDING, false, "acc-p"));
        }
        for (ConsentRequestRecord request : requests) {
            registry.approveConsentRequest(request.id(), "acc-p", "oid-p", "2026-11");
        }
        registry.calls.clear();
        return registry;
    }
}
