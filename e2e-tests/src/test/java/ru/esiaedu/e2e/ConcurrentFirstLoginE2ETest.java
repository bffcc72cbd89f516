package ru.esiaedu.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.FluentWait;

import com.fasterxml.jackson.databind.JsonNode;

import ru.esiaedu.e2e.support.AdminApi;
import ru.esiaedu.e2e.support.Browser;
import ru.esiaedu.e2e.support.EsiaPages;
import ru.esiaedu.e2e.support.KeycloakTestServer;
import ru.esiaedu.e2e.support.RealmFixture;
import ru.esiaedu.e2e.support.RegistrySql;
import ru.esiaedu.e2e.support.SchoolPortal;
import ru.esiaedu.e2e.support.SharedEmulator;
import ru.esiaedu.emulator.EsiaEmulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A pupil opens the portal on a phone and a laptop and signs in with Gosuslugi on both at the same
 * moment, for the first time: one Keycloak user, one ESIA link, one registry link, and no stack trace on either.
 */
class ConcurrentFirstLoginE2ETest {

    private static final String REALM = "school";
    private static final String TEEN = "1000300104";
    private static final String TEEN_ACCOUNT = "acc-dzhalilov-sch1";

    private static KeycloakTestServer keycloak;
    private static EsiaEmulator emulator;
    private static AdminApi admin;

    @BeforeAll
    static void realm() {
        keycloak = KeycloakTestServer.get();
        emulator = SharedEmulator.get();
        admin = keycloak.admin();
        RealmFixture.importInto(keycloak, emulator.baseUrl());
        // the teen gets in only with a parent's consent (ConsentE2ETest is about that)
        emulator.consents().grant("SCHOOL01", TEEN, "1000300101");
    }

    @Test
    void twoFirstLoginsOfOnePersonAtOnceEndWithOneUser() throws Exception {
        List<Browser> browsers = List.of(Browser.phone(), Browser.desktop());
        try {
            List<SchoolPortal> portals = new ArrayList<>();
            for (Browser browser : browsers) {
                SchoolPortal portal = new SchoolPortal(keycloak.baseUrl(), REALM);
                portals.add(portal);
                browser.open(portal.loginUrl(UUID.randomUUID().toString()) + "&role=student");
                browser.waitFor(By.cssSelector("button[name='quick'][value='" + TEEN + "']"));
            }
            // Both are on the Gosuslugi login page: sign in on both at once.
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<String>> results = new ArrayList<>();
            for (int i = 0; i < browsers.size(); i++) {
                Browser browser = browsers.get(i);
                SchoolPortal portal = portals.get(i);
                results.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                        EsiaPages pages = new EsiaPages(browser, emulator.baseUrl());
                        pages.signInAs(TEEN).grantIfAsked();
                        String seen = pages.waitForAnyText("Вход уже выполняется", "issuer");
                        if (seen.contains("Вход уже выполняется")) {
                            // The other device is creating the account: once it exists, «Повторить» finds it.
                            awaitTheUserWithItsEsiaLink();
                            pages.press("esia-retry");
                            pages.grantIfAsked();
                        }
                        try {
                            return pages.waitForUrl(portal::isRedirectBack);
                        } catch (RuntimeException notBack) {
                            return "page: " + pages.bodyText();
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return "interrupted";
                    }
                }));
            }
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (CompletableFuture<String> result : results) {
                outcomes.add(result.get(90, TimeUnit.SECONDS));
            }

            JsonNode users = admin.get("/admin/realms/" + REALM + "/users?exact=true&username=esia-" + TEEN);
            assertThat(users).as("users after %s", outcomes).hasSize(1);
            assertThat(admin.federatedIdentities(REALM, users.get(0).path("id").asText())).hasSize(1);
            // One registry link: the pupil's account, linked once, no other account taken by the race.
            assertThat(new RegistrySql(keycloak).linkedAccounts(TEEN)).containsExactly(TEEN_ACCOUNT);
            assertThat(outcomes).as("both devices end signed in").allMatch(outcome -> outcome.contains("code="));
        } finally {
            browsers.forEach(Browser::close);
        }
    }

    /** Until the other device's first login has created the Keycloak user and linked it to ESIA. */
    private static void awaitTheUserWithItsEsiaLink() {
        new FluentWait<>(admin).withTimeout(Duration.ofSeconds(60)).pollingEvery(Duration.ofMillis(200))
                .withMessage("the other device's first login never created esia-" + TEEN)
                .until(api -> {
                    JsonNode users = api.get("/admin/realms/" + REALM + "/users?exact=true&username=esia-" + TEEN);
                    return users.size() == 1 && api.federatedIdentities(REALM, users.get(0).path("id").asText()).size() == 1;
                });
    }
}
