package ru.esiaedu.linker.testing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.email.EmailSenderProvider;
import org.keycloak.events.Event;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.http.HttpRequest;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.FederatedIdentityModel;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SingleUseObjectProvider;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserProvider;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.sessions.RootAuthenticationSessionModel;

import ru.esiaedu.esia.person.BrokeredEsiaPerson;
import ru.esiaedu.esia.person.EsiaPersonDocument;
import ru.esiaedu.login.LoginNotes;
import ru.esiaedu.login.step.ThisLogin;
import ru.esiaedu.registry.SchoolRegistryProvider;

/**
 * Small fakes of the Keycloak interfaces a linker step touches, after esia-idp's broker test fakes: each proxy answers
 * only the methods given to it, any other call fails the test. There is no JAX-RS runtime on the test classpath, so
 * pages are recorded ({@link #pages}) and answered with null instead of a {@code Response}.
 */
public final class StepFakes {

    /** A page the step rendered: template (or {@code error-page}), its status for error pages, what it was given. */
    public record Page(String template, Response.Status status, Map<String, Object> attributes, String error,
                       List<Object> errorParameters, List<FormMessage> fieldErrors, String info) {
    }

    public final Map<String, String> authNotes = new HashMap<>();
    public final Map<String, String> clientNotes = new HashMap<>();
    public final Map<String, String> userSessionNotes = new HashMap<>();
    public final Map<String, Object> sessionAttributes = new HashMap<>();
    public final Map<String, Map<String, String>> singleUse = new HashMap<>();
    public final MultivaluedHashMap<String, String> form = new MultivaluedHashMap<>();
    public final Map<String, String> config = new HashMap<>();
    public final Map<String, List<String>> userAttributes = new HashMap<>();
    /** Every write to the user's attributes, in order: "set name" or "remove name". */
    public final List<String> userAttributeWrites = new ArrayList<>();
    public final List<Page> pages = new ArrayList<>();
    public final List<Event> events = new ArrayList<>();
    public final List<String> mails = new ArrayList<>();
    /** What the step decided last: success, challenge, failureChallenge:ERROR, forceChallenge. */
    public final List<String> outcomes = new ArrayList<>();
    /** The registry Keycloak hands out; null: none configured. */
    public SchoolRegistryProvider registry;
    /** The ESIA oid of the Keycloak user's federated identity; null: no user or no link. */
    public String federatedOid;
    public FormMessage forwardedError;
    public boolean emailVerified = true;

    public final RealmModel realm = of(RealmModel.class, Map.of(
            "getName", args -> "school",
            "getId", args -> "realm-id",
            "getDisplayName", args -> "Школьный портал",
            "getSmtpConfig", args -> Map.of(),
            "isBruteForceProtected", args -> false,
            "isEventsEnabled", args -> false,
            "getEnabledEventTypesStream", args -> Stream.empty(),
            "getEventsListenersStream", args -> Stream.of("recorder"),
            "isRememberMe", args -> false));
    public final AuthenticationSessionModel authSession;
    public final KeycloakSession session;
    public final UserModel user;
    public final AuthenticationFlowContext context;
    private final EventBuilder event;
    private final LoginFormsProvider forms;

