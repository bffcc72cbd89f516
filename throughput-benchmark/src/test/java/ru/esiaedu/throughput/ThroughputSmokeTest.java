package ru.esiaedu.throughput;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The benchmark's own parts without a server: the generated people, the realm, the people split, the report. */
class ThroughputSmokeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void snilsCheckNumbersAreTheOnesThePensionFundComputes() {
        // the demo persons' SNILS (persons.json): 112-233-445 95, 134-567-891 91
        assertThat(Snils.withCheckNumber("112233445")).isEqualTo("11223344595");
        assertThat(Snils.withCheckNumber("134567891")).isEqualTo("13456789191");
    }

    @Test
    void generatedPeopleAreDistinctAndTheirCardsCarryTheSameSnilsAndNames() {
        GeneratedRegion region = GeneratedRegion.generate(500, 7);
        Set<String> snils = new HashSet<>();
        Set<String> phones = new HashSet<>();
        for (GeneratedRegion.Adult a : region.adults()) {
            snils.add(a.snilsDigits());
            phones.add(a.phoneDigits());
            assertThat(a.snilsDigits()).isEqualTo(Snils.withCheckNumber(a.snilsDigits().substring(0, 9)));
        }
        assertThat(snils).hasSize(500);
        assertThat(phones).hasSize(500);
        JsonNode persons = region.personsJson(JSON).path("persons");
        assertThat(persons).hasSize(500);
        JsonNode first = persons.get(0);
        GeneratedRegion.Adult a = region.adults().get(0);
        assertThat(first.path("snils").asText()).isEqualTo(a.snilsFormatted()).matches("\\d{3}-\\d{3}-\\d{3} \\d{2}");
        assertThat(first.path("lastName").asText()).isEqualTo(a.lastName());
        assertThat(first.path("trusted").asBoolean()).isTrue();
        assertThat(GeneratedRegion.normalisedName("Фёдорова")).isEqualTo("ФЕДОРОВА");
        assertThat(GeneratedRegion.generate(500, 7).adults()).isEqualTo(region.adults());
    }

    @Test
    void theBenchRealmKeepsTheEsiaProviderWithTheVaultKeyAndAddsTheBaselineBroker() {
        ObjectNode realm = BenchRealm.build(JSON, BenchRealm.demoRealm(), "http://localhost:41000",
                "http://localhost:42000", "http://localhost:42000/oidc", "s3cret");
        String text = realm.toString();
        assertThat(text).doesNotContain("localhost:8080").doesNotContain("localhost:8081").doesNotContain("BEGIN PRIVATE KEY");
        JsonNode esia = provider(realm, "esia");
        assertThat(esia.path("config").path("clientPrivateKey").asText()).isEqualTo("${vault.esia-client-key}");
        assertThat(esia.path("config").path("esiaBaseUrl").asText()).isEqualTo("http://localhost:42000");
        JsonNode oidc = provider(realm, "oidc");
        assertThat(oidc.path("providerId").asText()).isEqualTo("oidc");
        assertThat(oidc.path("firstBrokerLoginFlowAlias").asText()).isEqualTo("first broker login");
        assertThat(oidc.path("config").path("issuer").asText()).isEqualTo("http://localhost:42000/oidc");
        assertThat(oidc.path("config").path("validateSignature").asText()).isEqualTo("true");
        assertThat(oidc.path("config").path("clientId").asText()).isEqualTo(esia.path("config").path("clientId").asText());
    }

    @Test
    void noReturningPersonIsGivenToTwoWorkersAtOnce() {
        List<Long> returning = new ArrayList<>();
        for (long i = 0; i < 64; i++) {
            returning.add(i);
        }
        People people = new People(returning, List.of(100L, 101L));
        for (int workers : List.of(1, 4, 16, 32)) {
            Set<Long> seen = new HashSet<>();
            for (int w = 0; w < workers; w++) {
                Set<Long> mine = new HashSet<>();
                for (long n = 0; n < 50; n++) {
                    mine.add(people.returning(w, workers, n));
                }
                for (Long oid : mine) {
                    assertThat(seen.add(oid)).as("person %d taken by two of %d workers", oid, workers).isTrue();
                }
            }
        }
        assertThat(people.nextFirst()).isEqualTo(100L);
        assertThat(people.nextFirst()).isEqualTo(101L);
        assertThat(people.nextFirst()).isNull();
    }

    @Test
    void theReportStatesTheRatioAndWritesJsonCsvAndAChart(@TempDir Path dir) throws Exception {
        List<Cell> cells = new ArrayList<>();
        for (LoginKind kind : LoginKind.values()) {
            for (int c : List.of(1, 4)) {
                cells.add(cell("esia", kind, c, 100, 30));
                cells.add(cell("oidc", kind, c, 50, 40));
            }
        }
        cells.get(0).fail("stopped at Keycloak: page 200 «Ошибка»");
        Report report = new Report(cells, List.of(1, 4), List.of("esia", "oidc"));
        // esia: 30 logins in 3 s; oidc: 40 in 3 s
        assertThat(report.ratio(LoginKind.RETURNING, 1)).isEqualTo(0.75);
        assertThat(report.table()).contains("returning", "first login", "0.75");
        report.writeJson(dir.resolve("t.json"), JSON, JSON.createObjectNode());
        JsonNode json = JSON.readTree(dir.resolve("t.json").toFile());
        assertThat(json.path("results")).hasSize(8);
        assertThat(json.path("results").get(0).path("loginsFailed").asInt()).isEqualTo(1);
        assertThat(json.path("results").get(0).path("p50Ms").asDouble()).isEqualTo(100.0);
        report.writeCsv(dir.resolve("t.csv"));
        assertThat(Files.readAllLines(dir.resolve("t.csv"))).hasSize(9);
        System.setProperty("java.awt.headless", "true");
        report.writeChart(dir.resolve("t.png"), "");
        assertThat(Files.size(dir.resolve("t.png"))).isGreaterThan(1000);
    }

    private static Cell cell(String idp, LoginKind kind, int c, long millis, int logins) {
        Cell cell = new Cell(idp, kind, c);
        for (int i = 0; i < logins; i++) {
            cell.add(Duration.ofMillis(millis).toNanos());
        }
        cell.roundDone(Duration.ofSeconds(3).toNanos(), Duration.ofMillis(logins * 10L), false);
        return cell;
    }

    private static JsonNode provider(JsonNode realm, String alias) {
        for (JsonNode p : realm.path("identityProviders")) {
            if (alias.equals(p.path("alias").asText())) {
                return p;
            }
        }
        throw new AssertionError("no provider " + alias);
    }
}
