package ru.esiaedu.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ru.esiaedu.e2e.support.LocalSigningService;
import ru.esiaedu.e2e.support.LocalSigningService.Behaviour;
import ru.esiaedu.e2e.support.SchoolPortal;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client key kept in a signing service (certified crypto outside Keycloak), as regions run it: the provider's
 * {@code SIGNING_SERVICE} method against a real HTTP service on loopback. A login goes through when it signs; when it
 * is down, slow or answers 503 the person is told to try again in a few minutes (an outage, not a setting to fix);
 * when it answers a signature that does not verify with the configured certificate, the page says the connection to
 * ESIA is misconfigured. Nothing is created by a failed login.
 */
class SigningServiceE2ETest extends SchoolRealmBrowserTest {

    private static final String PARENT = "1000300101";
    private static final String TRY_AGAIN = "Попробуйте войти через несколько минут";
    private static final String MISCONFIGURED = "ошибки настройки подключения к ЕСИА";

    private static LocalSigningService signingService;

    @BeforeAll
    static void theProviderSignsThroughTheService() {
        signingService = LocalSigningService.start();
        JsonNode provider = admin.identityProvider(REALM, "esia");
        ObjectNode changed = provider.deepCopy();
        ((ObjectNode) changed.path("config"))
                .put("signingMethod", "SIGNING_SERVICE")
                .put("signingServiceUrl", signingService.url())
                .put("readTimeoutMs", String.valueOf((LocalSigningService.SLOW_SECONDS - 5) * 1000));
        admin.updateIdentityProvider(REALM, "esia", changed);
    }

    @AfterAll
    static void stopTheService() {
        if (signingService != null) {
            signingService.close();
        }
    }

    @Test
    void aLoginSignedByTheServiceGoesThrough() throws Exception {
        signingService.behave(Behaviour.SIGNS);
        int before = signingService.requests();
        BROWSER.get().open(portal.loginUrl(UUID.randomUUID().toString()));
        pages.chooseRole("parent").signInAs(PARENT).grantIfAsked();

        JsonNode claims = SchoolPortal.claims(portal.tokens(pages.waitForUrl(portal::isRedirectBack)).path("access_token").asText());
        assertThat(claims.path("preferred_username").asText()).isEqualTo("esia-" + PARENT);
        assertThat(signingService.requests() - before).as("the authorization request and the token request were signed")
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void aServiceThatAnswers503OrTooSlowlyMeansTryAgainLaterAndAWrongSignatureMeansMisconfigured() {
        List<String> problems = new ArrayList<>();
        for (Behaviour behaviour : List.of(Behaviour.ANSWERS_503, Behaviour.SLOW, Behaviour.WRONG_SIGNATURE)) {
            signingService.behave(behaviour);
            BROWSER.get().deleteAllCookies();
            BROWSER.get().open(portal.loginUrl(UUID.randomUUID().toString()));
            BROWSER.get().waitFor(org.openqa.selenium.By.id("esia-role-parent")).click();
            String expected = behaviour == Behaviour.WRONG_SIGNATURE ? MISCONFIGURED : TRY_AGAIN;
            String page = pages.waitForAnyText(TRY_AGAIN, MISCONFIGURED);
            if (!page.contains(expected) || page.contains("Exception")) {
                problems.add(behaviour + " showed: " + page);
            }
        }
        signingService.behave(Behaviour.SIGNS);
        assertThat(problems).isEmpty();
    }

    /** The service goes down while the person is at Госуслуги: the token request cannot be signed. */
    @Test
    void aServiceThatFailsWhileThePersonIsAtGosuslugiEndsOnTryAgainLaterWithAnEvent() {
        signingService.behave(Behaviour.SIGNS);
        long since = System.currentTimeMillis();
        BROWSER.get().open(portal.loginUrl(UUID.randomUUID().toString()));
        pages.chooseRole("parent");
        signingService.behave(Behaviour.ANSWERS_503);
        try {
            pages.signInAs(PARENT).grantIfAsked();
            assertThat(pages.waitForAnyText(TRY_AGAIN, MISCONFIGURED)).contains(TRY_AGAIN).doesNotContain(MISCONFIGURED);
        } finally {
            signingService.behave(Behaviour.SIGNS);
        }
        List<String> reasons = new ArrayList<>();
        for (JsonNode event : admin.get("/admin/realms/" + REALM + "/events?max=100")) {
            if (event.path("time").asLong() >= since && "identity_provider_login_failure".equals(event.path("error").asText())) {
                reasons.add(event.path("details").path("reason").asText());
            }
        }
        assertThat(reasons).anySatisfy(reason -> assertThat(reason).containsIgnoringCase("signing service").contains("HTTP 503"));
    }
}
