package ru.esiaedu.e2e.support;

import java.util.ArrayList;
import java.util.List;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;

/**
 * A small accessibility check of the page in the browser (axe-core is not on the Maven mirror these machines
 * reach): the page has a language, one {@code h1}, every visible control and link has an accessible name, every
 * image an {@code alt}, buttons, fields and selects are at least 44 px high (touch targets), and at 360 px width
 * nothing scrolls sideways. {@link #assertPasses} fails the test with the list of what is wrong.
 */
public final class A11yCheck {

    /** The narrowest phone the pages must fit without horizontal scrolling. */
    public static final Dimension NARROW_PHONE = new Dimension(360, 780);
    static final int MIN_TARGET_PX = 44;

    private static final String SCRIPT = """
            const problems = [];
            const visible = el => {
              const s = getComputedStyle(el);
              const r = el.getBoundingClientRect();
              return s.display !== 'none' && s.visibility !== 'hidden' && (r.width > 1 || r.height > 1);
            };
            const describe = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
              + (el.getAttribute('name') ? '[name=' + el.getAttribute('name') + ']' : '');
            const textOf = el => (el.innerText || el.textContent || '').replace(/\\s+/g, ' ').trim();
            const byIds = ids => ids.split(/\\s+/).map(id => document.getElementById(id)).filter(Boolean)
              .map(textOf).join(' ').trim();
            const nameOf = el => {
              const labelledBy = el.getAttribute('aria-labelledby');
              if (labelledBy && byIds(labelledBy)) return byIds(labelledBy);
              const aria = (el.getAttribute('aria-label') || '').trim();
              if (aria) return aria;
              if (el.labels && el.labels.length) {
                const t = Array.from(el.labels).map(textOf).join(' ').trim();
                if (t) return t;
              }
              if (['INPUT'].includes(el.tagName) && ['submit', 'button', 'reset'].includes(el.type)) return (el.value || '').trim();
              if (['A', 'BUTTON', 'SUMMARY'].includes(el.tagName)) {
                const t = textOf(el);
                if (t) return t;
                const img = el.querySelector('img[alt]');
                if (img && img.alt.trim()) return img.alt.trim();
              }
              return (el.getAttribute('title') || '').trim();
            };
            const lang = (document.documentElement.getAttribute('lang') || '').trim();
            if (!lang) problems.push('the html element has no lang attribute');
            const h1 = Array.from(document.querySelectorAll('h1')).filter(visible);
            if (h1.length !== 1) problems.push('expected one visible h1, found ' + h1.length);
            const controls = document.querySelectorAll(
              'a[href], button, select, textarea, summary, input:not([type=hidden]), [role=button], [role=link]');
            for (const el of controls) {
              if (!visible(el)) continue;
              if (!nameOf(el)) problems.push('no accessible name: ' + describe(el));
            }
            for (const img of document.querySelectorAll('img')) {
              if (!img.hasAttribute('alt')) problems.push('image without alt: ' + (img.id || img.src.substring(0, 60)));
            }
            const targets = document.querySelectorAll(
              'button, select, summary, input:not([type=hidden]):not([type=checkbox]):not([type=radio])');
            for (const el of targets) {
              if (!visible(el)) continue;
              const h = el.getBoundingClientRect().height;
              if (h + 0.5 < arguments[0]) problems.push('touch target ' + Math.round(h) + ' px high: ' + describe(el));
            }
            return problems;
            """;

    private static final String OVERFLOW = """
            const doc = document.documentElement;
            const wide = [];
            if (doc.scrollWidth > doc.clientWidth + 1) {
              for (const el of document.body.querySelectorAll('*')) {
                const r = el.getBoundingClientRect();
                if (r.right > doc.clientWidth + 1 && getComputedStyle(el).position !== 'absolute'
                    && getComputedStyle(el).position !== 'fixed') {
                  wide.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && el.className.baseVal === undefined
                    ? '.' + String(el.className).trim().split(/\\s+/).join('.') : '') + ' right=' + Math.round(r.right));
                  if (wide.length >= 5) break;
                }
              }
              return 'scrolls sideways at ' + doc.clientWidth + ' px (content ' + doc.scrollWidth + ' px): ' + wide.join(', ');
            }
            return '';
            """;

    private A11yCheck() {
    }

    /** What is wrong with the current page; empty when it passes. */
    public static List<String> problems(Browser browser) {
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        List<String> problems = new ArrayList<>();
        Dimension original = browser.driver().manage().window().getSize();
        try {
            browser.driver().manage().window().setSize(NARROW_PHONE);
            @SuppressWarnings("unchecked")
            List<Object> found = (List<Object>) js.executeScript(SCRIPT, MIN_TARGET_PX);
            found.forEach(p -> problems.add(String.valueOf(p)));
            Object overflow = js.executeScript(OVERFLOW);
            if (overflow != null && !overflow.toString().isEmpty()) {
                problems.add(overflow.toString());
            }
        } finally {
            browser.driver().manage().window().setSize(original);
        }
        return problems;
    }

    /** Fails with every problem of the current page, named by {@code page}. */
    public static void assertPasses(Browser browser, String page) {
        List<String> problems = problems(browser);
        if (!problems.isEmpty()) {
            throw new AssertionError("accessibility check of " + page + " (" + browser.currentUrl() + ") failed:\n  - "
                    + String.join("\n  - ", problems));
        }
    }
}
