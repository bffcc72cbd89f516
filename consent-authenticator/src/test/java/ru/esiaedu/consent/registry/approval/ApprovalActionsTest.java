package ru.esiaedu.consent.registry.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ru.esiaedu.consent.registry.FakeConsentRegistry.account;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.events.EventType;

import ru.esiaedu.consent.registry.FakeConsentRegistry;
import ru.esiaedu.consent.registry.approval.ApprovalResult.Outcome;
import ru.esiaedu.registry.ConsentRecord;
import ru.esiaedu.registry.ConsentRequestRecord;
import ru.esiaedu.registry.ConsentRequestStatus;
import ru.esiaedu.registry.RegistryRole;
import ru.esiaedu.registry.RegistryUnavailableException;

class ApprovalActionsTest {

    static final String CLIENT = "school-portal";

    FakeConsentRegistry registry;
    ConsentRequestRecord forMother;
    ConsentRequestRecord forStranger;

    @BeforeEach
    void setUp() {
        registry = new FakeConsentRegistry()
                .add(account("acc-mother-sch1", RegistryRole.PARENT, null, "Захарченко", "Диана", List.of(), "oid-mother"))
                .add(account("acc-mother-gym5", RegistryRole.PARENT, null, "Захарченко", "Диана", List.of(), "oid-mother"))
                .add(account("acc-father", RegistryRole.PARENT, null, "Джалилов", "Рустам", List.of(), "oid-father"))
                .add(account("acc-stranger", RegistryRole.PARENT, null, "Иванова", "Мария", List.of(), "oid-stranger"))
                .add(account("acc-child", RegistryRole.STUDENT, "9Б", "Джалилов", "Резида", List.of(), null))
                .parentOf("acc-child", "acc-mother-gym5", "acc-father");
        forMother = registry.putRequest("acc-child", CLIENT, ConsentRequestStatus.PENDING, false, "acc-mother-gym5", "acc-father");
        forStranger = registry.putRequest("acc-other", CLIENT, ConsentRequestStatus.PENDING, false, "acc-stranger");
    }

    ApprovalActions as(String oid) {
        return new ApprovalActions(registry, oid, "2026-11");
    }

    static ApprovalCommand cmd(String value) {
        return ApprovalCommand.parse(value).orElseThrow();
    }

    @Test
    void approvingRecordsTheConsentWithTheRecipientAccountOidAndTextVersion() throws Exception {
        ApprovalResult result = as("oid-mother").apply(cmd("approve:" + forMother.id()));

        assertThat(result.outcome()).isEqualTo(Outcome.DONE);
        assertThat(result.messageKey()).isEqualTo("esiaConsentApprovalGranted");
        ConsentRecord consent = registry.consents.values().iterator().next();
        assertThat(consent.grantorAccountId()).isEqualTo("acc-mother-gym5");
        assertThat(consent.grantorEsiaOid()).isEqualTo("oid-mother");
        assertThat(consent.textVersion()).isEqualTo("2026-11");
        assertThat(consent.selfGranted()).isFalse();
        assertThat(result.event().type()).isEqualTo(EventType.GRANT_CONSENT);
        assertThat(result.event().details()).containsExactly(
                Map.entry("consent_source", "registry"),
                Map.entry("consent_request_id", Long.toString(forMother.id())),
                Map.entry("consent_id", Long.toString(consent.id())),
                Map.entry("student_account_id", "acc-child"));
    }

