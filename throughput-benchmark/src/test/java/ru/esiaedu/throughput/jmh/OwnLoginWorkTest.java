package ru.esiaedu.throughput.jmh;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import ru.esiaedu.consent.check.ConsentStepPlan;
import ru.esiaedu.consent.esia.EsiaConsentClient;
import ru.esiaedu.consent.esia.EsiaConsentSource;
import ru.esiaedu.esia.token.EsiaTokenException;
import ru.esiaedu.esia.token.EsiaTokenVerifier;
import ru.esiaedu.linker.firstlogin.MatchNotes;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The JMH benchmarks time the real paths (a token that verifies, a card found, a consent granted) and the sum adds up. */
class OwnLoginWorkTest {

    @Test
    void theTokensVerifyWithTheConfiguredCertificatesAndATamperedOneIsRefused() throws Exception {
        EsiaTokenWork work = new EsiaTokenWork();
        work.setUp();
        assertThat(work.verifyAccessTokenRs256().oid()).isEqualTo(EsiaTokenWork.OID);
        assertThat(work.verifyIdTokenRs256().oid()).isEqualTo(EsiaTokenWork.OID);
        assertThat(work.verifyAccessTokenGost().algorithm()).isEqualTo(EsiaTokenVerifier.ALG_GOST);
        assertThat(work.verifyIdTokenGost().oid()).isEqualTo(EsiaTokenWork.OID);
        assertThat(work.verifyAccessTokenRs256().scopes()).contains("openid", "snils", "id_doc");
        assertThat(work.esiaCertificatesFromPem()).hasSize(2);
        assertThat(work.tokenVerifierFromPem().verify(work.idTokenGost).oid()).isEqualTo(EsiaTokenWork.OID);

        String rs256 = work.accessTokenRs256;
        String otherSubject = rs256.substring(0, rs256.indexOf('.') + 1)
                + work.idTokenRs256.substring(work.idTokenRs256.indexOf('.') + 1);
        String forged = otherSubject.substring(0, otherSubject.lastIndexOf('.') + 1)
                + rs256.substring(rs256.lastIndexOf('.') + 1);
        assertThatThrownBy(() -> work.verifier.verify(forged)).isInstanceOf(EsiaTokenException.class);
    }

    @Test
    void theSnilsPersonIsFoundAtEveryCallAndTheUnknownNamesakeByNoRule() throws Exception {
        FirstLoginMatchWork work = new FirstLoginMatchWork();
        work.setUp();
        assertThat(work.cards).as("cards in the in-memory registry").isGreaterThan(2_000);
        for (int call = 0; call < 2; call++) {
            MatchNotes notes = work.matchFoundBySnils();
            assertThat(notes.rules()).isEqualTo("SNILS");
            assertThat(notes.accounts()).isEqualTo(work.bySnilsCard);
            // every call starts as a first login: the benchmark undid the link
            assertThat(work.registry.findLinked(work.bySnils.oid())).isEmpty();
        }
        assertThat(work.matchFoundByNobody().empty()).isTrue();
        assertThat(work.matchFoundByNobodyAnyRole().empty()).isTrue();
        assertThat(work.registry.findLinked(work.nobody.oid())).isEmpty();
    }

    @Test
    void aStudentPassesWithTheParentsConsentAndIsStoppedWhileItIsPending() {
        ConsentWork work = new ConsentWork();
        work.setUp();
        ConsentStepPlan granted = work.decideStudentConsent();
        assertThat(granted.pass()).isTrue();
        assertThat(granted.details()).containsEntry(ConsentStepPlan.DETAIL_CHECK, "granted")
                .containsEntry(ConsentStepPlan.DETAIL_GRANTOR, "PARENT");

        work.source = new EsiaConsentSource(new EsiaConsentClient(
                new CannedHttpClient(200, "{\"status\":\"PENDING\",\"requestId\":\"r-1\"}"), Duration.ofSeconds(10)));
        ConsentStepPlan pending = work.decideStudentConsent();
        assertThat(pending.pass()).isFalse();
        assertThat(pending.loginError()).isEqualTo(ConsentStepPlan.ERROR_REQUIRED);
    }