    public StepFakes() {
        RootAuthenticationSessionModel root = of(RootAuthenticationSessionModel.class, Map.of("getId", args -> "root-1"));
        authSession = of(AuthenticationSessionModel.class, Map.ofEntries(
                Map.entry("getParentSession", args -> root),
                Map.entry("getTabId", args -> "tab-1"),
                Map.entry("getRealm", args -> realm),
                Map.entry("setAuthNote", args -> authNotes.put((String) args[0], (String) args[1])),
                Map.entry("getAuthNote", args -> authNotes.get((String) args[0])),
                Map.entry("removeAuthNote", args -> authNotes.remove((String) args[0])),
                Map.entry("setClientNote", args -> clientNotes.put((String) args[0], (String) args[1])),
                Map.entry("getClientNote", args -> clientNotes.get((String) args[0])),
                Map.entry("removeClientNote", args -> clientNotes.remove((String) args[0])),
                Map.entry("setUserSessionNote", args -> userSessionNotes.put((String) args[0], (String) args[1])),
                Map.entry("getUserSessionNotes", args -> new HashMap<>(userSessionNotes))));
        user = of(UserModel.class, Map.of(
                "getId", args -> "user-1",
                "isEmailVerified", args -> emailVerified,
                "getEmail", args -> "maria@example.ru",
                "getLastName", args -> "Иванова",
                "getFirstName", args -> "Мария",
                "getAttributeStream", args -> userAttributes.getOrDefault((String) args[0], List.of()).stream(),
                "setAttribute", args -> {
                    userAttributeWrites.add("set " + args[0]);
                    return userAttributes.put((String) args[0], List.copyOf(castList(args[1])));
                },
                "removeAttribute", args -> {
                    userAttributeWrites.add("remove " + args[0]);
                    return userAttributes.remove((String) args[0]);
                }));

        EventListenerProvider recorder = of(EventListenerProvider.class, Map.of("onEvent", args -> {
            if (args.length == 1) {
                events.add((Event) args[0]);
            }
            return null;
        }));
        EventListenerProviderFactory recorderFactory = of(EventListenerProviderFactory.class, Map.of(
                "getId", args -> "recorder", "isGlobal", args -> false));
        // Errors are sent "immediately", as Keycloak does: from a session of their own, in a transaction.
        KeycloakContext eventContext = lenient(KeycloakContext.class, Map.of());
        org.keycloak.models.RealmProvider realms = lenient(org.keycloak.models.RealmProvider.class,
                Map.of("getRealm", args -> realm));
        KeycloakSessionFactory[] factoryHolder = new KeycloakSessionFactory[1];
        KeycloakSession eventSession = lenient(KeycloakSession.class, Map.of(
                "getContext", args -> eventContext,
                "realms", args -> realms,
                "getKeycloakSessionFactory", args -> factoryHolder[0],
                "getProvider", args -> args[0] == EventListenerProvider.class ? recorder : null,
                "getTransactionManager", args -> lenient(org.keycloak.models.KeycloakTransactionManager.class, Map.of())));
        KeycloakSessionFactory factory = of(KeycloakSessionFactory.class, Map.of(
                "getProviderFactoriesStream", args -> Stream.of(recorderFactory),
                "create", args -> eventSession));
        factoryHolder[0] = factory;
        KeycloakContext keycloakContext = lenient(KeycloakContext.class, Map.of(
                "getRealm", args -> realm, "getAuthenticationSession", args -> authSession));
        SingleUseObjectProvider store = of(SingleUseObjectProvider.class, Map.of(
                "putIfAbsent", args -> singleUse.putIfAbsent((String) args[0], Map.of()) == null,
                "put", args -> singleUse.put((String) args[0], new HashMap<>(castMap(args[2]))),
                "get", args -> singleUse.get((String) args[0]),
                "remove", args -> singleUse.remove((String) args[0])));
        UserProvider users = of(UserProvider.class, Map.of("getFederatedIdentity", args ->
                federatedOid == null || !LoginNotes.ESIA_ALIAS.equals(args[2]) ? null
                        : new FederatedIdentityModel(LoginNotes.ESIA_ALIAS, federatedOid, "esia-user")));
        EmailSenderProvider mail = of(EmailSenderProvider.class, Map.of("send", args -> {
            mails.add((String) args[1]);
            return null;
        }));
        Map<String, Function<Object[], Object>> answers = new HashMap<>();
        answers.put("getContext", args -> keycloakContext);
        answers.put("getKeycloakSessionFactory", args -> factory);
        answers.put("singleUseObjects", args -> store);
        answers.put("users", args -> users);
        answers.put("getAttribute", args -> ((Class<?>) args[1]).cast(sessionAttributes.get((String) args[0])));
        answers.put("setAttribute", args -> sessionAttributes.put((String) args[0], args[1]));
        answers.put("getProvider", args -> {
            if (args[0] == EventListenerProvider.class) {
                return recorder;
            }
            if (args[0] == SchoolRegistryProvider.class) {
                return registry;
            }
            if (args[0] == EmailSenderProvider.class) {
                return mail;
            }
            if (((Class<?>) args[0]).getName().equals("org.keycloak.tracing.TracingProvider")) {
                return lenient((Class<?>) args[0], Map.of("getCurrentSpan", none -> io.opentelemetry.api.trace.Span.getInvalid()));
            }
            throw new AssertionError("unexpected provider " + args[0]);
        });
        session = of(KeycloakSession.class, answers);
        // The flow's event, typed as Keycloak's first-broker-login flow types it.
        event = new EventBuilder(realm, session).event(org.keycloak.events.EventType.IDENTITY_PROVIDER_FIRST_LOGIN);
        forms = loginForms();
        HttpRequest request = of(HttpRequest.class, Map.of("getDecodedFormParameters", args -> form));
        AuthenticatorConfigModel configModel = new AuthenticatorConfigModel();
        configModel.setConfig(config);

        Map<String, Function<Object[], Object>> flow = new HashMap<>();
        flow.put("getAuthenticationSession", args -> authSession);
        flow.put("getSession", args -> session);
        flow.put("getRealm", args -> realm);
        flow.put("getUser", args -> federatedOid == null ? null : user);
        flow.put("getEvent", args -> event);
        flow.put("form", args -> forms);
        flow.put("getHttpRequest", args -> request);
        flow.put("getAuthenticatorConfig", args -> configModel);
        flow.put("getForwardedErrorMessage", args -> forwardedError);
        flow.put("success", args -> outcomes.add("success") ? null : null);
        flow.put("challenge", args -> outcomes.add("challenge") ? null : null);
        flow.put("forceChallenge", args -> outcomes.add("forceChallenge") ? null : null);
        flow.put("failureChallenge", args -> outcomes.add("failureChallenge:" + (AuthenticationFlowError) args[0]) ? null : null);
        context = of(AuthenticationFlowContext.class, flow);
    }

