package ru.esiaedu.esia.broker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.keycloak.broker.provider.AuthenticationRequest;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.broker.provider.util.IdentityBrokerState;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.IdentityProviderSyncMode;
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
                "getAttributeStream", args -> stored.getOrDefault((String) args[0], List.of()).stream(),
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
    void aReturningLoginWithNothingNewFromEsiaWritesNothingToTheUser() {
        // Every write to a cached user drops it from Keycloak's user cache on every node and costs a delete and an
        // insert per attribute; a returning person whose ESIA data did not change must cost none of that.
        List<String> writes = new ArrayList<>();
        UserModel user = userWith(Map.of(
                EsiaUserAttributes.SNILS, List.of("112-233-445 95"),
                EsiaUserAttributes.ACCOUNT_TYPE, List.of("CONFIRMED"),
                "schoolNote", List.of("kept: not an ESIA attribute")), writes);

        forceSync().updateBrokeredUser(fake.session, fake.realm, user, returningDiana());

        assertThat(writes).isEmpty();
    }

    @Test
    void aReturningLoginWritesOnlyWhatEsiaChangedAndRemovesOnlyWhatTheUserStillHas() {
        List<String> writes = new ArrayList<>();
        UserModel user = userWith(Map.of(
                EsiaUserAttributes.SNILS, List.of("112-233-445 95"),
                EsiaUserAttributes.ACCOUNT_TYPE, List.of("SIMPLIFIED"),
                EsiaUserAttributes.MOBILE, List.of("+7(900)0000000"),
                "passport", List.of("4510 123456, old")), writes);

        forceSync().updateBrokeredUser(fake.session, fake.realm, user, returningDiana());

        assertThat(writes).containsExactlyInAnyOrder("set esiaAccountType=[CONFIRMED]", "remove mobile", "remove passport");
    }

    @Test
    void aChangedEmailOrNameIsStillWritten() {
        List<String> writes = new ArrayList<>();
        UserModel user = userWith(Map.of(
                EsiaUserAttributes.SNILS, List.of("112-233-445 95"),
                EsiaUserAttributes.ACCOUNT_TYPE, List.of("CONFIRMED")), writes, "Диана", "Иванова", "old@example.ru");

        forceSync().updateBrokeredUser(fake.session, fake.realm, user, returningDiana());

        assertThat(writes).contains("lastName=Захарченко", "email=diana@example.ru");
        assertThat(writes).doesNotContain("firstName=Диана");
    }

    /** The demo realm's setting: ESIA is the source of truth at every login. */
    private EsiaIdentityProvider forceSync() {
        return provider(Map.of("syncMode", IdentityProviderSyncMode.FORCE.name()));
    }

    private static BrokeredIdentityContext returningDiana() {
        IdentityProviderModel model = new IdentityProviderModel();
        model.setAlias("esia");
        model.setEnabled(true);
        model.setTrustEmail(true);
        model.setSyncMode(IdentityProviderSyncMode.FORCE);
        BrokeredIdentityContext context = new BrokeredIdentityContext("1000300101", model);
        context.setFirstName("Диана");
        context.setLastName("Захарченко");
        context.setEmail("diana@example.ru");
        context.setUserAttribute(EsiaUserAttributes.SNILS, "112-233-445 95");
        context.setUserAttribute(EsiaUserAttributes.ACCOUNT_TYPE, "CONFIRMED");
        context.setAuthenticationSession(Fakes.lenient(AuthenticationSessionModel.class, Map.of()));
        return context;
    }

    private static UserModel userWith(Map<String, List<String>> attributes, List<String> writes) {
        return userWith(attributes, writes, "Диана", "Захарченко", "diana@example.ru");
    }

    /** A user who answers what it holds and records every write as text. */
    private static UserModel userWith(Map<String, List<String>> attributes, List<String> writes,
                                      String firstName, String lastName, String email) {
        Map<String, List<String>> stored = new HashMap<>(attributes);
        Map<String, Function<Object[], Object>> answers = new HashMap<>();
        answers.put("getFirstName", args -> firstName);
        answers.put("getLastName", args -> lastName);
        answers.put("getEmail", args -> email);
        answers.put("isEmailVerified", args -> true);
        answers.put("getAttributeStream", args -> stored.getOrDefault((String) args[0], List.of()).stream());
        answers.put("getAttributes", args -> new HashMap<>(stored));
        answers.put("setAttribute", args -> writes.add("set " + args[0] + "=" + args[1]));
        answers.put("setSingleAttribute", args -> writes.add("set " + args[0] + "=[" + args[1] + "]"));
        answers.put("removeAttribute", args -> writes.add("remove " + args[0]));
        answers.put("setFirstName", args -> writes.add("firstName=" + args[0]));
        answers.put("setLastName", args -> writes.add("lastName=" + args[0]));
        answers.put("setEmail", args -> writes.add("email=" + args[0]));
        answers.put("setEmailVerified", args -> writes.add("emailVerified=" + args[0]));
        return Fakes.lenient(UserModel.class, answers);
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
