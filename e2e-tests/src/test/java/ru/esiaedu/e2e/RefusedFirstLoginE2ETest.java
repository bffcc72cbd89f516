package ru.esiaedu.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ru.esiaedu.e2e.support.RegistrySql;

/**
 * Nothing about a student before consent: a minor's first login that ends on «нужно согласие» leaves no Keycloak user,
 * no federated identity and no registry link behind (the first-broker-login flow creates the user before the consent
 * step can ask; the step removes it after the page). The page keeps working, and once a parent consents the same child
 * gets in. An adult student without consent and a parent are kept. Persons: 1000300105 (10), 1000300103 (19),
 * 1000300101 (their mother); the class resets the emulator's consents first, as {@code ConsentE2ETest} does.
 */
class RefusedFirstLoginE2ETest extends SchoolRealmBrowserTest {

    private static final String CLIENT = "SCHOOL01";
    private static final String CHILD_10 = "1000300105";
    private static final String STUDENT_19 = "1000300103";
    private static final String MOTHER = "1000300101";
    private static final String MINOR_LEAD = "Для входа в дневник нужно согласие одного из родителей.";
    private static final String ADULT_LEAD = "Для входа в дневник необходимо согласие.";

    @BeforeAll
    static void noConsentsYet() {
        emulator.consents().reset();
    }

    @Test
    void aChildRefusedAtTheFirstLoginLeavesNothingAndGetsInOnceAParentConsents() throws Exception {
        RegistrySql registry = new RegistrySql(keycloak);
        signInAsStudent(CHILD_10);
        pages.waitForText(MINOR_LEAD);

        // The page still works after its user is gone.
        pages.press("esia-consent-recheck");
        assertThat(pages.waitForText("Согласие пока не получено")).contains(MINOR_LEAD);
        // Sizes only: a failure must not print the test person's data into the build log.
        assertThat(admin.users(REALM, "esia-" + CHILD_10).size()).as("no user").isZero();
        assertThat(admin.get("/admin/realms/" + REALM + "/users?idpAlias=esia&idpUserId=" + CHILD_10).size())
                .as("no federated identity").isZero();
        assertThat(registry.linkedAccounts(CHILD_10)).as("no registry link").isEmpty();
        assertThat(registry.count("SELECT COUNT(*) FROM sr_account_link WHERE esia_oid = '" + CHILD_10
                + "' AND unlinked_by = 'consent-check'")).as("the links of that login were made, then undone")
                .isPositive();

        // A parent consents; «Согласие получено — войти» on the same page lets the child in.
        emulator.consents().grant(CLIENT, CHILD_10, MOTHER);
        pages.press("esia-consent-recheck");
        assertThat(pages.waitForUrl(portal::isRedirectBack)).contains("code=");
        assertThat(admin.users(REALM, "esia-" + CHILD_10).size()).isEqualTo(1);
        assertThat(registry.linkedAccounts(CHILD_10)).as("linked again").isNotEmpty();
    }

    @Test
    void anAdultStudentWithoutConsentAndAParentAreKept() {
        signInAsStudent(STUDENT_19);
        pages.waitForText(ADULT_LEAD);
        pages.press("esia-consent-recheck");
        pages.waitForText("Согласие пока не получено");
        assertThat(admin.users(REALM, "esia-" + STUDENT_19).size()).isEqualTo(1);

        BROWSER.get().deleteAllCookies();
        BROWSER.get().open(portal.loginUrl(UUID.randomUUID().toString()));
        pages.chooseRole("parent").signInAs(MOTHER).grantIfAsked();
        assertThat(pages.waitForUrl(portal::isRedirectBack)).contains("code=");
        assertThat(admin.users(REALM, "esia-" + MOTHER).size()).isEqualTo(1);
    }

    private void signInAsStudent(String oid) {
        BROWSER.get().deleteAllCookies();
        BROWSER.get().open(portal.loginUrl(UUID.randomUUID().toString()) + "&role=student");
        pages.signInAs(oid).grantIfAsked();
    }
}
