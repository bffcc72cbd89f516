package ru.esiaedu.e2e.support;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What a staff member does on the school's pages ({@code /realms/{realm}/school-desk/}): signs in through
 * Gosuslugi as «педагоги и сотрудники», types into a field of the class page and waits for its state, and calls the
 * desk's JSON API from the page itself (with the page's cookies, as the page's own script does).
 */
public final class DeskPages {

    private final Browser browser;
    private final EsiaPages esia;
    private final String deskUrl;

    public DeskPages(Browser browser, EsiaPages esia, String keycloakUrl, String realm) {
        this.browser = browser;
        this.esia = esia;
        this.deskUrl = keycloakUrl + "/realms/" + realm + "/school-desk/";
    }

    public String url(String page) {
        return deskUrl + page;
    }

    /** Opens a desk page; without a session the realm's login goes straight to Gosuslugi (role staff). */
    public DeskPages signInAt(String page, String oid) {
        browser.open(url(page));
        esia.signInAs(oid).grantIfAsked();
        try {
            new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).until(d -> {
                String u = d.getCurrentUrl();
                return (u.startsWith(deskUrl) || u.equals(deskUrl.substring(0, deskUrl.length() - 1)))
                        && !u.contains("/callback");
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("signing in at the desk as " + oid + " ended at " + browser.currentUrl()
                    + " showing:\n" + esia.bodyText(), e);
        }
        return this;
    }

    /**
     * Shows a group of fields on the class page: {@code contacts} (phone, e-mail), {@code documents} (SNILS, birth
     * date), {@code names}, {@code all}. The page remembers the choice in the browser, so tests choose explicitly.
     */
    public DeskPages showFields(String group) {
        new org.openqa.selenium.support.ui.Select(browser.waitFor(By.id("field-group"))).selectByValue(group);
        browser.waitFor(By.cssSelector("table.roster"));
        return this;
    }

    /** The input of one field of one account on the class page. */
    public WebElement field(String accountId, String field) {
        return browser.waitFor(By.cssSelector("input[data-account='" + accountId + "'][data-field='" + field + "']"));
    }

    /** Types a new value into a field and leaves it (the page saves on change), as a teacher does. */
    public DeskPages type(String accountId, String field, String value) {
        WebElement input = field(accountId, field);
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});", input);
        input.click();
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(value);
        input.sendKeys(Keys.TAB);
        return this;
    }

    /** The field's visible state once it shows {@code expected} («Сохранено», an error, a conflict). */
    public String waitForState(String accountId, String field, String expected) {
        WebElement input = field(accountId, field);
        String statusId = input.getAttribute("aria-describedby");
        try {
            new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d ->
                    d.findElement(By.id(statusId)).getText().contains(expected));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("field " + field + " of " + accountId + " never showed «" + expected + "»; it shows «"
                    + browser.driver().findElement(By.id(statusId)).getText() + "»", e);
        }
        return browser.driver().findElement(By.id(statusId)).getText();
    }

    public WebElement stateOf(String accountId, String field) {
        return browser.driver().findElement(By.id(field(accountId, field).getAttribute("aria-describedby")));
    }

    /**
     * Calls the desk's API from the page with the page's session cookie; {@code withHeader} false leaves out the
     * header every write of the page carries (a forged cross-site request cannot add it).
     *
     * @return status and body
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> fetch(String method, String apiPath, String jsonBody, boolean withHeader) {
        Object result = ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                + "const headers = {'Content-Type': 'application/json'}; if (arguments[3]) headers['X-School-Desk'] = '1';"
                + "fetch(arguments[0], {method: arguments[1], headers: headers, body: arguments[2], credentials: 'same-origin'})"
                + ".then(r => r.text().then(t => done({status: r.status, body: t})))"
                + ".catch(e => done({status: -1, body: String(e)}));",
                deskUrl + "api/" + apiPath, method, jsonBody, withHeader);
        return (Map<String, Object>) result;
    }

    public static long status(Map<String, Object> response) {
        return ((Number) response.get("status")).longValue();
    }

    public List<WebElement> all(By locator) {
        return browser.driver().findElements(locator);
    }
}
