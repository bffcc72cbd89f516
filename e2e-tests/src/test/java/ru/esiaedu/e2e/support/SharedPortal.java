package ru.esiaedu.e2e.support;

import ru.esiaedu.portal.PortalOptions;
import ru.esiaedu.portal.SchoolPortalApp;

/**
 * The real demo school portal ({@code school-portal} module), one per test run, in the test JVM on a free port,
 * signing in against the shared Keycloak's realm {@code school}; stopped by a shutdown hook. The demo realm's
 * redirect URI {@code http://localhost:3000/*} is re-pointed at it by {@link RealmFixture}.
 */
public final class SharedPortal {

    public static final String REALM = "school";
    private static SchoolPortalApp instance;

    private SharedPortal() {
    }

    public static synchronized SchoolPortalApp get(KeycloakTestServer keycloak) {
        if (instance == null) {
            instance = SchoolPortalApp.start(PortalOptions.defaults().port(0).keycloakUrl(keycloak.baseUrl()).realm(REALM));
            E2e.progress("school portal at %s", instance.baseUrl());
            SchoolPortalApp started = instance;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "school-portal-stop"));
        }
        return instance;
    }
}
