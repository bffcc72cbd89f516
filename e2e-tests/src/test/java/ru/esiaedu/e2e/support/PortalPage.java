package ru.esiaedu.e2e.support;

import org.openqa.selenium.By;

/** What a person does on the real demo school portal ({@link SharedPortal}). */
public final class PortalPage {

    private final Browser browser;
    private final String baseUrl;

    public PortalPage(Browser browser, String baseUrl) {
        this.browser = browser;
        this.baseUrl = baseUrl;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** The start page (signed out: the login buttons; signed in: the profile). */
    public PortalPage open() {
        browser.open(baseUrl + "/");
        browser.waitFor(By.tagName("h1"));
        return this;
    }

    /** «Войти через Госуслуги как родитель|учащийся|сотрудник»: straight to Gosuslugi, the role already chosen. */
    public void loginAs(String role) {
        browser.waitFor(By.id("portal-login-" + role)).click();
    }

    /** «Войти»: Keycloak's «Войти с ролью» page. */
    public void login() {
        browser.waitFor(By.id("portal-login")).click();
    }

    /** Waits for the signed-in page (back from Keycloak). */
    public PortalPage waitUntilSignedIn() {
        browser.waitFor(By.id("portal-user-name"), java.time.Duration.ofSeconds(40));
        return this;
    }

    public String userName() {
        return text("portal-user-name");
    }

    public String role() {
        return text("portal-role");
    }

    public String organisation() {
        return text("portal-organisation");
    }

    public String className() {
        return text("portal-class");
    }

    /** «Выйти»: RP-initiated logout at Keycloak (and ESIA), back on the signed-out start page. */
    public void logout() {
        browser.waitFor(By.id("portal-logout")).click();
        browser.waitFor(By.id("portal-login-parent"), java.time.Duration.ofSeconds(40));
    }

    private String text(String id) {
        return browser.waitFor(By.id(id)).getText().trim();
    }
}
