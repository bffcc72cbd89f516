package ru.esiaedu.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import ru.esiaedu.e2e.support.AdminApi;
import ru.esiaedu.e2e.support.BrowserExtension;
import ru.esiaedu.e2e.support.EsiaPages;
import ru.esiaedu.e2e.support.KeycloakTestServer;
import ru.esiaedu.e2e.support.RealmFixture;
import ru.esiaedu.e2e.support.SchoolPortal;
import ru.esiaedu.e2e.support.SharedEmulator;
import ru.esiaedu.emulator.EsiaEmulator;

/**
 * What the browser tests on the demo realm share: the shared Keycloak and emulator, the realm imported
 * fresh for each class, a phone-sized browser (cookies cleared before each test by its extension),
 * the portal and the page helpers.
 */
abstract class SchoolRealmBrowserTest {

    static final String REALM = "school";

    @RegisterExtension
    static final BrowserExtension BROWSER = BrowserExtension.phone();

    static KeycloakTestServer keycloak;
    static EsiaEmulator emulator;
    static AdminApi admin;

    SchoolPortal portal;
    EsiaPages pages;

    @BeforeAll
    static void importTheDemoRealm() {
        keycloak = KeycloakTestServer.get();
        emulator = SharedEmulator.get();
        admin = keycloak.admin();
        RealmFixture.importInto(keycloak, emulator.baseUrl());
    }

    @BeforeEach
    void freshLogin() {
        emulator.faults().clear();
        portal = new SchoolPortal(keycloak.baseUrl(), REALM);
        pages = new EsiaPages(BROWSER.get(), emulator.baseUrl());
    }
}
