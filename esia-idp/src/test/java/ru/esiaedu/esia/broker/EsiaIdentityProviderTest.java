package ru.esiaedu.esia.broker;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.broker.provider.AuthenticationRequest;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.broker.provider.util.IdentityBrokerState;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

import jakarta.ws.rs.core.Response;

import static org.assertj.core.api.Assertions.assertThat;

/** The provider's Keycloak-facing steps with Keycloak faked: starting a login, and refreshing the user from ESIA. */
class EsiaIdentityProviderTest {

    private final Fakes.Session fake = new Fakes.Session();

    private EsiaIdentityProvider provider(Map<String, String> settings) {
        EsiaIdentityProviderConfig config = new EsiaIdentityProviderConfig();
        config.setAlias("esia");
        config.setClientId("SCHOOL01");
        config.getConfig().putAll(settings);
        return new EsiaIdentityProvider(fake.session, config);
    }

    @Test
    void aKeyTheVaultDoesNotHoldEndsOnTheConfigurationErrorPageAndBindsNoState() {
        Fakes.AuthSession login = new Fakes.AuthSession();
        EsiaIdentityProvider provider = provider(Map.of(EsiaIdentityProviderConfig.CLIENT_PRIVATE_KEY, "${vault.esia-client-key}",
                EsiaIdentityProviderConfig.CLIENT_CERTIFICATE, "${vault.esia-client-certificate}"));

        provider.performLogin(new AuthenticationRequest(fake.session, fake.realm, login.model, null, null,
                IdentityBrokerState.decoded("broker-state", "portal", "portal", "tab-1", null),
                "http://localhost/realms/school/broker/esia/endpoint"));

        assertThat(fake.errorPages).containsExactly(
                new Fakes.ErrorPage(Response.Status.INTERNAL_SERVER_ERROR, EsiaMessages.CLIENT_MISCONFIGURED));
        assertThat(fake.store.entries).as("no ESIA state for a request that was never sent").isEmpty();
        assertThat(login.notes).doesNotContainKey(EsiaStateBinding.NOTE_ESIA_STATE);
    }

    @Test
    void everyLoginRefreshesTheEsiaAttributesAndDropsWhatEsiaNoLongerSends() {
        Map<String, List<String>> stored = new HashMap<>(Map.of(
                EsiaUserAttributes.SNILS, List.of("000-000-000 00"),
                "passport", List.of("4510 123456, old"),
                "esiaChildren", List.of("{\"snils\":\"123-456-789 64\"}"),
                "schoolNote", List.of("kept: not an ESIA attribute")));
        Map<String, String> names = new HashMap<>();
        UserModel user = Fakes.lenient(UserModel.class, Map.of(
                "setAttribute", args -> stored.put((String) args[0], castList(args[1])),
                "removeAttribute", args -> stored.remove((String) args[0]),
                "setFirstName", args -> names.put("first", (String) args[0]),
                "setLastName", args -> names.put("last", (String) args[0])));
        IdentityProviderModel model = new IdentityProviderModel();
        model.setAlias("esia");
        model.setEnabled(true);
        BrokeredIdentityContext context = new BrokeredIdentityContext("1000300101", model);
        context.setFirstName("Диана");
        context.setLastName("Захарченко");
        context.setUserAttribute(EsiaUserAttributes.SNILS, "112-233-445 95");
        context.setUserAttribute(EsiaUserAttributes.ACCOUNT_TYPE, "CONFIRMED");

        provider(Map.of()).updateBrokeredUser(fake.session, fake.realm, user, context);

        assertThat(stored).containsEntry(EsiaUserAttributes.SNILS, List.of("112-233-445 95"))
                .containsEntry(EsiaUserAttributes.ACCOUNT_TYPE, List.of("CONFIRMED"))
                .doesNotContainKeys("passport", "esiaChildren")
                .containsEntry("schoolNote", List.of("kept: not an ESIA attribute"));
        assertThat(names).containsEntry("first", "Диана").containsEntry("last", "Захарченко");
    }

    @Test
    void theEsiaAccessTokenIsNotCopiedIntoTheUserSession() {
        Map<String, String> userSessionNotes = new HashMap<>();
        AuthenticationSessionModel authSession = Fakes.lenient(AuthenticationSessionModel.class, Map.of(
                "setUserSessionNote", args -> userSessionNotes.put((String) args[0], (String) args[1])));
        IdentityProviderModel model = new IdentityProviderModel();
        model.setAlias("esia");
        model.setEnabled(true);
        BrokeredIdentityContext context = new BrokeredIdentityContext("1000300101", model);
        context.getContextData().put(EsiaIdentityProvider.FEDERATED_ACCESS_TOKEN, "eyJesia.access.token");

        provider(Map.of()).authenticationFinished(authSession, context);

        assertThat(userSessionNotes).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static List<String> castList(Object values) {
        return List.copyOf((List<String>) values);
    }
}
