package ru.esiaedu.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import ru.esiaedu.e2e.support.AdminApi;
import ru.esiaedu.e2e.support.HttpLogin;
import ru.esiaedu.e2e.support.KeycloakTestServer;
import ru.esiaedu.e2e.support.RealmFixture;
import ru.esiaedu.e2e.support.SchoolPortal;
import ru.esiaedu.e2e.support.SharedEmulator;
import ru.esiaedu.emulator.EsiaEmulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A family signs in as the same parent on a phone, a laptop and two tablets at the same moment, on a realm with
 * brute-force detection on (as the demo realm ships): every device gets in. The devices sign in at Госуслуги one by
 * one and then arrive at Keycloak's broker endpoint together, where Keycloak decides whether the user may log in.
 */
class ConcurrentReturningLoginE2ETest {

    private static final String REALM = "school";
    private static final String PARENT = "1000300101";
    private static final int DEVICES = 4;
    /** Several rounds: one round of four can miss the overlap on a fast machine. */
    private static final int ROUNDS = 5;

    private static KeycloakTestServer keycloak;
    private static EsiaEmulator emulator;
    private static AdminApi admin;

    @BeforeAll
    static void realmWithTheParentSignedInOnce() throws Exception {
        keycloak = KeycloakTestServer.get();
        emulator = SharedEmulator.get();
        admin = keycloak.admin();
        RealmFixture.importInto(keycloak, emulator.baseUrl());
        assertThat(admin.get("/admin/realms/" + REALM).path("bruteForceProtected").asBoolean())
                .as("the demo realm ships with brute-force detection on").isTrue();
        SchoolPortal portal = new SchoolPortal(keycloak.baseUrl(), REALM);
        HttpLogin.Outcome first = new HttpLogin(portal, emulator.baseUrl()).signIn("parent", PARENT);
        assertThat(first.backAtThePortalWithACode(portal)).as("the first login: %s", first).isTrue();
    }

    @Test
    void fourLoginsOfOneReturningParentAtOnceAllGetIn() throws Exception {
        ExecutorService devices = Executors.newFixedThreadPool(DEVICES);
        try {
            List<String> refused = new ArrayList<>();
            int signedIn = 0;
            for (int round = 0; round < ROUNDS; round++) {
                CyclicBarrier atTheBrokerEndpoint = new CyclicBarrier(DEVICES);
                List<SchoolPortal> portals = new ArrayList<>();
                List<CompletableFuture<HttpLogin.Outcome>> logins = new ArrayList<>();
                for (int i = 0; i < DEVICES; i++) {
                    SchoolPortal portal = new SchoolPortal(keycloak.baseUrl(), REALM);
                    portals.add(portal);
                    HttpLogin device = new HttpLogin(portal, emulator.baseUrl());
                    logins.add(CompletableFuture.supplyAsync(() -> {
                        try {
                            HttpLogin.Outcome fromEsia = device.signInAtEsia("parent", PARENT);
                            atTheBrokerEndpoint.await(60, TimeUnit.SECONDS);
                            return device.returnToKeycloak(fromEsia);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }, devices));
                }
                for (int i = 0; i < DEVICES; i++) {
                    HttpLogin.Outcome outcome = logins.get(i).get(120, TimeUnit.SECONDS);
                    if (outcome.backAtThePortalWithACode(portals.get(i))) {
                        // The portal really gets the parent's tokens with that code.
                        JsonNode access = SchoolPortal.claims(portals.get(i).tokens(outcome.url()).path("access_token").asText());
                        assertThat(access.path("preferred_username").asText()).isEqualTo("esia-" + PARENT);
                        signedIn++;
                    } else {
                        refused.add("round " + round + ", device " + i + ": " + outcome);
                    }
                }
            }
            assertThat(refused).as("devices that did not get in").isEmpty();
            assertThat(signedIn).isEqualTo(DEVICES * ROUNDS);
            assertThat(admin.users(REALM, "esia-" + PARENT)).hasSize(1);
            JsonNode lockouts = admin.get("/admin/realms/" + REALM + "/events?type=IDENTITY_PROVIDER_LOGIN_ERROR&max=100");
            assertThat(lockouts).as("IDENTITY_PROVIDER_LOGIN_ERROR events")
                    .noneMatch(event -> "user_temporarily_disabled".equals(event.path("error").asText()));
        } finally {
            devices.shutdownNow();
        }
    }
}
