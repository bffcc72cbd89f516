package ru.esiaedu.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;

/**
 * Keeps a picture of each page a family meets, at phone and desktop width, under
 * {@code e2e-tests/target/screenshots/} (the README's pictures in docs/screenshots come from there).
 */
public final class Screenshots {

    private Screenshots() {
    }

    public static void take(Browser browser, String name) {
        Path dir = E2e.targetDir().resolve("screenshots");
        Dimension original = browser.driver().manage().window().getSize();
        try {
            Files.createDirectories(dir);
            save(browser, Browser.PHONE, dir.resolve(name + "-phone.png"));
            save(browser, Browser.DESKTOP, dir.resolve(name + "-desktop.png"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write screenshot " + name, e);
        } finally {
            browser.driver().manage().window().setSize(original);
        }
    }

    private static void save(Browser browser, Dimension size, Path file) throws IOException {
        browser.driver().manage().window().setSize(size);
        Files.write(file, ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
    }
}
