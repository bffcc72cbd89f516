package ru.esiaedu.e2e.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by the system chromedriver (no Selenium Manager download: the
 * machines have no general internet). Phone-sized by default because families sign in from phones.
 */
public final class Browser implements AutoCloseable {

    public static final Dimension PHONE = new Dimension(412, 915);
    public static final Dimension DESKTOP = new Dimension(1366, 900);
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(20);

    private final ChromeDriver driver;
    private final Path profileDir;

    private Browser(ChromeDriver driver, Path profileDir) {
        this.driver = driver;
        this.profileDir = profileDir;
    }

    public static Browser phone() {
        return start(PHONE);
    }

    public static Browser desktop() {
        return start(DESKTOP);
    }

    public static Browser start(Dimension window) {
        String chrome = envOr("CHROME_BIN", "/usr/bin/chromium");
        String chromedriver = envOr("CHROMEDRIVER", "/usr/bin/chromedriver");
        if (!new File(chrome).canExecute() || !new File(chromedriver).canExecute()) {
            throw new IllegalStateException("need " + chrome + " and " + chromedriver
                    + " (apt-get install chromium chromium-driver, or set CHROME_BIN / CHROMEDRIVER); bash .ci/run installs them");
        }
        Path profiles = E2e.targetDir().resolve("chrome-profiles");
        Path profileDir;
        try {
            profileDir = Files.createTempDirectory(Files.createDirectories(profiles), "profile-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chrome);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",                     // CI runs as root
                "--disable-gpu",
                "--disable-dev-shm-usage",
                // The closed network refuses Google's background connections; keep Chromium quiet.
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profileDir,
                "--window-size=" + window.getWidth() + "," + window.getHeight(),
                "--lang=ru");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "ru-RU,ru"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(chromedriver))
                .usingAnyFreePort()
                .withLogFile(E2e.targetDir().resolve("chromedriver.log").toFile())
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(window);
        return new Browser(driver, profileDir);
    }

    public WebDriver driver() {
        return driver;
    }

    public Browser open(String url) {
        driver.get(url);
        return this;
    }

    public String currentUrl() {
        return driver.getCurrentUrl();
    }

    /** Waits until the element is visible (pages redirect through JS, e.g. the account console). */
    public WebElement waitFor(By locator) {
        return waitFor(locator, DEFAULT_WAIT);
    }

    public WebElement waitFor(By locator, Duration timeout) {
        return new WebDriverWait(driver, timeout).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /**
     * Clears cookies of every site (Keycloak and the emulator), not only the current page's, via the
     * DevTools protocol; WebDriver's deleteAllCookies only covers the current domain.
     */
    public void deleteAllCookies() {
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        driver.get("about:blank");
    }

    /** Writes {@code <name>.png} and {@code <name>.html} into dir; best effort. */
    public void saveArtifacts(Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        byte[] png = driver.getScreenshotAs(OutputType.BYTES);
        Files.write(dir.resolve(name + ".png"), png);
        String source = "<!-- " + driver.getCurrentUrl() + " -->\n" + driver.getPageSource();
        Files.writeString(dir.resolve(name + ".html"), source, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            KeycloakDistribution.deleteRecursively(profileDir);
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
