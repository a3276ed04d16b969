package io.qnt9.srs.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import io.qnt9.srs.HttpTestClient;
import io.qnt9.srs.HttpTestClient.Response;
import io.qnt9.srs.TestAccounts;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard in a real headless Chromium against the real application (bundled data, embedded PostgreSQL): every
 * scenario also checks that no page logs a console error, throws, or violates the Content-Security-Policy. Screenshots
 * of each page land in {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserTests {

    /** Share of the canvas that is not background: a drawn chart has plenty, a blank one none. */
    private static final String CANVAS_INK = """
            selector => {
              const c = document.querySelector(selector + ' canvas');
              if (!c || !c.width || !c.height) return 0;
              const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
              let ink = 0;
              for (let i = 0; i < d.length; i += 4) {
                if (d[i + 3] > 0 && !(d[i] > 245 && d[i + 1] > 245 && d[i + 2] > 245)) ink++;
              }
              return ink / (c.width * c.height);
            }""";

    private static final String NO_HORIZONTAL_OVERFLOW =
            "() => document.documentElement.scrollWidth <= window.innerWidth + 1";

    @LocalServerPort
    int port;

    Playwright playwright;
    Browser browser;
    BrowserContext context;
    Page page;
    BrowserSupport.Problems problems;
    final List<Page> pages = new ArrayList<>();

    @BeforeAll
    void startBrowser() {
        if (BrowserSupport.chromiumInstalled()) {
            playwright = BrowserSupport.playwright();
            browser = BrowserSupport.launch(playwright);
        }
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void openPage() {
        // per test, so that each one is reported as skipped (or failed) with the reason
        BrowserSupport.requireChromium();
        problems = new BrowserSupport.Problems();
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
        context.setDefaultTimeout(20_000);
        page = newPage();
    }

    Page newPage() {
        Page p = context.newPage();
        problems.watch(p);
        pages.add(p);
        return p;
    }

    @AfterEach
    void checkConsoleAndClose() {
        if (context == null) {
            return;
        }
        try {
            problems.assertNone(pages);
        } finally {
            pages.clear();
            context.close();
            context = null;
        }
    }

    String url(String route) {
        return "http://localhost:" + port + "/" + route;
    }

    /** The bundled AAPL file's last two rows (Date,Open,High,Low,Close,Adj Close,Volume). */
    static final List<String> AAPL_LAST_ROWS = lastRows("data/aapl.csv", 2);

    static List<String> lastRows(String file, int n) {
        try {
            List<String> lines = java.nio.file.Files.readAllLines(java.nio.file.Path.of(file));
            return lines.subList(lines.size() - n, lines.size());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static LocatorAssertions expect(Locator locator) {
        return PlaywrightAssertions.assertThat(locator);
    }

    void screenshot(Page p, String name) {
        // the header is sticky: at the top of the page, a full-page screenshot shows it where it belongs
        p.evaluate("() => window.scrollTo(0, 0)");
        p.screenshot(new Page.ScreenshotOptions()
                .setPath(BrowserSupport.screenshots().resolve(name + ".png"))
                .setFullPage(true));
    }

    double ink(Page p, String selector) {
        return ((Number) p.evaluate(CANVAS_INK, selector)).doubleValue();
    }

    @Test
    void searchSuggestsAppleTheChartIsDrawnOverlaysToggleAndTheRecommendationIsExplained() {
        page.navigate(url(""));
        expect(page.locator("#instruments table tbody tr").first()).isVisible();
        // AAPL's row: the last close and the day's change of the adjusted closes, from the bundled file's last two
        // rows, and the recommendation's band as its own endpoint gives it
        String[] before = AAPL_LAST_ROWS.get(0).split(",");
        String[] last = AAPL_LAST_ROWS.get(1).split(",");
        double change = (Double.parseDouble(last[5]) / Double.parseDouble(before[5]) - 1) * 100;
        Locator aaplRow =
                page.locator("#instruments tbody tr").filter(new Locator.FilterOptions().setHasText("Apple Inc."));
        expect(aaplRow.locator("td").nth(1))
                .hasText(String.format(java.util.Locale.ROOT, "%.2f", Double.parseDouble(last[4])));
        expect(aaplRow.locator("td").nth(2))
                .containsText(String.format(java.util.Locale.ROOT, "%.2f", Math.abs(change)));
        expect(aaplRow.locator("td").nth(2)).hasClass(Pattern.compile(change < 0 ? "down" : "up"));
        String band = new HttpTestClient(port)
                .get("/api/v1/instruments/AAPL/recommendation")
                .json()
                .get("band")
                .asString();
        expect(aaplRow.locator("td").nth(3).locator(".band"))
                .hasClass(Pattern.compile(
                        "band-" + band.toLowerCase(java.util.Locale.ROOT).replace('_', '-')));
        // and the technical rating's verdict, as /technicals gives it
        String verdict = new HttpTestClient(port)
                .get("/api/v1/instruments/AAPL/technicals")
                .json()
                .get("verdict")
                .asString();
        expect(aaplRow.locator("td").nth(4).locator(".band"))
                .hasClass(Pattern.compile(
                        "band-" + verdict.toLowerCase(java.util.Locale.ROOT).replace('_', '-')));
        screenshot(page, "home");

        Locator input = page.getByRole(AriaRole.COMBOBOX);
        expect(input).hasAttribute("aria-expanded", "false");
        input.pressSequentially("apple");
        Locator aapl = page.getByRole(AriaRole.OPTION).filter(new Locator.FilterOptions().setHasText("AAPL"));
        expect(aapl).isVisible();
        expect(input).hasAttribute("aria-expanded", "true");
        input.press("ArrowDown");
        expect(aapl).hasAttribute("aria-selected", "true");
        expect(input).hasAttribute("aria-activedescendant", aapl.getAttribute("id"));
        input.press("Enter");

        page.waitForURL(Pattern.compile(".*#/stock/AAPL.*"));
        expect(page.locator("h1")).containsText("Apple Inc.");
        Locator chart = page.locator("#price-chart");
        expect(chart).hasAttribute("data-ready", "true");
        assertThat(ink(page, "#price-chart")).as("share of drawn pixels").isGreaterThan(0.02);
        expect(page.locator(".headline .card")).not().hasCount(0);
        expect(page.locator("#statistics .card")).hasCount(6);
        expect(page.locator("#statistics")).containsText("Beta vs S&P 500");

        // the tooltip's markup must pass the CSP (no style attributes): hover shows it, the checks below see no
        // violation
        chart.hover(new Locator.HoverOptions().setPosition(600, 200));
        expect(page.locator(".chart-tooltip").first()).containsText("Close");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(BrowserSupport.screenshots().resolve("stock-tooltip.png"))
                .setClip(0, 0, 1280, 900));

        expect(chart).not().hasAttribute("data-series", Pattern.compile("EMA 20"));
        page.getByLabel("EMA 20").check();
        expect(chart).hasAttribute("data-series", Pattern.compile("EMA 20"));
        page.getByLabel("Bollinger 20, 2").check();
        page.getByLabel("MACD 12/26/9").check();
        expect(chart).hasAttribute("data-series", Pattern.compile("Bollinger upper.*MACD"));
        page.waitForURL(Pattern.compile(".*ema=1.*"));

        Locator reasons = page.locator("#recommendation table.reasons tbody tr");
        expect(reasons.first()).isVisible();
        assertThat(reasons.count()).isGreaterThanOrEqualTo(5);
        expect(page.locator("#rec-band")).hasText(Pattern.compile("Buy|Sell|Hold"));
        expect(reasons.first()).containsText("200-day");

        expect(page.locator("#equity-chart canvas")).isVisible();
        expect(page.locator("#backtest table.calibration tbody tr")).hasCount(5);

        // the technical rating: the API's verdicts on the three cards, and every vote with its rule on request
        JsonNode technicals = new HttpTestClient(port)
                .get("/api/v1/instruments/AAPL/technicals")
                .json();
        expect(page.locator("#tech-summary .band"))
                .hasClass(Pattern.compile("band-"
                        + technicals
                                .get("verdict")
                                .asString()
                                .toLowerCase(java.util.Locale.ROOT)
                                .replace('_', '-')));
        expect(page.locator("#tech-summary"))
                .containsText("buy " + technicals.get("buy").asInt() + " · neutral "
                        + technicals.get("neutral").asInt() + " · sell "
                        + technicals.get("sell").asInt());
        expect(page.locator("#tech-oscillators .band")).isVisible();
        page.locator("#technicals details summary").click();
        expect(page.locator("#technicals table.votes tbody tr")).hasCount(26);
        expect(page.locator("#tech-calibration table.calibration tbody tr")).hasCount(5);
        expect(page.locator("#tech-calibration")).containsText("60 days avg (median)");
        expect(page.locator("#tech-backtest table tbody tr")).hasCount(2);
        expect(page.locator("#tech-backtest"))
                .containsText(technicals.at("/backtest/trades").asInt() + " trades, "
                        + technicals.at("/backtest/roundTrips").asInt() + " round trips");
        expect(page.locator("#technicals table.votes").first()).containsText("below 30 and rising");
        // the weekly rating: the API's, on 261 weekly bars
        JsonNode weekly = new HttpTestClient(port)
                .get("/api/v1/instruments/AAPL/technicals?interval=weekly")
                .json();
        page.selectOption("#tech-interval", "weekly");
        expect(page.locator("#technicals")).containsText("(weekly bars)");
        expect(page.locator("#tech-calibration")).containsText("60 weeks avg (median)");
        expect(page.locator("#tech-backtest"))
                .containsText(weekly.at("/backtest/trades").asInt() + " trades, ");
        expect(page.locator("#tech-summary"))
                .containsText("buy " + weekly.get("buy").asInt() + " · neutral "
                        + weekly.get("neutral").asInt() + " · sell "
                        + weekly.get("sell").asInt());
        assertThat(ink(page, "#equity-chart")).isGreaterThan(0.005);

        // your own rule: RSI below 40 buys, above 60 sells; the figures are the API's for the same rule
        page.fill("#rule-buy", "rsi_14<40");
        page.fill("#rule-sell", "rsi_14>60");
        JsonNode rule = runRule("");
        expect(page.locator("#rule-result")).containsText("Buy when rsi_14<40; sell when rsi_14>60.");
        expect(page.locator("#rule-result")).containsText(rule.get("trades").asInt() + " trades");
        expect(page.locator("#rule-result table").first().locator("tbody tr")).hasCount(2);
        expect(page.locator("#rule-result table").first().locator("tbody tr").nth(1))
                .containsText(rule.at("/buyAndHold/maxDrawdownPeak").asString() + " → "
                        + rule.at("/buyAndHold/maxDrawdownTrough").asString());
        expect(page.locator("#rule-equity-chart canvas").first()).isVisible();
        assertThat(ink(page, "#rule-equity-chart")).isGreaterThan(0.005);
        screenshot(page, "stock-strategy");
        // a 5 % stop loss: the API's figures for the same rule with stopLoss=0.05
        page.fill("#rule-stop", "5");
        JsonNode stopped = runRule("&stopLoss=0.05");
        expect(page.locator("#rule-result")).containsText(stopped.get("trades").asInt() + " trades, hit rate");
        // … re-entering only on a new signal after a stop
        page.selectOption("#rule-after", "new_signal");
        JsonNode waited = runRule("&stopLoss=0.05&afterStop=new_signal");
        expect(page.locator("#rule-result")).containsText(waited.get("trades").asInt() + " trades, hit rate");
        // … on weekly bars
        page.selectOption("#rule-interval", "weekly");
        JsonNode weeklyRule = runRule("&stopLoss=0.05&afterStop=new_signal&interval=weekly");
        expect(page.locator("#rule-result")).containsText("weekly bars");
        expect(page.locator("#rule-result"))
                .containsText(weeklyRule.get("trades").asInt() + " trades, hit rate");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("5Y"))
                .click();
        expect(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("5Y")))
                .hasAttribute("aria-pressed", "true");
        expect(page.locator(".chart-status")).containsText("2013-05-13");
        expect(chart).hasAttribute("data-ready", "true");
        page.locator("details.numbers summary").click();
        expect(page.locator("details.numbers table tbody tr")).hasCount(20);
        // One set of prices on the page: the RSI of the last bar in the chart's table is the card's and the
        // recommendation's (adjusted closes; 70.75 for AAPL on 2018-05-11, 69.24 on the quoted closes).
        expect(page.locator(".chart-status")).containsText("prices scaled by the data's adjusted close");
        double rsi = new HttpTestClient(port)
                .get("/api/v1/instruments/AAPL/report")
                .json()
                .at("/indicators/rsi14")
                .asDouble();
        expect(page.locator("details.numbers table tbody tr").first())
                .containsText(String.format(java.util.Locale.ROOT, "%.2f", rsi));
        expect(page.locator("#recommendation table.reasons"))
                .containsText(String.format(java.util.Locale.ROOT, "RSI %.1f:", rsi));
        screenshot(page, "stock-aapl");

        // weekly candles: one per ISO week of the file, the last week's RSI the API's weekly RSI
        long weeks = io.qnt9.srs.ReferenceCsv.read("aapl.csv").stream()
                .map(r -> r.date().get(java.time.temporal.IsoFields.WEEK_BASED_YEAR) * 100
                        + r.date().get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR))
                .distinct()
                .count();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Weekly bars"))
                .click();
        expect(page.locator(".chart-status")).containsText(weeks + " weekly bars");
        expect(chart).hasAttribute("data-ready", "true");
        assertThat(page.url()).contains("iv=weekly");
        double weeklyRsi = new HttpTestClient(port)
                .get(
                        "/api/v1/instruments/AAPL/indicators?names=rsi:14&prices=adjusted&interval=weekly&start=2018-05-07")
                .json()
                .at("/columns/rsi_14/0")
                .asDouble();
        expect(page.locator("details.numbers table tbody tr").first())
                .containsText(String.format(java.util.Locale.ROOT, "%.2f", weeklyRsi));
        screenshot(page, "stock-aapl-weekly");
    }

    /**
     * Runs the stock page's rule form (buy rsi_14<40, sell rsi_14>60, 5 bps, long/flat, plus what the form was set to)
     * and returns the API's answer for the same rule with {@code more} query parameters.
     */
    private JsonNode runRule(String more) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Run"))
                .click();
        return new HttpTestClient(port)
                .get("/api/v1/instruments/AAPL/strategy?buy=rsi_14%3C40&sell=rsi_14%3E60&costBps=5&mode=long_flat"
                        + more)
                .json();
    }

    @Test
    void moreIndicatorsComeFromTheCatalogueAreCheckedByTheApiAndStayInTheLink() {
        page.navigate(url("#/stock/MSFT"));
        Locator chart = page.locator("#price-chart");
        expect(chart).hasAttribute("data-ready", "true");
        // the bundled MSFT file has no adjusted close (no dividend in its year): the caption does not claim one
        expect(page.locator(".chart-status")).containsText("prices as stored");
        Locator chips = page.locator(".indicator-picker .chips li");
        expect(chips).hasCount(0);

        // a channel in price units goes over the candles, with the catalogue's default parameters
        page.selectOption("#indicator-name", "donchian");
        expect(page.locator("#indicator-params")).hasValue("20");
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Add").setExact(true))
                .click();
        expect(chips).hasText(new String[] {"donchian:20×"});
        expect(chart).hasAttribute("data-series", Pattern.compile("donchian_upper_20.*donchian_lower_20"));

        // a parameter out of range is the API's problem detail, and nothing is added
        problems.expect(e -> e.contains("status of 400") && e.contains("names=cci%3A0"));
        page.selectOption("#indicator-name", "cci");
        page.fill("#indicator-params", "0");
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Add").setExact(true))
                .click();
        expect(page.locator(".indicator-picker .alert")).containsText("cci parameter 'period' must be");
        expect(chips).hasCount(1);

        // an oscillator gets a pane of its own; its last value is the API's
        page.fill("#indicator-params", "14");
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Add").setExact(true))
                .click();
        expect(chips).hasCount(2);
        expect(chart).hasAttribute("data-series", Pattern.compile("cci_14"));
        page.waitForURL(Pattern.compile(".*ind=donchian%3A20%2Ccci%3A14.*"));
        JsonNode api = new HttpTestClient(port)
                .get("/api/v1/instruments/MSFT/indicators?names=cci:14&prices=adjusted")
                .json();
        JsonNode cci = api.at("/columns/cci_14");
        page.locator("details.numbers summary").click();
        expect(page.locator("details.numbers table thead")).containsText("cci_14");
        expect(page.locator("details.numbers table tbody tr").first())
                .containsText(String.format(
                        java.util.Locale.ROOT, "%.2f", cci.get(cci.size() - 1).asDouble()));
        screenshot(page, "stock-more-indicators");

        // the link keeps them; removing one takes it off the chart
        page.reload();
        expect(chart).hasAttribute("data-ready", "true");
        expect(chips).hasCount(2);
        page.getByLabel("Remove cci:14").click();
        expect(chips).hasCount(1);
        expect(chart).not().hasAttribute("data-series", Pattern.compile("cci_14"));
        expect(chart).hasAttribute("data-series", Pattern.compile("donchian_upper_20"));

        // the technical rating over time, an indicator without parameters, in a pane of its own
        page.selectOption("#indicator-name", "techrating");
        expect(page.locator("#indicator-params")).hasValue("");
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Add").setExact(true))
                .click();
        expect(chips).hasText(new String[] {"donchian:20×", "techrating×"});
        expect(chart).hasAttribute("data-series", Pattern.compile("techrating_oscillators.*techrating_ma"));
        screenshot(page, "stock-techrating");
    }

    @Test
    void aLinkWithHandWrittenIndicatorsIsSpelledOutAndABadOneIsExplainedNotFatal() {
        // "cci" means cci:20 (the catalogue's default); "nonsense:3" and "rsi:0" are refused by the API, with its
        // reasons on the page, while the valid ones and the chart's own indicators still draw
        problems.expect(e -> e.contains("status of 400") && e.contains("names=nonsense%3A3"));
        problems.expect(e -> e.contains("status of 400") && e.contains("names=rsi%3A0"));
        page.navigate(url("#/stock/MSFT?ind=cci,nonsense:3,rsi:0,donchian:20"));
        Locator chart = page.locator("#price-chart");
        expect(chart).hasAttribute("data-ready", "true");
        Locator chips = page.locator(".indicator-picker .chips li");
        expect(chips).hasText(new String[] {"cci:20×", "donchian:20×"});
        expect(chart).hasAttribute("data-series", Pattern.compile("RSI 14.*cci_20|cci_20.*RSI 14"));
        expect(chart).hasAttribute("data-series", Pattern.compile("donchian_upper_20"));
        Locator refused = page.locator(".indicator-picker .alert li");
        expect(refused).hasCount(2);
        expect(refused.first()).containsText("nonsense:3");
        expect(refused.first()).containsText("unknown indicator");
        expect(refused.nth(1)).containsText("rsi parameter 'period' must be");
        // the link now says what the chart shows
        page.waitForURL(Pattern.compile(".*ind=cci%3A20%2Cdonchian%3A20(&.*)?$"));

        // the value drawn is the API's cci:20
        JsonNode cci = new HttpTestClient(port)
                .get("/api/v1/instruments/MSFT/indicators?names=cci:20&prices=adjusted")
                .json()
                .at("/columns/cci_20");
        page.locator("details.numbers summary").click();
        expect(page.locator("details.numbers table tbody tr").first())
                .containsText(String.format(
                        java.util.Locale.ROOT, "%.2f", cci.get(cci.size() - 1).asDouble()));
    }

    @Test
    void theScreenerFindsInstrumentsByConditionsAndExplainsABadOne() {
        page.navigate(url(""));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Screener"))
                .click();
        expect(page.locator("h1")).hasText("Screener");
        expect(page.locator("#screen-results")).containsText("instruments meet rsi_14<70 and close>sma_200");

        page.fill("#screen-where", "close>0\nrsi_14>=0");
        page.selectOption("#screen-kind", "STOCK");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Screen"))
                .click();
        Locator aapl = page.locator("#screen-results tbody tr").filter(new Locator.FilterOptions().setHasText("AAPL"));
        expect(aapl).hasCount(1);
        expect(page.locator("#screen-results tbody")).not().containsText("SPX");
        JsonNode report =
                new HttpTestClient(port).get("/api/v1/instruments/AAPL/report").json();
        expect(aapl).containsText(report.get("asOf").asString());
        expect(aapl)
                .containsText(String.format(
                        java.util.Locale.ROOT, "%.2f", report.get("lastPrice").asDouble()));
        page.waitForURL(Pattern.compile(".*where=close%3E0&where=rsi_14%3E%3D0&kind=STOCK.*"));
        screenshot(page, "screener");

        // on weekly bars: AAPL's weekly RSI, as the indicator API computes it on quoted weekly bars
        page.selectOption("#screen-interval", "weekly");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Screen"))
                .click();
        expect(page.locator("#screen-results")).containsText("on weekly bars");
        double weeklyRsi = new HttpTestClient(port)
                .get("/api/v1/instruments/AAPL/indicators?names=rsi:14&interval=weekly&start="
                        + report.get("asOf").asString())
                .json()
                .at("/columns/rsi_14/0")
                .asDouble();
        expect(aapl).containsText(String.format(java.util.Locale.ROOT, "%.2f", weeklyRsi));

        problems.expect(e -> e.contains("status of 400"));
        page.fill("#screen-where", "price>10");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Screen"))
                .click();
        expect(page.getByRole(AriaRole.ALERT)).containsText("'price' is not a number, a bar field");
    }

    @Test
    void escapeClosesTheSuggestionsAndAnUnknownSymbolShowsTheProblemDetail() {
        page.navigate(url(""));
        Locator input = page.getByRole(AriaRole.COMBOBOX);
        input.pressSequentially("micro");
        expect(page.getByRole(AriaRole.LISTBOX)).isVisible();
        input.press("Escape");
        expect(page.getByRole(AriaRole.LISTBOX)).isHidden();
        expect(input).hasAttribute("aria-expanded", "false");

        problems.expect(e -> e.contains("status of 404"));
        page.navigate(url("#/stock/NOSUCH"));
        expect(page.getByRole(AriaRole.ALERT)).containsText("No instrument with symbol 'NOSUCH'");
    }

    @Test
    void aRateLimitedCallShowsTheProblemDetailAndTheWait() {
        // The test profile lifts the limits, so the 429 (exactly as RateLimitFilter sends it) is served by the browser.
        page.route(
                "**/api/v1/recommendations**",
                r -> r.fulfill(new Route.FulfillOptions()
                        .setStatus(429)
                        .setHeaders(Map.of("Content-Type", "application/problem+json", "Retry-After", "17"))
                        .setBody("{\"type\":\"https://qnt9.io/problems/rate-limited\",\"title\":\"Too many requests\","
                                + "\"status\":429,\"detail\":\"Rate limit of 120 requests a minute exceeded.\"}")));
        problems.expect(e -> e.contains("status of 429"));
        page.navigate(url("#/ranking"));
        Locator alert = page.getByRole(AriaRole.ALERT);
        expect(alert).containsText("Rate limit of 120 requests a minute exceeded.");
        expect(alert).containsText("wait 17 s");
    }

    @Test
    void comparesTwoStocksWithANormalisedChartAndAStatisticsTable() {
        page.navigate(url("#/compare"));
        expect(page.locator(".empty-state")).containsText("Choose two");
        Locator symbol = page.getByLabel("Add an instrument (up to 5)");
        symbol.fill("AAPL");
        symbol.press("Enter");
        expect(page.locator(".empty-state")).containsText("Choose two");
        symbol.fill("spx");
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Add").setExact(true))
                .click();
        expect(page.locator("#compare-chart")).hasAttribute("data-ready", "true");
        assertThat(ink(page, "#compare-chart")).isGreaterThan(0.01);
        Locator rows = page.locator("table.compare-stats tbody tr");
        expect(rows).hasCount(2);
        expect(rows.nth(0)).containsText("AAPL");
        expect(rows.nth(1)).containsText("SPX");
        expect(page.locator("#compare-results")).containsText("Common period 2013-05-13");
        page.waitForURL(Pattern.compile(".*s=AAPL%2CSPX.*"));
        // the correlation table: the API's figure over the common period, 1 on the diagonal
        double correlation = new HttpTestClient(port)
                .get("/api/v1/correlations?symbols=AAPL,SPX&start=2013-05-13&end=2018-05-11")
                .json()
                .at("/matrix/0/1")
                .asDouble();
        Locator corr = page.locator("table.compare-correlations tbody tr");
        expect(corr).hasCount(2);
        expect(corr.nth(0).locator("td").nth(0)).hasText("1.00");
        expect(corr.nth(0).locator("td").nth(1)).hasText(String.format(java.util.Locale.ROOT, "%.2f", correlation));
        expect(corr.nth(1).locator("td").nth(0)).hasText(String.format(java.util.Locale.ROOT, "%.2f", correlation));

        // the two as a 60/40 portfolio, rebalanced monthly: the API's figures over the common period
        JsonNode portfolio = new HttpTestClient(port)
                .get("/api/v1/portfolio?holdings=AAPL:60,SPX:40&rebalance=monthly&start=2013-05-13&end=2018-05-11")
                .json();
        page.fill("#weight-AAPL", "60");
        page.fill("#weight-SPX", "40");
        page.selectOption("#portfolio-rebalance", "monthly");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Simulate"))
                .click();
        expect(page.locator("#portfolio-chart")).hasAttribute("data-ready", "true");
        expect(page.locator("#portfolio-result .card").first())
                .containsText(String.format(
                        java.util.Locale.ROOT,
                        "%+.1f %%",
                        100 * portfolio.at("/statistics/totalReturn").asDouble()));
        Locator holdings = page.locator("table.portfolio-holdings tbody tr");
        expect(holdings).hasCount(2);
        expect(holdings.nth(0)).containsText("60.0 %");
        expect(page.locator("#portfolio-result"))
                .containsText("rebalanced " + portfolio.get("rebalances").asInt() + " times");
        assertThat(ink(page, "#portfolio-chart")).isGreaterThan(0.01);
        expect(page.locator("#portfolio-chart")).hasAttribute("data-series", "Portfolio|SPX");
        screenshot(page, "compare");
        // the link keeps the portfolio: a reload simulates it again
        page.waitForURL(Pattern.compile(".*s=AAPL%2CSPX&w=60%2C40&rb=monthly$"));
        page.reload();
        expect(page.locator("#portfolio-chart")).hasAttribute("data-ready", "true");
        expect(page.locator("#weight-AAPL")).hasValue("60");
        expect(page.locator("#portfolio-rebalance")).hasValue("monthly");
        expect(page.locator("#portfolio-result"))
                .containsText("rebalanced " + portfolio.get("rebalances").asInt() + " times");

        // a weight of 0 is the API's problem detail
        problems.expect(e -> e.contains("status of 400") && e.contains("/api/v1/portfolio"));
        page.fill("#weight-SPX", "0");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Simulate"))
                .click();
        expect(page.locator("#portfolio-result .alert"))
                .containsText("The weight of SPX must be a number greater than 0");

        symbol.fill("MSFT");
        symbol.press("Enter");
        expect(rows).hasCount(3);
        // MSFT's year (2000-2001) shares no date with AAPL's: a time axis, so that the 12 years between are seen
        expect(page.locator("#compare-results")).containsText("no period in common");
        expect(page.locator("#compare-chart")).hasAttribute("data-axis", "time");
        assertThat(ink(page, "#compare-chart")).isGreaterThan(0.01);
        expect(corr).hasCount(3);
        expect(corr.nth(0).locator("td").nth(2)).hasText("—");
        expect(page.locator("#compare-correlations")).containsText("No correlation for AAPL/MSFT");
        screenshot(page, "compare-disjoint");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove MSFT"))
                .click();
        expect(rows).hasCount(2);
        expect(page.locator("#compare-chart")).hasAttribute("data-axis", "category");
        symbol.fill("NOSUCH");
        symbol.press("Enter");
        expect(page.getByRole(AriaRole.ALERT)).containsText("No instrument with symbol 'NOSUCH'");
    }

    @Test
    void theRankingListsTheUniverseAndFiltersByBand() {
        page.navigate(url("#/ranking"));
        Locator rows = page.locator("table.ranking tbody tr");
        expect(rows.first()).isVisible();
        int all = rows.count();
        assertThat(all).isGreaterThanOrEqualTo(4);
        screenshot(page, "ranking");

        Response api = new HttpTestClient(port).get("/api/v1/recommendations?band=STRONG_SELL");
        int strongSells = api.json().get("total").asInt();
        assertThat(strongSells).isPositive().isLessThan(all);

        page.locator("#filter-band").selectOption("STRONG_SELL");
        expect(rows).hasCount(strongSells);
        for (Locator band : page.locator("table.ranking tbody .band").all()) {
            expect(band).hasText("Strong Sell");
        }
        page.waitForURL(Pattern.compile(".*band=STRONG_SELL.*"));
        page.locator("#filter-band").selectOption("");
        expect(rows).hasCount(all);
    }

    @Test
    void aNewUserKeepsAWatchlistAcrossReloadsAndCanEditAndDeleteIt() {
        String email = "browser-" + UUID.randomUUID() + "@test.qnt9.io";
        page.navigate(url("#/account"));
        page.locator("#signup-email").fill(email);
        page.locator("#signup-password").fill(TestAccounts.USER_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create an account"))
                .click();
        page.waitForURL(Pattern.compile(".*#/watchlists"));
        expect(page.locator("#nav-account")).hasText("Account");

        page.getByLabel("New list").fill("Tech");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create list"))
                .click();
        Locator list = page.locator("section.watchlist[data-list='Tech']");
        expect(list).isVisible();
        list.getByLabel("Add symbol").fill("aapl");
        list.getByLabel("Target price").fill("200");
        list.getByLabel("Note").fill("core holding");
        list.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add"))
                .click();
        list = page.locator("section.watchlist[data-list='Tech']");
        expect(list.locator("tbody tr")).hasCount(1);
        expect(list.locator("tbody tr")).containsText("AAPL");
        expect(list.locator("tbody tr")).containsText("188.59");
        // 200 / 188.589996 − 1 = 6.05 %
        expect(list.locator("tbody tr")).containsText("200.00 (+6.1 % to go)");
        expect(list.locator("tbody tr")).containsText("core holding");
        // the technical rating's verdict, as the API gives it for AAPL
        String verdict = new HttpTestClient(port)
                .get("/api/v1/instruments/AAPL/technicals")
                .json()
                .get("verdict")
                .asString();
        Locator bands = list.locator("tbody tr .band"); // the recommendation's, then the technical rating's
        expect(bands).hasCount(2);
        expect(bands.nth(1))
                .hasClass(Pattern.compile(
                        "band-" + verdict.toLowerCase(java.util.Locale.ROOT).replace('_', '-')));
        screenshot(page, "watchlists");

        page.reload();
        list = page.locator("section.watchlist[data-list='Tech']");
        expect(list.locator("tbody tr")).hasCount(1);
        expect(list.locator("tbody tr")).containsText("AAPL");

        list.getByLabel("Add symbol").fill("MSFT");
        list.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add"))
                .click();
        list = page.locator("section.watchlist[data-list='Tech']");
        expect(list.locator("tbody tr")).hasCount(2);
        // two instruments: a link to compare them, with them chosen
        list.getByRole(
                        AriaRole.LINK,
                        new Locator.GetByRoleOptions().setName("Compare them and simulate them as a portfolio"))
                .click();
        // the link's comma, or the page's own rewrite of it (%2C) if that came first
        page.waitForURL(Pattern.compile(".*#/compare\\?s=AAPL(,|%2C)MSFT"));
        expect(page.locator("#compare-results")).containsText("no period in common");
        expect(page.locator("#weight-AAPL")).isVisible();
        page.goBack();
        list = page.locator("section.watchlist[data-list='Tech']");
        list.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Remove MSFT from Tech"))
                .click();
        list = page.locator("section.watchlist[data-list='Tech']");
        expect(list.locator("tbody tr")).hasCount(1);

        page.onDialog(d -> d.accept());
        list.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete list Tech"))
                .click();
        expect(page.locator("#watchlists .empty-state")).containsText("No lists yet");

        page.navigate(url("#/account"));
        expect(page.locator("#account-email")).hasText(email);
        screenshot(page, "account");
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Sign out").setExact(true))
                .click();
        expect(page.locator("#nav-account")).hasText("Sign in");
        page.reload();
        expect(page.locator("#signin-form")).isVisible();
    }

    @Test
    void aUserCreatesAnApiKeyThatWorksUntilRevokedAndChangesThePassword() {
        HttpTestClient http = new HttpTestClient(port);
        TestAccounts.SignedUp user = TestAccounts.newUser(http);
        page.navigate(url("#/account"));
        page.locator("#signin-email").fill(user.email());
        page.locator("#signin-password").fill(TestAccounts.USER_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        expect(page.locator("#account-email")).hasText(user.email());
        expect(page.locator("#api-keys")).containsText("No API keys yet.");

        page.getByLabel("Key name").fill("browser script");
        page.getByLabel("Expires after").selectOption("30");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create key"))
                .click();
        Locator shown = page.locator("#new-api-key");
        expect(shown).hasText(Pattern.compile("qnt9_[A-Za-z0-9_-]{43}"));
        String key = shown.textContent();
        Locator copy = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Copy"));
        copy.click();
        // headless: the clipboard may be refused, and the key is then selected for Ctrl+C instead
        expect(page.locator("#api-key-created button.secondary"))
                .hasText(Pattern.compile("Copied|Selected: press Ctrl\\+C"));
        Locator rows = page.locator("table.api-keys tbody tr");
        expect(rows).hasCount(1);
        expect(rows).containsText("browser script");
        expect(rows).containsText(key.substring(0, 11) + "…");
        assertThat(rows.textContent()).doesNotContain(key);
        screenshot(page, "account-api-keys");

        // The key works from outside the browser, as the owner.
        Response me = http.get("/api/v1/auth/me", "X-API-Key", key);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("email").asString()).isEqualTo(user.email());

        page.onDialog(d -> d.accept());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Revoke key browser script"))
                .click();
        expect(page.locator("#api-keys")).containsText("No API keys yet.");
        assertThat(http.get("/api/v1/auth/me", "X-API-Key", key).status()).isEqualTo(401);

        problems.expect(e -> e.contains("status of 400") && e.contains("/api/v1/auth/me/password"));
        page.getByLabel("Current password").fill("not-the-password-at-all");
        page.getByLabel("New password (at least 12 characters)").fill("a-brand-new-password-42");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change password"))
                .click();
        expect(page.locator("#password-form .alert")).containsText("The current password is wrong");
        page.getByLabel("Current password").fill(TestAccounts.USER_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change password"))
                .click();
        expect(page.locator("#password-form .notice")).containsText("Password changed");
        TestAccounts.signIn(http, user.email(), "a-brand-new-password-42");

        // signing out everywhere: this browser's session ends too; signing in again starts a new one
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out everywhere"))
                .click();
        expect(page.locator("#nav-account")).hasText("Sign in");
        page.locator("#signin-email").fill(user.email());
        page.locator("#signin-password").fill("a-brand-new-password-42");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        expect(page.locator("#account-email")).hasText(user.email());

        // deleting the account: the password confirms it, then the account and its sessions are gone
        problems.expect(e -> e.contains("status of 400") && e.contains("/api/v1/auth/me"));
        page.locator("#delete-password").fill("not-the-password-at-all");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete my account"))
                .click();
        expect(page.locator("#delete-form .alert")).containsText("the account was not deleted");
        page.locator("#delete-password").fill("a-brand-new-password-42");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete my account"))
                .click();
        expect(page.locator("#account-deleted")).containsText("Your account was deleted");
        expect(page.locator("#nav-account")).hasText("Sign in");
        assertThat(http.post(
                                "/api/v1/auth/signin",
                                "application/json",
                                TestAccounts.credentials(user.email(), "a-brand-new-password-42"))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void anAdminSeesRowErrorsForABadCsvAndTheNewDataForAGoodOne() {
        String symbol =
                "DSH" + Integer.toString((int) (Math.random() * 46_656), 36).toUpperCase();
        page.navigate(url("#/account"));
        page.locator("#signin-email").fill(TestAccounts.ADMIN_EMAIL);
        page.locator("#signin-password").fill(TestAccounts.ADMIN_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        expect(page.locator("#nav-admin")).isVisible();
        page.locator("#nav-admin").click();
        expect(page.locator("#import-form")).isVisible();

        problems.expect(e -> e.contains("status of 422"));
        page.locator("#import-symbol").fill(symbol);
        page.locator("#import-name").fill("Dashboard Test Corp");
        page.setInputFiles("#import-file", csv("bad.csv", """
                        Date,Open,High,Low,Close,Volume
                        2020-01-02,10,11,9,10.5,1000
                        2020-01-03,10,9,11,10.5,abc
                        not-a-date,1,1,1,1,1
                        """));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload"))
                .click();
        expect(page.getByRole(AriaRole.ALERT)).containsText("nothing was imported");
        Locator errors = page.locator("table.row-errors tbody tr");
        expect(errors).hasCount(3);
        expect(errors.first()).containsText("volume");
        expect(page.locator("table.row-errors")).containsText("Dates must be ISO dates");
        screenshot(page, "admin-rejected");
        HttpTestClient api = new HttpTestClient(port);
        assertThat(api.get("/api/v1/instruments/" + symbol + "/bars").status())
                .as("a rejected import writes nothing")
                .isEqualTo(404);

        // valid but implausible: imported, and the page says what to check
        page.locator("#import-symbol").fill(symbol + "W");
        page.setInputFiles("#import-file", csv("split.csv", """
                        Date,Close
                        2020-01-02,100
                        2020-01-03,25
                        2020-01-04,25.5
                        """));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload"))
                .click();
        expect(page.locator(".notice.success")).containsText("3 new");
        Locator warnings = page.locator(".notice.warning li");
        expect(warnings).hasCount(2);
        expect(warnings.first()).containsText("a split not adjusted for");
        expect(warnings.last()).containsText("Saturday or Sunday");
        screenshot(page, "admin-accepted-with-warnings");
        page.locator("#import-symbol").fill(symbol);

        page.setInputFiles("#import-file", csv("good.csv", """
                        Date,Open,High,Low,Close,Volume
                        2020-01-02,10,11,9,10.5,1000
                        2020-01-03,10.5,11.2,10.1,11.0,1200
                        2020-01-06,11.0,11.5,10.8,11.4,900
                        """));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload"))
                .click();
        expect(page.locator(".notice.success")).containsText(symbol + " (2020-01-02");
        expect(page.locator(".notice.warning")).hasCount(0);
        Locator imported = page.locator("table.imported tbody tr");
        expect(imported).hasCount(3);
        expect(imported.last()).containsText("2020-01-06");
        expect(imported.last()).containsText("11.40");
        screenshot(page, "admin-accepted");
        assertThat(api.get("/api/v1/instruments/" + symbol + "/bars")
                        .json()
                        .get("count")
                        .asInt())
                .isEqualTo(3);

        // The undo: the weekend bar of the implausible import, then that whole instrument.
        page.onDialog(d -> d.accept());
        page.locator("#delete-symbol").fill(symbol + "W");
        page.locator("#delete-start").fill("2020-01-04");
        page.locator("#delete-end").fill("2020-01-04");
        page.locator("#delete-form button").click();
        expect(page.locator("#delete-result .notice.success"))
                .containsText("1 bar of " + symbol + "W; 2 left (2020-01-02 … 2020-01-03).");
        page.locator("#delete-start").fill("");
        page.locator("#delete-end").fill("");
        page.locator("#delete-form button").click();
        expect(page.locator("#delete-result .notice.success")).containsText(symbol + "W and its 2 bars.");
        screenshot(page, "admin-deleted");
        assertThat(api.get("/api/v1/instruments/" + symbol + "W").status()).isEqualTo(404);

        // three bars are too few for most analytics: the stock page still draws them and explains the rest
        problems.expect(e -> e.matches(".*status of 4\\d\\d.*"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Open " + symbol))
                .click();
        expect(page.locator("h1")).containsText("Dashboard Test Corp");
        expect(page.locator("#price-chart")).hasAttribute("data-ready", "true");
        expect(page.locator(".headline .card").first()).isVisible();
        screenshot(page, "stock-new-import");
    }

    @Test
    void everyPageFitsAPhoneWithoutHorizontalScrolling() {
        context.close();
        pages.clear();
        context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(390, 844)
                .setIsMobile(true)
                .setHasTouch(true));
        context.setDefaultTimeout(20_000);
        page = newPage();
        String[][] routes = {
            {"", "#instruments table"},
            {"#/stock/AAPL", "#price-chart[data-ready='true']"},
            {"#/compare?s=AAPL,SPX", "#compare-chart[data-ready='true']"},
            {"#/ranking", "table.ranking"},
            {"#/screener?where=close%3E0&where=rsi_14%3E%3D0", "table.screen"},
            {"#/stock/MSFT?ind=ichimoku%3A9%3A26%3A52,supertrend%3A10%3A3,cci%3A20", "#price-chart[data-ready='true']"},
            {"#/account", "#signup-form"},
            {"#/watchlists", "main .panel"},
            {"#/admin", "main .panel"},
        };
        for (String[] route : routes) {
            page.navigate(url(route[0]));
            expect(page.locator(route[1]).first()).isVisible();
            if (route[0].startsWith("#/stock")) {
                expect(page.locator("#recommendation table.reasons")).isVisible();
                expect(page.locator("#equity-chart canvas")).isVisible();
                expect(page.locator("#tech-summary .band")).isVisible();
                assertThat(ink(page, "#price-chart")).isGreaterThan(0.02);
            }
            String slug = route[0].replaceAll("^#/|[?].*$", "").replace('/', '-');
            String name = "phone-" + (slug.isEmpty() ? "home" : slug);
            screenshot(page, name);
            assertThat((Boolean) page.evaluate(NO_HORIZONTAL_OVERFLOW))
                    .as("horizontal overflow on " + route[0] + " at 390 px")
                    .isTrue();
        }
    }

    private static FilePayload csv(String name, String content) {
        return new FilePayload(name, "text/csv", content.getBytes(StandardCharsets.UTF_8));
    }
}
