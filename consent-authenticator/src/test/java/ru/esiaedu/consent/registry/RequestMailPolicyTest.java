package ru.esiaedu.consent.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.esiaedu.consent.registry.FakeConsentRegistry.account;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import ru.esiaedu.consent.registry.RequestMailPolicy.Plan;
import ru.esiaedu.consent.registry.RequestMailPolicy.Trigger;
import ru.esiaedu.consent.source.RequestMail;
import ru.esiaedu.registry.ConsentNoticeRecord;
import ru.esiaedu.registry.RegistryAccount;
import ru.esiaedu.registry.RegistryRole;

class RequestMailPolicyTest {

    static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    static final RegistryAccount MOTHER = account("acc-mother", RegistryRole.PARENT, null, "Захарченко", "Диана",
            List.of("mother@example.ru"), "oid-mother");
    static final RegistryAccount FATHER = account("acc-father", RegistryRole.PARENT, null, "Джалилов", "Рустам",
            List.of("father@example.ru"), "oid-father");
    static final List<RegistryAccount> BOTH = List.of(MOTHER, FATHER);

    static ConsentNoticeRecord tried(Instant at, String... reached) {
        return new ConsentNoticeRecord(1, 1, at, Set.of(reached));
    }

    @Test
    void aNewRequestMailsEveryoneWithAnAddress() {
        assertThat(RequestMailPolicy.plan(Trigger.OPENED, BOTH, null, NOW).to()).containsExactly(MOTHER, FATHER);
    }

    @Test
    void nobodyWithAnAddressIsNoAddressWhateverTheTrigger() {
        for (Trigger trigger : Trigger.values()) {
            Plan plan = RequestMailPolicy.plan(trigger, List.of(), tried(NOW), NOW);
            assertThat(plan.sends()).isFalse();
            assertThat(plan.instead()).isEqualTo(RequestMail.NO_ADDRESS);
        }
    }

    @Test
    void aLaterLoginMailsOnlyThoseNotReachedAtAnyTime() {
        Plan plan = RequestMailPolicy.plan(Trigger.LOGIN, BOTH, tried(NOW, "acc-mother"), NOW);
        assertThat(plan.to()).containsExactly(FATHER);
        assertThat(RequestMailPolicy.plan(Trigger.LOGIN, BOTH, tried(NOW), NOW).to()).containsExactly(MOTHER, FATHER);
    }

    @Test
    void aLaterLoginSendsNothingOnceEveryoneWasReached() {
        Plan plan = RequestMailPolicy.plan(Trigger.LOGIN, BOTH, tried(NOW.minusSeconds(10), "acc-mother", "acc-father"), NOW);
        assertThat(plan.sends()).isFalse();
        assertThat(plan.instead()).isEqualTo(RequestMail.ALREADY_SENT);
    }

    @Test
    void withoutAMailStateOnlyANewRequestIsMailed() {
        assertThat(RequestMailPolicy.plan(Trigger.LOGIN, BOTH, null, NOW).instead()).isEqualTo(RequestMail.NONE);
        assertThat(RequestMailPolicy.plan(Trigger.ASKED, BOTH, null, NOW).sends()).isFalse();
    }

    @Test
    void askingAgainAfterADeliveredMailWaitsAnHourThenMailsEveryone() {
        ConsentNoticeRecord delivered = tried(NOW, "acc-mother", "acc-father");
        Instant almost = NOW.plus(RequestMailPolicy.RESEND_AFTER_DELIVERY).minusSeconds(1);
        assertThat(RequestMailPolicy.plan(Trigger.ASKED, BOTH, delivered, almost).instead()).isEqualTo(RequestMail.TOO_SOON);
        assertThat(RequestMailPolicy.plan(Trigger.ASKED, BOTH, delivered, NOW.plus(Duration.ofHours(1))).to())
                .containsExactly(MOTHER, FATHER);
    }

    @Test
    void askingAgainAfterAFailureWaitsAMinuteThenMailsThoseNotReached() {
        ConsentNoticeRecord failedForFather = tried(NOW, "acc-mother");
        assertThat(RequestMailPolicy.plan(Trigger.ASKED, BOTH, failedForFather, NOW.plusSeconds(59)).instead())
                .isEqualTo(RequestMail.TOO_SOON);
        assertThat(RequestMailPolicy.plan(Trigger.ASKED, BOTH, failedForFather, NOW.plusSeconds(60)).to())
                .containsExactly(FATHER);
    }

    @Test
    void askingBeforeAnyAttemptSends() {
        assertThat(RequestMailPolicy.plan(Trigger.ASKED, BOTH, new ConsentNoticeRecord(1, 0, null, Set.of()), NOW).to())
                .containsExactly(MOTHER, FATHER);
    }
}
