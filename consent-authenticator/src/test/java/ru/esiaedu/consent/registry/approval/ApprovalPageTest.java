package ru.esiaedu.consent.registry.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.esiaedu.consent.registry.FakeConsentRegistry.account;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ru.esiaedu.consent.registry.FakeConsentRegistry;
import ru.esiaedu.registry.ConsentRecord;
import ru.esiaedu.registry.ConsentRequestRecord;
import ru.esiaedu.registry.ConsentRequestStatus;
import ru.esiaedu.registry.RegistryRole;

class ApprovalPageTest {

    FakeConsentRegistry registry;

    @BeforeEach
    void setUp() {
        registry = new FakeConsentRegistry()
                .add(account("acc-mother-sch1", RegistryRole.PARENT, null, "Захарченко", "Диана", List.of(), "oid-mother"))
                .add(account("acc-mother-gym5", RegistryRole.PARENT, null, "Захарченко", "Диана", List.of(), "oid-mother"))
                .add(account("acc-rezida", RegistryRole.STUDENT, "9Б", "Джалилов", "Резида", List.of(), null))
                .add(account("acc-amina", RegistryRole.STUDENT, "4В", "Джалилова", "Амина", List.of(), null));
    }

    static String clientName(String clientId) {
        return "school-portal".equals(clientId) ? "Электронный дневник" : clientId;
    }

    @Test
    void pendingRequestsOfAllThePersonsAccountsWithChildClassSchoolAndSystem() throws Exception {
        ConsentRequestRecord first = registry.putRequest("acc-rezida", "school-portal", ConsentRequestStatus.PENDING, false, "acc-mother-sch1");
        ConsentRequestRecord second = registry.putRequest("acc-amina", "library", ConsentRequestStatus.PENDING, false, "acc-mother-gym5", "acc-father");
        registry.putRequest("acc-amina", "school-portal", ConsentRequestStatus.DECLINED, false, "acc-mother-gym5");
        registry.putRequest("acc-x", "school-portal", ConsentRequestStatus.PENDING, false, "acc-stranger");

        ApprovalPage page = ApprovalPage.load(registry, "oid-mother", ApprovalPageTest::clientName);

        assertThat(page.isRegistryDown()).isFalse();
        assertThat(page.pending()).containsExactly(
                new ApprovalPage.Pending(first.id(), "acc-rezida", "Джалилов Резида", "9Б", "МБОУ СОШ № 1", "Электронный дневник"),
                new ApprovalPage.Pending(second.id(), "acc-amina", "Джалилова Амина", "4В", "МБОУ СОШ № 1", "library"));
        assertThat(page.granted()).isEmpty();
    }

    @Test
    void onlyActiveConsentsThePersonGrantedAreListed() throws Exception {
        ConsentRequestRecord a = registry.putRequest("acc-rezida", "school-portal", ConsentRequestStatus.PENDING, false, "acc-mother-sch1");
        ConsentRequestRecord b = registry.putRequest("acc-amina", "school-portal", ConsentRequestStatus.PENDING, false, "acc-mother-gym5");
        ConsentRecord active = registry.approveConsentRequest(a.id(), "acc-mother-sch1", "oid-mother", "2026-11").orElseThrow();
        ConsentRecord revoked = registry.approveConsentRequest(b.id(), "acc-mother-gym5", "oid-mother", "2026-11").orElseThrow();
        registry.revokeConsent(revoked.id(), "acc-mother-gym5");

        ApprovalPage page = ApprovalPage.load(registry, "oid-mother", ApprovalPageTest::clientName);

        assertThat(page.pending()).isEmpty();
        assertThat(page.granted()).singleElement().satisfies(g -> {
            assertThat(g.consentId()).isEqualTo(active.id());
            assertThat(g.childName()).isEqualTo("Джалилов Резида");
            assertThat(g.textVersion()).isEqualTo("2026-11");
            assertThat(g.grantedAt()).isEqualTo(active.grantedAt());
        });
    }

