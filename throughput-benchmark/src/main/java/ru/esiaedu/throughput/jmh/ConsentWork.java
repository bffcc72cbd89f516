package ru.esiaedu.throughput.jmh;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import ru.esiaedu.consent.check.ConsentCheck;
import ru.esiaedu.consent.check.ConsentCheckSettings;
import ru.esiaedu.consent.check.ConsentOutcome;
import ru.esiaedu.consent.check.ConsentStepPlan;
import ru.esiaedu.consent.check.LoginFacts;
import ru.esiaedu.consent.check.RequestMemory;
import ru.esiaedu.consent.esia.EsiaConsentClient;
import ru.esiaedu.consent.esia.EsiaConsentSource;
import ru.esiaedu.consent.source.ConsentRequestOutcome;
import ru.esiaedu.registry.RegistryRole;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * The consent step of a student's login with the default source {@code esia}: {@link ConsentCheck#evaluate} (the role,
 * the age group on the day of login in the region's time zone, ESIA's status answer read and parsed by
 * {@link EsiaConsentClient}) and {@link ConsentStepPlan#of} (what the step then does). ESIA's answer is canned
 * ({@link CannedHttpClient}): the network is not ours. A 15-year-old whose parent consented, the usual case.
 */
@State(Scope.Benchmark)
public class ConsentWork {
    static final String GRANTED = "{\"status\":\"GRANTED\",\"grantor\":\"PARENT\",\"requestId\":\"c7a1e0d4-3b52-4f0e-8d1a-95b2f6c3e401\"}";
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    ConsentCheck check;
    EsiaConsentSource source;
    LoginFacts student;
    private final RequestMemory memory = new RequestMemory() {
        private boolean requested;

        @Override
        public boolean requested() {
            return requested;
        }

        @Override
        public void remember(ConsentRequestOutcome outcome) {
            requested = true;
        }
    };

    @Setup
    public void setUp() {
        check = new ConsentCheck(ConsentCheckSettings.defaults(),
                Clock.fixed(TODAY.atTime(LocalTime.NOON).atZone(MOSCOW).toInstant(), MOSCOW));
        source = new EsiaConsentSource(new EsiaConsentClient(new CannedHttpClient(200, GRANTED), Duration.ofSeconds(10)));
        LocalDate born = TODAY.minusYears(15).minusDays(40);
        student = new LoginFacts(RegistryRole.STUDENT, "realm-id", "school-portal", "Электронный дневник", "1000300202",
                born, "stu-1", "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMDAwMzAwMjAyIn0.c2lnbmF0dXJl",
                "http://esia-portal1.test.gosuslugi.ru", born, false);
    }

    /** The decision and the step's plan for it, from ESIA's answer text. */
    @Benchmark
    public ConsentStepPlan decideStudentConsent() {
        ConsentOutcome outcome = check.evaluate(student, source, memory);
        return ConsentStepPlan.of(outcome, ConsentCheckSettings.DEFAULT_SOURCE, student.clientName(), false);
    }
}