    /** The brokered identity ESIA sent for {@code person} (its person document in the context data). */
    public static BrokeredIdentityContext broker(BrokeredEsiaPerson person) {
        IdentityProviderModel idp = new IdentityProviderModel();
        idp.setAlias(LoginNotes.ESIA_ALIAS);
        idp.setEnabled(true);
        BrokeredIdentityContext broker = new BrokeredIdentityContext(person == null ? "no-person" : person.oid(), idp);
        if (person != null) {
            broker.getContextData().put(EsiaPersonDocument.CONTEXT_KEY, document(person));
        }
        return broker;
    }

    /**
     * This login as Keycloak would have it after the broker: the step reads it through {@link ThisLogin#of}, which
     * finds it in the Keycloak session (deserialising Keycloak's own brokered context needs the identity provider
     * machinery and is covered end to end).
     */
    public StepFakes login(BrokeredEsiaPerson person) {
        ThisLogin.of(context, broker(person));
        return this;
    }

    /** The person document as the ESIA provider writes it (the fields the login steps read). */
    static String document(BrokeredEsiaPerson p) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("oid", p.oid());
        json.put("lastName", p.lastName());
        json.put("firstName", p.firstName());
        json.put("middleName", p.middleName());
        json.put("birthDate", p.birthDate() == null ? null : p.birthDate().toString());
        json.put("snils", p.snils());
        json.put("trusted", p.trusted());
        json.put("accountType", p.accountType().name());
        json.put("email", p.verifiedEmail());
        json.put("mobile", p.verifiedMobile());
        List<Map<String, String>> children = new ArrayList<>();
        for (String name : p.childNames()) {
            String[] parts = name.split(" ");
            children.add(Map.of("lastName", parts[0], "firstName", parts[1], "middleName", parts.length > 2 ? parts[2] : ""));
        }
        json.put("children", children);
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The last page the step rendered. */
    public Page lastPage() {
        if (pages.isEmpty()) {
            throw new AssertionError("no page rendered; outcomes " + outcomes);
        }
        return pages.get(pages.size() - 1);
    }

    public String lastOutcome() {
        return outcomes.isEmpty() ? null : outcomes.get(outcomes.size() - 1);
    }

