package ru.esiaedu.e2e.support;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.TestAbortedException;

/**
 * One browser per test class, clean cookies before each test, and a screenshot + page source in
 * e2e-tests/target/e2e-artifacts/ when a test fails (taken at the moment of failure, before any
 * clean-up navigates away). Use as a static field:
 * <pre>@RegisterExtension static final BrowserExtension browser = BrowserExtension.phone();</pre>
 */
public final class BrowserExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        TestExecutionExceptionHandler {

    private static final AtomicBoolean ARTIFACTS_CLEARED = new AtomicBoolean();

    private final Supplier<Browser> factory;
    private Browser browser;

    private BrowserExtension(Supplier<Browser> factory) {
        this.factory = factory;
    }

    public static BrowserExtension phone() {
        return new BrowserExtension(Browser::phone);
    }

    public static BrowserExtension desktop() {
        return new BrowserExtension(Browser::desktop);
    }

    /** The class's browser; available from {@code @BeforeAll} on. */
    public Browser get() {
        if (browser == null) {
            throw new IllegalStateException("browser not started: register BrowserExtension on a static field");
        }
        return browser;
    }

    public static Path artifactsDir() {
        return E2e.targetDir().resolve("e2e-artifacts");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        // Artifacts of an earlier run (target/ is not cleaned by "verify") would mislead.
        if (ARTIFACTS_CLEARED.compareAndSet(false, true)) {
            KeycloakDistribution.deleteRecursively(artifactsDir());
        }
        browser = factory.get();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        browser.deleteAllCookies();
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        // An aborted test (failed assumption) is a skip, not a failure: nothing to look at.
        if (browser != null && !(failure instanceof TestAbortedException)) {
            String name = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
            try {
                browser.saveArtifacts(artifactsDir(), name);
                E2e.progress("test failed: screenshot and page source saved as %s/%s.{png,html}", artifactsDir(), name);
            } catch (Exception e) {
                failure.addSuppressed(e);
            }
        }
        throw failure;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }
}
