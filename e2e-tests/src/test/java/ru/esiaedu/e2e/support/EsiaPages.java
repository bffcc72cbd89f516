package ru.esiaedu.e2e.support;

import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What a person does on Keycloak's login page and on the (emulated) Gosuslugi pages. */
public final class EsiaPages {

    public static final String PASSWORD = "Esia-Demo-2026";

    private final Browser browser;
    private final String esiaBaseUrl;

    public EsiaPages(Browser browser, String esiaBaseUrl) {
        this.browser = browser;
        this.esiaBaseUrl = esiaBaseUrl;
    }

    /** «Войти с ролью»: «Вход для родителей» (parent), «… учащихся» (student), «… педагогов и сотрудников» (staff). */
    public EsiaPages chooseRole(String role) {
        browser.waitFor(By.id("esia-role-" + role)).click();
        browser.waitFor(By.id("login"));
        return this;
    }

    /** A button of one of our pages, by id (e.g. {@code esia-link}, {@code esia-request}). */
    public EsiaPages press(String id) {
        browser.waitFor(By.id(id)).click();
        return this;
    }

    public EsiaPages signIn(String login) {
        browser.waitFor(By.id("login")).sendKeys(login);
        browser.driver().findElement(By.id("password")).sendKeys(PASSWORD);
        browser.driver().findElement(By.id("submit")).click();
        return this;
    }

    /** The one-click test person button of the emulator. */
    public EsiaPages signInAs(String oid) {
        browser.waitFor(By.cssSelector("button[name='quick'][value='" + oid + "']")).click();
        return this;
    }

    /** «Предоставить» on «Предоставление прав доступа», if ESIA asks. */
    public EsiaPages grantIfAsked() {
        // Wait for ESIA's next page: either the consent page or the way back to Keycloak.
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> !d.findElements(By.id("grant")).isEmpty() || !d.getCurrentUrl().startsWith(esiaBaseUrl));
        if (!browser.driver().findElements(By.id("grant")).isEmpty()) {
            browser.driver().findElement(By.id("grant")).click();
        }
        return this;
    }


    /**
     * Opens a page of the person's own Gosuslugi account (e.g. {@code /profile/consents}) and signs in there as
     * {@code oid} if ESIA asks.
     */
    public EsiaPages openGosuslugiAs(String path, String oid) {
        browser.open(esiaBaseUrl + path);
        if (!browser.driver().findElements(By.cssSelector("button[name='quick'][value='" + oid + "']")).isEmpty()) {
            signInAs(oid);
        }
        waitForUrl(url -> url.startsWith(esiaBaseUrl + path));
        return this;
    }

    public EsiaPages deny() {
        browser.waitFor(By.id("deny")).click();
        return this;
    }

    public EsiaPages cancel() {
        browser.waitFor(By.id("cancel")).click();
        return this;
    }

    public String waitForUrl(java.util.function.Predicate<String> condition) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d -> condition.test(d.getCurrentUrl()));
        return browser.currentUrl();
    }

    /**
     * Visible text of the page once it contains {@code expected}; fails, showing the text that was there instead,
     * if it does not within the wait.
     */
    public String waitForText(String expected) {
        return waitForAnyText(expected);
    }

    /** Waits until the page shows one of the texts and returns the page text; fails if none appears. */
    public String waitForAnyText(String... expected) {
        try {
            // A page that navigates while it is read answers "stale element" or, from Chromium's inspector, "node
            // does not belong to the document": both mean "read again", not "the text is missing".
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                    .ignoring(StaleElementReferenceException.class)
                    .ignoring(NoSuchElementException.class)
                    .ignoring(org.openqa.selenium.WebDriverException.class)
                    .until(d -> {
                        String text = d.findElement(By.tagName("body")).getText();
                        return java.util.Arrays.stream(expected).anyMatch(text::contains);
                    });
        } catch (org.openqa.selenium.TimeoutException timeout) {
            throw new AssertionError("the page at " + browser.currentUrl() + " never showed any of "
                    + java.util.Arrays.toString(expected) + "; it shows:\n" + bodyText(), timeout);
        }
        return bodyText();
    }

    /** Scrolls a button into the middle of a phone-sized window before clicking, as a thumb would. */
    public void clickVisible(By locator) {
        WebElement element = browser.waitFor(locator);
        ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    /** «Привязать учётную запись»: the organisation, the old login and password, «Войти». */
    public EsiaPages submitLegacyLink(String organisationId, String login, String password) {
        new org.openqa.selenium.support.ui.Select(browser.waitFor(By.id("organisation"))).selectByValue(organisationId);
        WebElement username = browser.driver().findElement(By.id("username"));
        username.clear();
        username.sendKeys(login);
        browser.driver().findElement(By.id("password")).sendKeys(password);
        browser.driver().findElement(By.id("kc-login")).click();
        return this;
    }

    public String bodyText() {
        for (int attempt = 0; ; attempt++) {
            try {
                WebElement body = browser.driver().findElement(By.tagName("body"));
                return body.getText();
            } catch (org.openqa.selenium.WebDriverException e) {   // stale, missing, or the page moved on
                if (attempt >= 10) {
                    throw e;
                }
            }
        }
    }
}