    @Test
    void theSumPerLoginIsTheMediansTimesTheCountsAndNamesWhatWasNotRun() throws Exception {
        String json = """
                [{"benchmark":"ru.esiaedu.throughput.jmh.EsiaLoginWork.signRequest",
                  "primaryMetric":{"scoreUnit":"us/op","scorePercentiles":{"0.0":1000.0,"50.0":2000.0,"99.0":9000.0}}},
                 {"benchmark":"ru.esiaedu.throughput.jmh.EsiaTokenWork.tokenVerifierFromPem",
                  "primaryMetric":{"scoreUnit":"us/op","scorePercentiles":{"0.0":100.0,"50.0":300.0,"99.0":900.0}}},
                 {"benchmark":"ru.esiaedu.throughput.jmh.EsiaTokenWork.verifyAccessTokenRs256",
                  "primaryMetric":{"scoreUnit":"ns/op","scorePercentiles":{"0.0":50000.0,"50.0":70000.0,"99.0":90000.0}}},
                 {"benchmark":"ru.esiaedu.throughput.jmh.EsiaTokenWork.verifyIdTokenRs256",
                  "primaryMetric":{"scoreUnit":"us/op","scorePercentiles":{"0.0":50.0,"50.0":70.0,"99.0":90.0}}},
                 {"benchmark":"ru.esiaedu.throughput.jmh.EsiaLoginWork.parsePerson",
                  "primaryMetric":{"scoreUnit":"us/op","scorePercentiles":{"0.0":4.0,"50.0":5.0,"99.0":20.0}}},
                 {"benchmark":"ru.esiaedu.throughput.jmh.FirstLoginMatchWork.matchFoundBySnils",
                  "primaryMetric":{"scoreUnit":"us/op","scorePercentiles":{"0.0":10.0,"50.0":20.0,"99.0":80.0}}},
                 {"benchmark":"ru.esiaedu.throughput.jmh.ConsentWork.decideStudentConsent",
                  "primaryMetric":{"scoreUnit":"ms/op","scorePercentiles":{"0.0":0.02,"50.0":0.03,"99.0":0.1}}}]
                """;
        Map<String, OwnTimePerLogin.Figures> figures = OwnTimePerLogin.read(new ObjectMapper().readTree(json));
        assertThat(figures.get("EsiaTokenWork.verifyAccessTokenRs256").median()).isCloseTo(0.07, within(1e-9));

        OwnTimePerLogin.Sum first = OwnTimePerLogin.sum(OwnTimePerLogin.LOGINS.get(0), figures);
        // 2 × 2 ms + 0.3 + 0.07 + 0.07 + 0.005 + 0.02 + 0.03
        assertThat(first.median()).isCloseTo(4.495, within(1e-9));
        assertThat(first.min()).isCloseTo(2 + 0.1 + 0.05 + 0.05 + 0.004 + 0.01 + 0.02, within(1e-9));
        assertThat(first.p99()).isCloseTo(2 * 9 + 0.9 + 0.09 + 0.09 + 0.02 + 0.08 + 0.1, within(1e-9));
        assertThat(first.missing()).isEmpty();

        OwnTimePerLogin.Sum returning = OwnTimePerLogin.sum(OwnTimePerLogin.LOGINS.get(1), figures);
        assertThat(returning.median()).isCloseTo(4.475, within(1e-9));

        OwnTimePerLogin.Sum gost = OwnTimePerLogin.sum(OwnTimePerLogin.LOGINS.get(2), figures);
        assertThat(gost.missing()).containsExactly("EsiaTokenWork.verifyAccessTokenGost", "EsiaTokenWork.verifyIdTokenGost");

        String report = OwnTimePerLogin.report(figures);
        assertThat(report).contains("own server time per ESIA login ≈ 4.50 ms median (2.23 ms from the minima, 19.3 ms if every part took its p99)")
                .contains("WITHOUT EsiaTokenWork.verifyAccessTokenGost")
                .contains("| `EsiaLoginWork.signRequest` — one GOST request signature (authorization request, token request) | "
                        + "1.00 ms | 2.00 ms | 9.00 ms | 2 / 2 / 2 |");
    }
}
