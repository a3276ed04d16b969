package io.qnt9.srs.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's headless Chromium driven by Playwright — never a browser Playwright downloads. Without Chromium the browser
 * tests are skipped with the reason; with {@code QNT9_REQUIRE_BROWSER=1} (the CI browser job) they fail instead.
 */
final class BrowserSupport {

    static final String REQUIRE_ENV = "QNT9_REQUIRE_BROWSER";

    /** The system browser; {@code QNT9_CHROMIUM} points elsewhere. */
    static Path chromium() {
        String override = System.getenv("QNT9_CHROMIUM");
        return Paths.get(override == null || override.isBlank() ? "/usr/bin/chromium" : override);
    }

    /** The launch arguments of docs/PLATFORM (headless is added by Playwright). */
    static final List<String> ARGS = List.of(
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync");

    private BrowserSupport() {}

    static boolean chromiumInstalled() {
        return Files.isExecutable(chromium());
    }

    /** Skips (or, when required, fails) the calling test class if Chromium is not installed. */
    static void requireChromium() {
        Path browser = chromium();
        if (Files.isExecutable(browser)) {
            return;
        }
        String missing = "Browser tests need Chromium at " + browser + " (apt-get install -y chromium, or set"
                + " QNT9_CHROMIUM to its path), and it is missing";
        if ("1".equals(System.getenv(REQUIRE_ENV))) {
            Assertions.fail(missing + "; " + REQUIRE_ENV + "=1 makes that a failure.");
        }
        String reason = missing + ": SKIPPED (" + REQUIRE_ENV + "=1 makes this a failure).";
        System.err.println("[browser tests] " + reason);
        Assumptions.abort(reason);
    }

    /**
     * Playwright's driver runs with everything under {@code target/}: its temporary files (and so the fresh
     * user-data directory Playwright makes for every launch), XDG caches and configuration; no browser download.
     */
    static Playwright playwright() {
        Path target = Paths.get("target").toAbsolutePath();
        Path tmp = mkdirs(target.resolve("tmp/playwright"));
        return Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of(
                        "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1",
                        "TMPDIR", tmp.toString(),
                        "XDG_CACHE_HOME", mkdirs(target.resolve("xdg/cache")).toString(),
                        "XDG_CONFIG_HOME", mkdirs(target.resolve("xdg/config")).toString())));
    }

    static Browser launch(Playwright playwright) {
        return playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(chromium())
                        .setHeadless(true)
                        .setChromiumSandbox(false)
                        .setArgs(ARGS)
                        .setTimeout(60_000));
    }

    static Path screenshots() {
        return mkdirs(Paths.get("target", "screenshots"));
    }

    static Path mkdirs(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Collects what must never happen on a page: console errors, uncaught exceptions and Content-Security-Policy
     * violations (also recorded from the page's own {@code securitypolicyviolation} events).
     */
    static final class Problems {

        /** Registered before any page script runs: every CSP violation the browser reports. */
        static final String CSP_RECORDER = "window.__cspViolations = [];"
                + "document.addEventListener('securitypolicyviolation', e =>"
                + " window.__cspViolations.push(e.violatedDirective + ' ' + (e.blockedURI || '') + ' '"
                + " + (e.sample || '')));";

        final List<String> errors = new ArrayList<>();
        private final List<Predicate<String>> expected = new ArrayList<>();

        void watch(Page page) {
            page.addInitScript(CSP_RECORDER);
            page.onConsoleMessage(m -> {
                if ("error".equals(m.type())) {
                    errors.add("console: " + m.text() + " @ " + m.location());
                }
            });
            page.onPageError(e -> errors.add("pageerror: " + e));
        }

        /** A browser network log line the test provokes on purpose (e.g. the 422 of a rejected import). */
        void expect(Predicate<String> message) {
            expected.add(message);
        }

        void assertNone(List<Page> pages) {
            for (Page page : pages) {
                if (!page.isClosed()) {
                    Object csp = page.evaluate("() => window.__cspViolations || []");
                    assertThat((List<?>) csp)
                            .as("CSP violations on " + page.url())
                            .isEmpty();
                }
            }
            List<String> unexpected = errors.stream()
                    .filter(e -> expected.stream().noneMatch(p -> p.test(e)))
                    .toList();
            assertThat(unexpected).as("JavaScript console errors").isEmpty();
        }
    }
}
