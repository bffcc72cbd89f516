package ru.esiaedu.esia.broker;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import jakarta.ws.rs.core.Response;

import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SingleUseObjectProvider;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.vault.VaultStringSecret;
import org.keycloak.vault.VaultTranscriber;

/**
 * Small fakes of the Keycloak interfaces the broker classes touch. Each answers only the methods a test gives it
 * (by name); any other call fails the test, so a fake never hides a call the code was not expected to make.
 */
final class Fakes {

    private Fakes() {
    }

    /** A proxy of {@code type} answering the named methods; anything else throws. */
    @SuppressWarnings("unchecked")
    static <T> T of(Class<T> type, Map<String, Function<Object[], Object>> answers) {
        InvocationHandler handler = (proxy, method, args) -> {
            Function<Object[], Object> answer = answers.get(method.getName());
            if (answer != null) {
                return answer.apply(args == null ? new Object[0] : args);
            }
            if (method.getName().equals("toString")) {
                return "fake " + type.getSimpleName();
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
        return (T) Proxy.newProxyInstance(Fakes.class.getClassLoader(), new Class<?>[] {type}, handler);
    }

    /** A proxy answering the named methods and giving the type's default (null, false, 0) for any other. */
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
        return (T) Proxy.newProxyInstance(Fakes.class.getClassLoader(), new Class<?>[] {type}, handler);
    }

    /** Keycloak's single-use store: put and remove, as the cluster-wide store behaves on one node. */
    static final class SingleUseStore {
        final Map<String, Map<String, String>> entries = new HashMap<>();
        final Map<String, Long> lifespans = new HashMap<>();
        final SingleUseObjectProvider provider = of(SingleUseObjectProvider.class, Map.of(
                "put", args -> {
                    entries.put((String) args[0], castNotes(args[2]));
                    lifespans.put((String) args[0], (Long) args[1]);
                    return null;
                },
                "remove", args -> entries.remove((String) args[0])));

        @SuppressWarnings("unchecked")
        private static Map<String, String> castNotes(Object notes) {
            return new HashMap<>((Map<String, String>) notes);
        }
    }

    /** An authentication session: auth notes, and whether the flow's execution status was cleared. */
    static final class AuthSession {
        final Map<String, String> notes = new HashMap<>();
        boolean executionStatusCleared;
        final AuthenticationSessionModel model = of(AuthenticationSessionModel.class, Map.of(
                "setAuthNote", args -> notes.put((String) args[0], (String) args[1]),
                "getAuthNote", args -> notes.get((String) args[0]),
                "removeAuthNote", args -> notes.remove((String) args[0]),
                "clearExecutionStatus", args -> {
                    executionStatusCleared = true;
                    return null;
                }));
    }

    /** The error page Keycloak's login forms would render: its status and message key. */
    record ErrorPage(Response.Status status, String message) {
    }

    /**
     * A session with the single-use store, a context holding the authentication session, a vault with the given
     * secrets, the login forms (error pages recorded) and an event listener that records every event.
     */
    static final class Session {
        final SingleUseStore store = new SingleUseStore();
        final List<Event> events = new ArrayList<>();
        final List<ErrorPage> errorPages = new ArrayList<>();
        final Map<String, String> vault = new HashMap<>();
        AuthenticationSessionModel current;
        final RealmModel realm = of(RealmModel.class, Map.of(
                "getName", args -> "school",
                "getId", args -> "realm-id",
                "isEventsEnabled", args -> false,
                "getEnabledEventTypesStream", args -> Stream.empty(),
                "getEventsListenersStream", args -> Stream.of("recorder"),
                "getAccessCodeLifespanLogin", args -> 1800));
        final KeycloakSession session;

        Session() {
            EventListenerProvider recorder = of(EventListenerProvider.class, Map.of(
                    "onEvent", args -> {
                        if (args.length == 1) {
                            events.add((Event) args[0]);
                        }
                        return null;
                    }));
            EventListenerProviderFactory recorderFactory = of(EventListenerProviderFactory.class, Map.of(
                    "getId", args -> "recorder", "isGlobal", args -> false));
            // Errors are stored "immediately": Keycloak sends them from a session of their own, in a transaction.
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
            Map<String, Function<Object[], Object>> context = new HashMap<>();
            context.put("setAuthenticationSession", args -> {
                current = (AuthenticationSessionModel) args[0];
                return null;
            });
            context.put("getAuthenticationSession", args -> current);
            context.put("getRealm", args -> realm);
            KeycloakContext keycloakContext = lenient(KeycloakContext.class, context);   // copied into the event session
            VaultTranscriber transcriber = of(VaultTranscriber.class, Map.of("getStringSecret", args -> vaultSecret((String) args[0])));
            Map<String, Function<Object[], Object>> answers = new HashMap<>();
            answers.put("singleUseObjects", args -> store.provider);
            answers.put("getContext", args -> keycloakContext);
            answers.put("getKeycloakSessionFactory", args -> factory);
            answers.put("vault", args -> transcriber);
            answers.put("getProvider", args -> {
                if (args[0] == EventListenerProvider.class) {
                    return recorder;
                }
                if (args[0] == LoginFormsProvider.class) {
                    return loginForms();
                }
                if (((Class<?>) args[0]).getName().equals("org.keycloak.tracing.TracingProvider")) {
                    // events are traced when tracing is on: here it is off
                    return lenient((Class<?>) args[0], Map.of("getCurrentSpan", none -> io.opentelemetry.api.trace.Span.getInvalid()));
                }
                throw new AssertionError("unexpected provider " + args[0]);
            });
            session = of(KeycloakSession.class, answers);
        }

        private LoginFormsProvider loginForms() {
            Object[] error = new Object[1];
            Map<String, Function<Object[], Object>> answers = new HashMap<>();
            LoginFormsProvider[] self = new LoginFormsProvider[1];
            answers.put("setAuthenticationSession", args -> self[0]);
            answers.put("setError", args -> {
                error[0] = args[0];
                return self[0];
            });
            // No JAX-RS runtime on the test classpath: the page is recorded, the Response itself is null.
            answers.put("createErrorPage", args -> {
                errorPages.add(new ErrorPage((Response.Status) args[0], (String) error[0]));
                return null;
            });
            self[0] = of(LoginFormsProvider.class, answers);
            return self[0];
        }

        /** Resolves {@code ${vault.key}} from the fake vault; a literal comes back as it is. */
        private VaultStringSecret vaultSecret(String value) {
            java.util.regex.Matcher reference = java.util.regex.Pattern.compile("^\\$\\{vault\\.(.+)}$").matcher(value);
            java.util.Optional<String> secret = reference.matches()
                    ? java.util.Optional.ofNullable(vault.get(reference.group(1))) : java.util.Optional.of(value);
            return new VaultStringSecret() {
                @Override
                public java.util.Optional<String> get() {
                    return secret;
                }

                @Override
                public void close() {
                }
            };
        }
    }
}