    /** Errors of the events sent (the flow's own event is not sent by a step). */
    public List<String> eventErrors() {
        return events.stream().map(Event::getError).toList();
    }

    /** A detail of the flow's own event (what Keycloak sends when the flow ends). */
    public String flowEventDetail(String name) {
        Map<String, String> details = event.getEvent().getDetails();
        return details == null ? null : details.get(name);
    }

    private LoginFormsProvider loginForms() {
        Map<String, Object> attributes = new HashMap<>();
        Object[] error = new Object[2];
        Object[] info = new Object[1];
        List<FormMessage> fieldErrors = new ArrayList<>();
        LoginFormsProvider[] self = new LoginFormsProvider[1];
        Map<String, Function<Object[], Object>> answers = new HashMap<>();
        answers.put("setAttribute", args -> {
            attributes.put((String) args[0], args[1]);
            return self[0];
        });
        answers.put("setError", args -> {
            error[0] = args[0];
            error[1] = args.length > 1 && args[1] != null ? Arrays.asList((Object[]) args[1]) : List.of();
            return self[0];
        });
        answers.put("addError", args -> {
            fieldErrors.add((FormMessage) args[0]);
            return self[0];
        });
        answers.put("setInfo", args -> {
            info[0] = args[0];
            return self[0];
        });
        answers.put("createForm", args -> record((String) args[0], null, attributes, error, fieldErrors, info));
        answers.put("createErrorPage", args -> record("error-page", (Response.Status) args[0], attributes, error,
                fieldErrors, info));
        self[0] = of(LoginFormsProvider.class, answers);
        return self[0];
    }

    @SuppressWarnings("unchecked")
    private Object record(String template, Response.Status status, Map<String, Object> attributes, Object[] error,
                          List<FormMessage> fieldErrors, Object[] info) {
        pages.add(new Page(template, status, new HashMap<>(attributes), (String) error[0],
                error[1] == null ? List.of() : (List<Object>) error[1], List.copyOf(fieldErrors), (String) info[0]));
        return null;    // no JAX-RS runtime here: the page is recorded instead of built
    }

    @SuppressWarnings("unchecked")
    private static List<String> castList(Object value) {
        return (List<String>) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> castMap(Object value) {
        return (Map<String, String>) value;
    }

    /** A proxy of {@code type} answering the named methods; anything else fails the test. */
    @SuppressWarnings("unchecked")
    public static <T> T of(Class<T> type, Map<String, Function<Object[], Object>> answers) {
        InvocationHandler handler = (proxy, method, args) -> {
            Function<Object[], Object> answer = answers.get(method.getName());
            if (answer != null) {
                return answer.apply(args == null ? new Object[0] : args);
            }
            if (method.getName().equals("toString")) {
                return "fake " + type.getSimpleName();
            }
            if (method.getName().equals("hashCode")) {
                return System.identityHashCode(proxy);
            }
            if (method.getName().equals("equals")) {
                return proxy == args[0];
            }
            if (method.isDefault()) {
                try {
                    return InvocationHandler.invokeDefault(proxy, method, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }
            throw new AssertionError("unexpected call " + type.getSimpleName() + "." + method.getName());
        };
        return (T) Proxy.newProxyInstance(StepFakes.class.getClassLoader(), new Class<?>[] {type}, handler);
    }

    /** A proxy answering the named methods and the type's default (null, false, 0) for any other. */
    @SuppressWarnings("unchecked")
    static <T> T lenient(Class<T> type, Map<String, Function<Object[], Object>> answers) {
        InvocationHandler handler = (proxy, method, args) -> {
            Function<Object[], Object> answer = answers.get(method.getName());
            if (answer != null) {
                return answer.apply(args == null ? new Object[0] : args);
            }
            Class<?> returns = method.getReturnType();
            if (returns == boolean.class) {
                return false;
            }
            if (returns.isPrimitive() && returns != void.class) {
                return returns == long.class ? 0L : returns == int.class ? 0 : null;
            }
            return null;
        };
        return (T) Proxy.newProxyInstance(StepFakes.class.getClassLoader(), new Class<?>[] {type}, handler);
    }
}
