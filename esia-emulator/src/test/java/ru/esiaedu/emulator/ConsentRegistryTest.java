package ru.esiaedu.emulator;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The consent rules without HTTP: who is asked (age in Moscow), status order, who may decide, concurrency. */
class ConsentRegistryTest {
    static final PersonDirectory DIR = PersonDirectory.load(null);
    static final long AMINA = 1000300105L;
    static final long NIKITA = 1000300103L; // born 17.02.2007
    static final long DIANA = 1000300101L;
    static final long TIMUR = 1000300110L;
    final Clock clock = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
    final ConsentRegistry registry = new ConsentRegistry(DIR, clock);
    final ConsentRecipients recipients = new ConsentRecipients(DIR, clock);

    static Person person(long oid) {
        return DIR.find(oid).orElseThrow();
    }

    ConsentRegistry.Outcome ask(long student) {
        return registry.request("SCHOOL01", "Электронная школа (демо)", student, recipients.of(person(student)),
                "Вход", "Школа", List.of("openid", "fullname"));
    }

    @Test
    void eighteenthBirthdayCountsInMoscow() {
        // 17.02.2025 00:00 in Moscow is 16.02.2025 21:00 UTC
        ConsentRecipients before = new ConsentRecipients(DIR, Clock.fixed(Instant.parse("2025-02-16T20:59:59Z"), ZoneOffset.UTC));
        ConsentRecipients on = new ConsentRecipients(DIR, Clock.fixed(Instant.parse("2025-02-16T21:00:00Z"), ZoneOffset.UTC));
        assertThat(before.minor(person(NIKITA))).isTrue();
        assertThat(before.of(person(NIKITA))).isEmpty(); // a minor with no linked parent: nobody can be asked
        assertThat(on.minor(person(NIKITA))).isFalse();
        assertThat(on.of(person(NIKITA))).containsExactly(NIKITA);
        assertThat(recipients.of(person(AMINA))).containsExactlyInAnyOrder(DIANA, TIMUR);
        assertThat(recipients.of(person(1000300109L))).containsExactly(1000300102L);
    }

    @Test
    void onlyRecipientsDecideAndAnyOfThemMayRevoke() {
        String id = ask(AMINA).requestId();
        assertThat(registry.approve(id, AMINA)).isEqualTo(ConsentRegistry.Result.FORBIDDEN);
        assertThat(registry.approve(id, 1000300102L)).isEqualTo(ConsentRegistry.Result.FORBIDDEN);
        assertThat(registry.approve("nope", DIANA)).isEqualTo(ConsentRegistry.Result.NOT_FOUND);
        assertThat(registry.approve(id, DIANA)).isEqualTo(ConsentRegistry.Result.DONE);
        assertThat(registry.decline(id, TIMUR)).isEqualTo(ConsentRegistry.Result.ALREADY_GRANTED);
        assertThat(registry.status("SCHOOL01", AMINA)).isEqualTo(new ConsentRegistry.State("GRANTED", "PARENT", id));
        assertThat(registry.status("OTHER", AMINA).status()).isEqualTo("NONE"); // per client system

        ConsentRegistry.Consent c = registry.consentFor(id).orElseThrow();
        assertThat(c.grantorOid()).isEqualTo(DIANA);
        assertThat(registry.revoke(c.id(), 1000300102L)).isEqualTo(ConsentRegistry.Result.FORBIDDEN);
        assertThat(registry.revoke(c.id(), TIMUR)).isEqualTo(ConsentRegistry.Result.DONE);
        assertThat(registry.revoke(c.id(), DIANA)).isEqualTo(ConsentRegistry.Result.ALREADY_REVOKED);
        ConsentRegistry.Consent revoked = registry.consentFor(id).orElseThrow();
        assertThat(revoked.revokedBy()).isEqualTo(TIMUR);
        assertThat(revoked.revoked()).isEqualTo(clock.instant());
        assertThat(registry.status("SCHOOL01", AMINA)).isEqualTo(new ConsentRegistry.State("REVOKED", null, id));
    }

    @Test
    void declinedThenAskedAgain() {
        String first = ask(AMINA).requestId();
        registry.decline(first, TIMUR);
        assertThat(registry.status("SCHOOL01", AMINA).status()).isEqualTo("DECLINED");
        assertThat(registry.notificationsOf(DIANA).get(0).title()).isEqualTo("Запрос согласия отклонён");
        assertThat(registry.notificationsOf(TIMUR)).hasSize(1); // the decider is not told about his own decision
        ConsentRegistry.Outcome again = ask(AMINA);
        assertThat(again.created()).isTrue();
        assertThat(registry.status("SCHOOL01", AMINA)).isEqualTo(new ConsentRegistry.State("PENDING", null, again.requestId()));
    }

    @Test
    void concurrentAttemptsOpenOneRequest() throws Exception {
        int n = 16;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<ConsentRegistry.Outcome>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                Callable<ConsentRegistry.Outcome> task = () -> {
                    go.await();
                    return ask(AMINA);
                };
                futures.add(pool.submit(task));
            }
            go.countDown();
            Set<String> ids = new HashSet<>();
            int created = 0;
            for (Future<ConsentRegistry.Outcome> f : futures) {
                ConsentRegistry.Outcome o = f.get();
                ids.add(o.requestId());
                created += o.created() ? 1 : 0;
            }
            assertThat(ids).hasSize(1);
            assertThat(created).isEqualTo(1);
            assertThat(registry.notificationsOf(DIANA)).hasSize(1);
            assertThat(registry.notificationsOf(TIMUR)).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