    @Test
    void approvingTwiceChangesNothingAndRecordsNoSecondEvent() throws Exception {
        as("oid-mother").apply(cmd("approve:" + forMother.id()));
        ApprovalResult again = as("oid-mother").apply(cmd("approve:" + forMother.id()));

        assertThat(again.outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(again.success()).isTrue();
        assertThat(again.messageKey()).isEqualTo("esiaConsentApprovalGranted");
        assertThat(again.eventToRecord()).isEmpty();
        assertThat(registry.consents).hasSize(1);
    }

    @Test
    void aForgedRequestIdIsRefusedAndNothingIsWritten() throws Exception {
        for (String forged : List.of("approve:" + forStranger.id(), "decline:" + forStranger.id(), "approve:99999")) {
            ApprovalResult result = as("oid-mother").apply(cmd(forged));
            assertThat(result.outcome()).as(forged).isEqualTo(Outcome.REFUSED);
            assertThat(result.success()).isFalse();
            assertThat(result.messageKey()).isEqualTo("esiaConsentApprovalNotYours");
            assertThat(result.eventToRecord()).isEmpty();
        }
        assertThat(registry.consents).isEmpty();
        assertThat(registry.requests.get(forStranger.id()).status()).isEqualTo(ConsentRequestStatus.PENDING);
        assertThat(registry.calls).doesNotContain("approveConsentRequest", "declineConsentRequest");
    }

    @Test
    void aPersonWithoutRegistryAccountsCanDoNothing() throws Exception {
        assertThat(as("oid-nobody").apply(cmd("approve:" + forMother.id())).outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(as("oid-nobody").apply(cmd("revoke:1")).outcome()).isEqualTo(Outcome.REFUSED);
    }

    @Test
    void decliningIsRecordedAsUpdateConsentDeclined() throws Exception {
        ApprovalResult result = as("oid-father").apply(cmd("decline:" + forMother.id()));

        assertThat(result.outcome()).isEqualTo(Outcome.DONE);
        assertThat(result.messageKey()).isEqualTo("esiaConsentApprovalDeclined");
        assertThat(registry.requests.get(forMother.id()).status()).isEqualTo(ConsentRequestStatus.DECLINED);
        assertThat(registry.requests.get(forMother.id()).decidedByAccountId()).isEqualTo("acc-father");
        assertThat(result.event().type()).isEqualTo(EventType.UPDATE_CONSENT);
        assertThat(result.event().details()).containsEntry("consent_action", "declined")
                .containsEntry("consent_request_id", Long.toString(forMother.id()))
                .doesNotContainKey("consent_id");

        assertThat(as("oid-father").apply(cmd("decline:" + forMother.id())).outcome()).isEqualTo(Outcome.UNCHANGED);
    }

    @Test
    void theOtherParentDecidingFirstIsReported() throws Exception {
        as("oid-father").apply(cmd("approve:" + forMother.id()));

        ApprovalResult approve = as("oid-mother").apply(cmd("approve:" + forMother.id()));
        ApprovalResult decline = as("oid-mother").apply(cmd("decline:" + forMother.id()));

        assertThat(approve.outcome()).isEqualTo(Outcome.ALREADY_DECIDED);
        assertThat(approve.messageKey()).isEqualTo("esiaConsentApprovalAlreadyDecided");
        assertThat(decline.outcome()).isEqualTo(Outcome.ALREADY_DECIDED);
        assertThat(registry.consents).hasSize(1);
        assertThat(registry.requests.get(forMother.id()).status()).isEqualTo(ConsentRequestStatus.APPROVED);
    }

    @Test
    void approvingADeclinedRequestIsRefusedAsDecided() throws Exception {
        as("oid-mother").apply(cmd("decline:" + forMother.id()));
        assertThat(as("oid-mother").apply(cmd("approve:" + forMother.id())).outcome()).isEqualTo(Outcome.ALREADY_DECIDED);
        assertThat(registry.consents).isEmpty();
    }

    @Test
    void revokingAnOwnConsentKeepsTheRowAndRecordsRevokeGrant() throws Exception {
        long consentId = as("oid-mother").apply(cmd("approve:" + forMother.id())).event().consentId();

        ApprovalResult result = as("oid-mother").apply(cmd("revoke:" + consentId));

        assertThat(result.outcome()).isEqualTo(Outcome.DONE);
        assertThat(result.messageKey()).isEqualTo("esiaConsentApprovalRevoked");
        ConsentRecord revoked = registry.consents.get(consentId);
        assertThat(revoked.active()).isFalse();
        assertThat(revoked.revokedByAccountId()).isEqualTo("acc-mother-gym5");
        assertThat(result.event().type()).isEqualTo(EventType.REVOKE_GRANT);
        assertThat(result.event().details()).containsEntry("consent_id", Long.toString(consentId))
                .containsEntry("consent_request_id", Long.toString(forMother.id()))
                .containsEntry("student_account_id", "acc-child");

        ApprovalResult again = as("oid-mother").apply(cmd("revoke:" + consentId));
        assertThat(again.outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(again.messageKey()).isEqualTo("esiaConsentApprovalRevoked");
    }

    @Test
    void aRevocationNamesTheStudentAndTheClientWhoseAccessEndsNow() throws Exception {
        long consentId = as("oid-mother").apply(cmd("approve:" + forMother.id())).event().consentId();

        ApprovalResult own = as("oid-mother").apply(cmd("revoke:" + consentId));

        assertThat(own.outcome()).isEqualTo(Outcome.DONE);
        assertThat(own.accessToEndNow()).contains(new ru.esiaedu.consent.access.StudentAccess("acc-child", CLIENT));
        // a repeated «Отозвать» finishes what a first attempt may have left undone
        assertThat(as("oid-mother").apply(cmd("revoke:" + consentId)).accessToEndNow())
                .contains(new ru.esiaedu.consent.access.StudentAccess("acc-child", CLIENT));
    }

    @Test
    void noAccessEndsWhenTheRevocationIsRefusedOrNoRevocationAtAll() throws Exception {
        ApprovalResult approved = as("oid-mother").apply(cmd("approve:" + forMother.id()));
        assertThat(approved.accessToEndNow()).isEmpty();
        long consentId = approved.event().consentId();

        assertThat(as("oid-stranger").apply(cmd("revoke:" + consentId)).accessToEndNow()).isEmpty();
        assertThat(as("oid-nobody").apply(cmd("revoke:" + consentId)).accessToEndNow()).isEmpty();
        assertThat(as("oid-mother").apply(cmd("decline:" + forStranger.id())).accessToEndNow()).isEmpty();
        assertThat(registry.consents.get(consentId).active()).isTrue();
    }

    @Test
    void someoneElsesConsentCannotBeRevokedHere() throws Exception {
        long consentId = as("oid-father").apply(cmd("approve:" + forMother.id())).event().consentId();

        ApprovalResult result = as("oid-stranger").apply(cmd("revoke:" + consentId));

        assertThat(result.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(registry.consents.get(consentId).active()).isTrue();
        assertThat(registry.calls).doesNotContain("revokeConsent");
    }

    @Test
    void registryDownPropagates() {
        registry.down = true;
        assertThatThrownBy(() -> as("oid-mother").apply(cmd("approve:" + forMother.id())))
                .isInstanceOf(RegistryUnavailableException.class);
    }

    @Test
    void continueIsNotARegistryAction() {
        assertThatThrownBy(() -> as("oid-mother").apply(ApprovalCommand.CONTINUE)).isInstanceOf(IllegalArgumentException.class);
    }
}
