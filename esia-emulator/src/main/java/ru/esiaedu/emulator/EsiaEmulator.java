package ru.esiaedu.emulator;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A running ESIA stand-in: real HTTP, real signatures. Start it with {@link #start(EmulatorOptions)},
 * stop it with {@link #close()}.
 */
public final class EsiaEmulator implements AutoCloseable {
    private static final int REQUEST_LOG_CAPACITY = 500;

    private final HttpServer server;
    private final ExecutorService executor;
    private final String baseUrl;
    private final Faults faults;
    private final RequestLog requestLog;
    private final Consents consents;
    private final SessionStore sessions;

    private EsiaEmulator(HttpServer server, ExecutorService executor, String baseUrl, Faults faults, RequestLog requestLog,
                         Consents consents, SessionStore sessions) {
        this.server = server;
        this.executor = executor;
        this.baseUrl = baseUrl;
        this.faults = faults;
        this.requestLog = requestLog;
        this.consents = consents;
        this.sessions = sessions;
    }

    /** Loads persons, clients and keys, binds the port and starts serving. */
    public static EsiaEmulator start(EmulatorOptions options) {
        Pem.init();
        Clock clock = Clock.systemUTC();
        PersonDirectory persons = PersonDirectory.load(options.personsFile());
        ClientRegistry clients = ClientRegistry.load(options.clientsFile());
        TokenSigner signer = TokenSigner.bundled();

        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(options.port()), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on port " + options.port(), e);
        }
        int port = server.getAddress().getPort();
        String baseUrl = options.publicBaseUrl() != null ? options.publicBaseUrl() : "http://localhost:" + port;
        String issuer = baseUrl + "/"; // ESIA style: iss ends with a slash

        Faults faults = new Faults();
        RequestLog requestLog = new RequestLog(REQUEST_LOG_CAPACITY);
        RequestChecks checks = new RequestChecks(clock, options.maxClockSkew());
        PendingAuthorizations pending = new PendingAuthorizations(clock);
        SessionStore sessions = new SessionStore();
        CodeStore codes = new CodeStore(clock, options.codeLifetime());
        UsedStates usedStates = new UsedStates();
        LoginPage pages = new LoginPage(persons, options.quickLoginButtons());
        LoginFlow flow = new LoginFlow(pending, sessions, codes, pages);
        AccessTokenVerifier tokenVerifier = new AccessTokenVerifier(signer, clock, issuer);
        ConsentRegistry consentRegistry = new ConsentRegistry(persons, clock);
        ConsentRecipients recipients = new ConsentRecipients(persons, clock);
        Consents consents = new Consents(consentRegistry, recipients, persons, clients);

        Router router = new Router(
                new AuthorizationHandler(clients, checks, pending, sessions, persons, flow, pages, usedStates),
                new LoginHandler(pending, persons, sessions, flow, pages),
                new TokenHandler(clients, checks, codes, usedStates, persons,
                        new TokenIssuer(signer, clock, issuer, options.tokenAlgorithm()), faults, options.slowFaultDelay()),
                new PersonApiHandler(persons, tokenVerifier, faults, options.slowFaultDelay(), baseUrl),
                new LogoutHandler(sessions, clients, pages),
                new AdminHandler(faults, consents),
                new ConsentApiHandler(consentRegistry, recipients, persons, clients, tokenVerifier, faults,
                        options.slowFaultDelay()),
                new ProfileHandler(sessions, persons, consentRegistry, new CsrfTokens(),
                        new ProfilePage(persons, consentRegistry)),
                faults, requestLog, clock);
        server.createContext("/", router);
        // The OIDC mode: the same persons, server and signing keys as a plain OpenID Connect provider (the baseline
        // the ESIA login is measured against).
        server.createContext(OidcHandler.PREFIX, new OidcHandler(clients, persons,
                new OidcTokens(signer, clock, baseUrl + OidcHandler.PREFIX), new OidcGrants(clock, options.codeLifetime()),
                new OidcPages(persons, options.quickLoginButtons()), options.oidcClientSecret(), baseUrl, requestLog, clock));
        AtomicInteger n = new AtomicInteger();
        // Several threads: a *_SLOW fault must not block the other requests.
        ExecutorService executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "esia-emulator-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.start();
        return new EsiaEmulator(server, executor, baseUrl, faults, requestLog, consents, sessions);
    }

    /** e.g. {@code http://localhost:41234}, no trailing slash. */
    public String baseUrl() {
        return baseUrl;
    }

    /** The {@code iss} of issued tokens: {@code baseUrl() + "/"}. */
    public String issuer() {
        return baseUrl + "/";
    }

    /** The issuer of the OIDC mode: {@code baseUrl() + "/oidc"}; discovery at {@code …/oidc/.well-known/openid-configuration}. */
    public String oidcIssuer() {
        return baseUrl + OidcHandler.PREFIX;
    }

    /** One-shot fault injection. */
    public Faults faults() {
        return faults;
    }

    /**
     * The consents ESIA keeps for client systems (docs/esia-consent-adapter.md): test hooks to grant, revoke,
     * reset and inspect requests and notifications.
     */
    public Consents consents() {
        return consents;
    }

    /**
     * Forgets which clients the person let see their data, so the next authorization shows «Предоставление прав
     * доступа» again (tests of a first login that are not the person's first in this run).
     */
    public void forgetAccessGrants(String oid) {
        sessions.forgetGrants(Long.parseLong(oid));
    }

    /** Recent requests, oldest first (bounded; passwords never recorded). */
    public List<RecordedRequest> requests() {
        return requestLog.snapshot();
    }

    /** Forgets the recorded requests. */
    public void clearRequests() {
        requestLog.clear();
    }

    /** Stops serving at once; requests stalled by *_SLOW faults are interrupted. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