    @Test
    void aChildMissingFromTheRegistryStillShowsTheRequest() throws Exception {
        registry.putRequest("acc-gone", "school-portal", ConsentRequestStatus.PENDING, false, "acc-mother-sch1");

        ApprovalPage page = ApprovalPage.load(registry, "oid-mother", ApprovalPageTest::clientName);

        assertThat(page.pending()).singleElement().satisfies(p -> {
            assertThat(p.childName()).isEmpty();
            assertThat(p.className()).isNull();
        });
        @SuppressWarnings("unchecked")
        List<Map<String, String>> rows = (List<Map<String, String>>) page.attributes("2026-11", ZoneId.of("UTC"))
                .get(ApprovalPage.ATTR_REQUESTS);
        assertThat(rows.get(0)).containsEntry("childName", "").containsEntry("className", "").doesNotContainValue(null);
    }

    @Test
    void aPersonWithoutAccountsGetsAnEmptyPageWithoutFurtherQueries() throws Exception {
        ApprovalPage page = ApprovalPage.load(registry, "oid-nobody", ApprovalPageTest::clientName);

        assertThat(page.pending()).isEmpty();
        assertThat(page.granted()).isEmpty();
        assertThat(registry.calls).containsExactly("findLinked");
    }

    @Test
    void eachChildIsReadOnce() throws Exception {
        registry.putRequest("acc-rezida", "school-portal", ConsentRequestStatus.PENDING, false, "acc-mother-sch1");
        registry.putRequest("acc-rezida", "library", ConsentRequestStatus.PENDING, false, "acc-mother-sch1");

        ApprovalPage.load(registry, "oid-mother", ApprovalPageTest::clientName);

        assertThat(registry.calls).filteredOn("findById"::equals).hasSize(1);
    }

    @Test
    void attributesForTheTemplate() throws Exception {
        ConsentRequestRecord a = registry.putRequest("acc-rezida", "school-portal", ConsentRequestStatus.PENDING, false, "acc-mother-sch1");
        ConsentRequestRecord b = registry.putRequest("acc-amina", "school-portal", ConsentRequestStatus.PENDING, false, "acc-mother-gym5");
        ConsentRecord consent = registry.approveConsentRequest(b.id(), "acc-mother-gym5", "oid-mother", "2026-11").orElseThrow();

        Map<String, Object> attributes = ApprovalPage.load(registry, "oid-mother", ApprovalPageTest::clientName)
                .attributes("2026-11", ZoneId.of("Asia/Yekaterinburg"));

        assertThat(attributes).containsEntry(ApprovalPage.ATTR_TEXT_VERSION, "2026-11")
                .containsEntry(ApprovalPage.ATTR_REGISTRY_DOWN, false);
        assertThat(attributes.get(ApprovalPage.ATTR_REQUESTS)).isEqualTo(List.of(Map.of("id", Long.toString(a.id()),
                "childName", "Джалилов Резида", "className", "9Б", "organisation", "МБОУ СОШ № 1",
                "clientName", "Электронный дневник")));
        assertThat(attributes.get(ApprovalPage.ATTR_GRANTED)).isEqualTo(List.of(Map.of("id", Long.toString(consent.id()),
                "childName", "Джалилова Амина", "className", "4В", "organisation", "МБОУ СОШ № 1",
                "clientName", "Электронный дневник", "grantedAt", "20.11.2026", "textVersion", "2026-11")));
    }

    @Test
    void theOutagePageHasNothingButTheFlag() {
        Map<String, Object> attributes = ApprovalPage.registryUnavailable().attributes("2026-11", ZoneId.of("UTC"));
        assertThat(attributes).containsEntry(ApprovalPage.ATTR_REGISTRY_DOWN, true)
                .containsEntry(ApprovalPage.ATTR_REQUESTS, List.of())
                .containsEntry(ApprovalPage.ATTR_GRANTED, List.of());
    }
}
