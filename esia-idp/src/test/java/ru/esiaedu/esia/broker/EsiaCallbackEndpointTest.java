package ru.esiaedu.esia.broker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;
import org.keycloak.broker.provider.UserAuthenticationIdentityProvider.AuthenticationCallback;
import org.keycloak.events.Errors;
import org.keycloak.events.Event;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.sessions.AuthenticationSessionModel;

import static org.assertj.core.api.Assertions.assertThat;

/** ESIA's redirect back, with Keycloak faked: which answers reach Keycloak's login and which end on our pages. */
class EsiaCallbackEndpointTest {

    private final Fakes.Session fake = new Fakes.Session();
    private final Fakes.AuthSession browserA = new Fakes.AuthSession();
    private final EsiaIdentityProvider provider;
    /** What our endpoint asked of Keycloak's broker: "verify:<broker state>", "error:<message>", "authenticated". */
    private final List<String> asked = new ArrayList<>();

    EsiaCallbackEndpointTest() {
        EsiaIdentityProviderConfig config = new EsiaIdentityProviderConfig();
        config.setAlias("esia");
        config.setClientId("SCHOOL01");
        provider = new EsiaIdentityProvider(fake.session, config);
    }

    @Test
    void anUnknownStateEndsOnTheRussianSessionExpiredPageWithoutAskingKeycloaksLogin() {
        endpoint(callbackReturning(browserA.model)).authResponse("4f3c1c1e-7b1c-4a8e-9d57-3f1d2b0c9e11", "code-1", null, null);

        assertThat(fake.errorPages).containsExactly(new Fakes.ErrorPage(Response.Status.BAD_REQUEST, EsiaMessages.SESSION_EXPIRED));
        assertThat(asked).isEmpty();
        assertThat(loginErrors()).singleElement().satisfies(event -> {
            assertThat(event.getError()).isEqualTo(Errors.IDENTITY_PROVIDER_LOGIN_FAILURE);
            assertThat(event.getDetails()).containsEntry("identity_provider", "esia")
                    .containsEntry("reason", "ESIA answered with an unknown, expired or already used state");
        });
    }

    @Test
    void aStateReplayedInAnotherBrowserIsRefusedBeforeTheCodeIsExchanged() {
        String state = EsiaStateBinding.bind(fake.session, browserA.model, "broker-state-A", 1800);
        Fakes.AuthSession browserB = new Fakes.AuthSession();   // Keycloak found browser B's own login

        endpoint(callbackReturning(browserB.model)).authResponse(state, "code-of-A", null, null);

        assertThat(fake.errorPages).containsExactly(new Fakes.ErrorPage(Response.Status.BAD_REQUEST, EsiaMessages.SESSION_EXPIRED));
        assertThat(asked).as("no token request, no login: only the state was looked up").containsExactly("verify:broker-state-A");
        assertThat(loginErrors()).singleElement().satisfies(event ->
                assertThat(event.getDetails()).containsEntry("reason", "ESIA state does not belong to this browser's login"));
        // and the state is spent: browser A's own answer cannot follow
        assertThat(EsiaStateBinding.consume(fake.session, state)).isEmpty();
    }

    @Test
    void cancellingAtEsiaGoesBackToTheLoginFromItsFirstStepWithTheRussianMessage() {
        String state = EsiaStateBinding.bind(fake.session, browserA.model, "broker-state-A", 1800);

        endpoint(callbackReturning(browserA.model)).authResponse(state, null, "access_denied",
                "ESIA-007004: Пользователь отказался от предоставления доступа");

        assertThat(fake.errorPages).isEmpty();
        assertThat(asked).containsExactly("verify:broker-state-A", "error:" + EsiaMessages.CANCELLED);
        assertThat(browserA.executionStatusCleared).as("the role picker is asked again").isTrue();
        assertThat(loginErrors()).singleElement().satisfies(event -> {
            assertThat(event.getError()).isEqualTo(Errors.REJECTED_BY_USER);
            assertThat(event.getDetails().get("reason")).isEqualTo("cancelled at ESIA ESIA-007004");
        });
    }

    @Test
    void anAnswerWithNeitherCodeNorErrorIsABadResponse() {
        String state = EsiaStateBinding.bind(fake.session, browserA.model, "broker-state-A", 1800);

        endpoint(callbackReturning(browserA.model)).authResponse(state, " ", null, null);

        assertThat(fake.errorPages).containsExactly(new Fakes.ErrorPage(Response.Status.BAD_REQUEST, EsiaMessages.BAD_RESPONSE));
        assertThat(asked).containsExactly("verify:broker-state-A");
    }

    @Test
    void aCodeForAProviderWhoseKeyIsMissingEndsOnTheConfigurationErrorAndNoLogin() {
        String state = EsiaStateBinding.bind(fake.session, browserA.model, "broker-state-A", 1800);
        browserA.notes.put(EsiaStateBinding.NOTE_REDIRECT_URI, "http://localhost/realms/school/broker/esia/endpoint");
        browserA.notes.put(EsiaStateBinding.NOTE_SCOPE, "openid");
        provider.getConfig().getConfig().put(EsiaIdentityProviderConfig.CLIENT_PRIVATE_KEY, "${vault.esia-client-key}");

        endpoint(callbackReturning(browserA.model)).authResponse(state, "code-1", null, null);

        assertThat(asked).containsExactly("verify:broker-state-A", "error:" + EsiaMessages.CLIENT_MISCONFIGURED);
    }

    private EsiaCallbackEndpoint endpoint(AuthenticationCallback callback) {
        return new EsiaCallbackEndpoint(provider, fake.session, fake.realm, callback, new EventBuilder(fake.realm, fake.session).storeImmediately(false));
    }

    private AuthenticationCallback callbackReturning(AuthenticationSessionModel found) {
        return callback(Map.of("getAndVerifyAuthenticationSession", args -> found));
    }

    /** Records what was asked; verifying a broker state answers as given. */
    private AuthenticationCallback callback(Map<String, Function<Object[], Object>> answers) {
        Map<String, Function<Object[], Object>> recorded = new HashMap<>();
        Function<Object[], Object> verify = answers.get("getAndVerifyAuthenticationSession");
        recorded.put("getAndVerifyAuthenticationSession", args -> {
            asked.add("verify:" + args[0]);
            return verify.apply(args);
        });
        recorded.put("error", args -> {
            assertThat(((IdentityProviderModel) args[0]).getAlias()).isEqualTo("esia");
            asked.add("error:" + args[1]);
            return null;   // no JAX-RS runtime in unit tests; what was asked is recorded
        });
        recorded.put("authenticated", args -> {
            asked.add("authenticated");
            return null;
        });
        return Fakes.of(AuthenticationCallback.class, recorded);
    }

    private List<Event> loginErrors() {
        return fake.events.stream().filter(event -> event.getType() == EventType.IDENTITY_PROVIDER_LOGIN_ERROR).toList();
    }
}
