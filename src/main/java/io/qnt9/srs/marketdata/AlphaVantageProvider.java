package io.qnt9.srs.marketdata;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Alpha Vantage's {@code TIME_SERIES_DAILY} (JSON), which is as traded (not adjusted for splits), and its {@code
 * SPLITS} list (JSON: {@code {"symbol":…,"data":[{"effective_date":"2024-06-10","split_factor":"10.0000"},…]}}),
 * with which the bars are split-adjusted before they are handed on: a bar dated before a split's effective date has
 * its prices divided by the split's factor and its volume multiplied by it (decimal arithmetic, prices to 16
 * significant digits, volume rounded to a whole share), so the series is in today's shares like Yahoo's {@code
 * Close} and a split is not a −50 % day in every return, indicator and backtest. The split list is asked first (a
 * refresh decides from it how much history it needs), then the dividends, then the bars: three requests per refresh.
 * {@code ALPHAVANTAGE_SPLITS=false} skips the split list (the bars are then stored as traded).
 *
 * <p>The {@code DIVIDENDS} list (JSON, newest first: {@code {"symbol":…,"data":[{"ex_dividend_date":"2024-08-09",
 * "declaration_date":"2024-07-30","record_date":"2024-08-09","payment_date":"2024-09-10","amount":"1.67"},…]}}, any
 * value possibly {@code "None"}) gives the bars an adjusted close, by the multiplicative convention of CRSP and
 * Yahoo's {@code Adj Close}: for a dividend D going ex on E, every bar dated before E has its adjusted close
 * multiplied by {@code 1 − D / C}, C the (split-adjusted) close of the last bar before E; the factors of successive
 * dividends compound, so a return computed from the adjusted closes is the total return. Details:
 *
 * <ul>
 *   <li>Alpha Vantage lists each amount as paid, per share of the day the dividend went ex, not adjusted for later
 *       splits (NVDA's dividend before its 10-for-1 split of 2024-06-10 is listed as 0.04, the one after as 0.01).
 *       The bars are in today's shares, so the amount is divided by the factors of the splits effective after its
 *       ex-date, exactly as the close before it was: D and C are then on the same share basis. Without the split
 *       list ({@code ALPHAVANTAGE_SPLITS=false}) both stay as traded, which is the same basis too.
 *   <li>A dividend adjusts only the bars it covers: one whose ex-date is after the last bar fetched (declared, not
 *       yet gone ex in the data) or that has no bar before it (older than the bars fetched) changes nothing.
 *   <li>Two dividends going ex on the same day (a special one beside the regular one) are added up; an entry listed
 *       twice (every field the same) is counted once, with a logged warning.
 *   <li>An entry without a usable ex-date, or whose amount is {@code "None"}, unreadable or not positive, and a
 *       dividend not smaller than the close before it (it would make the adjusted closes zero or negative), are
 *       left out with a logged warning: the adjusted closes are then too high before it, never an error.
 *   <li>Decimal arithmetic to 16 significant digits, like the split adjustment; a bar after the last dividend has
 *       its close as its adjusted close.
 *   <li>{@code ALPHAVANTAGE_DIVIDENDS=false} skips the request, and the CSV has no {@code adj_close} column, as
 *       before: new bars get their close as adjusted close, and bars a refresh replaces keep their stored adjustment
 *       factor (the importer's rule for a file without that column), which an {@code adj_close} equal to the close
 *       would wipe out.
 * </ul>
 *
 * <p>Alpha Vantage answers most failures with HTTP 200 and a body that says what went wrong; this adapter maps each
 * to a {@link ProviderException}: {@code "Error Message"} about the API key → rejected key, other {@code "Error
 * Message"} → unknown symbol, {@code "Note"} or {@code "Information"} about call frequency or limits → rate limited
 * (Retry-After 60 s; not retried, since the limit may be per day), premium-only → rejected key. Timeouts, connection
 * failures, 429 and 5xx are retried a bounded number of times with exponential backoff. The API key never appears
 * in a log line or an error.
 */
@Component
class AlphaVantageProvider implements MarketDataProvider {

    private static final Logger log = LoggerFactory.getLogger(AlphaVantageProvider.class);
    private static final String SERIES = "Time Series (Daily)";

    private final ProviderProperties properties;
    private final ObjectMapper json;
    /** Created on the first call: the provider is off by default, and a JDK HTTP client costs start-up time. */
    private volatile HttpClient client;

    private final AtomicLong requestsSent = new AtomicLong();

    AlphaVantageProvider(ProviderProperties properties, ObjectMapper json) {
        this.properties = properties;
        this.json = json;
    }

    private HttpClient client() {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                c = client;
                if (c == null) {
                    c = HttpClient.newBuilder()
                            .connectTimeout(properties.connectTimeout())
                            .followRedirects(HttpClient.Redirect.NORMAL)
                            .build();
                    client = c;
                }
            }
        }
        return c;
    }

    @Override
    public String name() {
        return "alphavantage";
    }

    boolean enabled() {
        return properties.enabled();
    }

    @Override
    public int requestsPerRefresh() {
        return 1 + (properties.splits() ? 1 : 0) + (properties.dividends() ? 1 : 0);
    }

    @Override
    public long requestsSent() {
        return requestsSent.get();
    }

    @Override
    public List<Split> splits(String symbol) {
        requireEnabled();
        return properties.splits()
                ? parseSplits(symbol, fetchWithRetries(query("SPLITS", symbol, ""), symbol))
                : List.of();
    }

    @Override
    public List<Dividend> dividends(String symbol) {
        requireEnabled();
        return properties.dividends()
                ? parseDividends(symbol, fetchWithRetries(query("DIVIDENDS", symbol, ""), symbol))
                : List.of();
    }

    @Override
    public String dailyBars(String symbol, boolean full, List<Split> splits, List<Dividend> dividends) {
        requireEnabled();
        String daily = fetchWithRetries(
                query("TIME_SERIES_DAILY", symbol, "&datatype=json&outputsize=" + (full ? "full" : "compact")), symbol);
        return toCsv(symbol, barsByDate(symbol, daily), splits, properties.dividends() ? dividends : null);
    }

    private void requireEnabled() {
        if (!enabled()) {
            throw new ProviderException(
                    ProviderException.Kind.DISABLED,
                    "No live provider is configured; set ALPHAVANTAGE_API_KEY to enable refreshes.");
        }
    }

    private URI query(String function, String symbol, String more) {
        return URI.create(properties.baseUrl().toString().replaceAll("/+$", "") + "/query?function=" + function
                + more + "&symbol=" + URLEncoder.encode(symbol, StandardCharsets.UTF_8)
                + "&apikey=" + URLEncoder.encode(properties.apiKey(), StandardCharsets.UTF_8));
    }

    private String fetchWithRetries(URI uri, String symbol) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(properties.readTimeout())
                .header("Accept", "application/json")
                .GET()
                .build();
        Duration backoff = properties.initialBackoff();
        String lastProblem = null;
        int attempts = Math.max(1, properties.maxAttempts());
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                requestsSent.incrementAndGet();
                HttpResponse<String> response = client().send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status == 200) {
                    return response.body();
                }
                lastProblem = "HTTP " + status;
                if (status != 429 && status < 500) {
                    throw new ProviderException(
                            ProviderException.Kind.BAD_RESPONSE,
                            "Alpha Vantage answered HTTP " + status + " for " + symbol + ".");
                }
            } catch (HttpTimeoutException e) {
                lastProblem = "timed out after " + properties.readTimeout().toMillis() + " ms";
            } catch (IOException e) {
                lastProblem = "connection failed (" + e.getClass().getSimpleName() + ")";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProviderException(
                        ProviderException.Kind.UNAVAILABLE, "Interrupted while calling Alpha Vantage.");
            }
            log.warn("Alpha Vantage call for {} failed (attempt {} of {}): {}", symbol, attempt, attempts, lastProblem);
            if (attempt < attempts) {
                sleep(backoff);
                backoff = backoff.multipliedBy(2);
            }
        }
        throw new ProviderException(
                ProviderException.Kind.UNAVAILABLE,
                "Alpha Vantage did not answer usably for " + symbol + " after " + attempts + " attempts (last: "
                        + lastProblem + ").");
    }

    /** The body as a JSON object, or the provider's own error, limit or premium message as a ProviderException. */
    private JsonNode answer(String symbol, String body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            throw new ProviderException(
                    ProviderException.Kind.BAD_RESPONSE,
                    "Alpha Vantage sent a body that is not JSON for " + symbol + ".");
        }
        if (root == null || !root.isObject()) {
            throw new ProviderException(
                    ProviderException.Kind.BAD_RESPONSE, "Alpha Vantage sent an unexpected answer for " + symbol + ".");
        }
        String error = text(root, "Error Message");
        if (error != null) {
            if (error.toLowerCase(Locale.ROOT).contains("apikey")) {
                throw new ProviderException(
                        ProviderException.Kind.REJECTED_KEY,
                        "Alpha Vantage rejected the API key (ALPHAVANTAGE_API_KEY).");
            }
            throw new ProviderException(
                    ProviderException.Kind.UNKNOWN_SYMBOL, "Alpha Vantage does not know the symbol " + symbol + ".");
        }
        String note = text(root, "Note") != null ? text(root, "Note") : text(root, "Information");
        if (note != null) {
            String n = note.toLowerCase(Locale.ROOT);
            // Rate-limit notes also link to the premium page, so only "premium endpoint" means "not entitled".
            if (n.contains("premium endpoint")) {
                throw new ProviderException(
                        ProviderException.Kind.REJECTED_KEY,
                        "Alpha Vantage says this call needs a premium plan: " + abbreviate(note));
            }
            throw new ProviderException(
                    ProviderException.Kind.RATE_LIMITED,
                    "Alpha Vantage's rate limit was reached; try again later. Provider said: " + abbreviate(note),
                    Duration.ofSeconds(60),
                    null);
        }
        return root;
    }

    /** The daily bars by ISO date, oldest first. */
    Map<String, JsonNode> barsByDate(String symbol, String body) {
        JsonNode series = answer(symbol, body).get(SERIES);
        if (series == null || !series.isObject() || series.isEmpty()) {
            throw new ProviderException(
                    ProviderException.Kind.BAD_RESPONSE,
                    "Alpha Vantage's answer for " + symbol + " has no '" + SERIES + "'.");
        }
        Map<String, JsonNode> byDate = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e : series.properties()) {
            byDate.put(e.getKey(), e.getValue());
        }
        return byDate;
    }

    /**
     * The splits, oldest first. A missing or malformed list is a bad response, never "no splits": bars adjusted for
     * too few splits would be stored without a word.
     */
    List<Split> parseSplits(String symbol, String body) {
        JsonNode data = answer(symbol, body).get("data");
        if (data == null || !data.isArray()) {
            throw new ProviderException(
                    ProviderException.Kind.BAD_RESPONSE,
                    "Alpha Vantage's split list for " + symbol + " has no 'data' array.");
        }
        List<Split> splits = new ArrayList<>();
        for (JsonNode entry : data) {
            String date = entry.isObject() ? text(entry, "effective_date") : null;
            String factor = entry.isObject() ? text(entry, "split_factor") : null;
            try {
                Split split = new Split(LocalDate.parse(date), new BigDecimal(factor));
                if (split.factor().signum() <= 0) {
                    throw new NumberFormatException("not positive");
                }
                splits.add(split);
            } catch (RuntimeException e) { // null, unparsable date or factor, or a factor <= 0
                throw new ProviderException(
                        ProviderException.Kind.BAD_RESPONSE,
                        "Alpha Vantage sent an unusable split for " + symbol + ": "
                                + abbreviate(String.valueOf(entry)));
            }
        }
        splits.sort(Comparator.comparing(Split::effective));
        for (int i = 1; i < splits.size(); i++) {
            if (splits.get(i).effective().equals(splits.get(i - 1).effective())) {
                throw new ProviderException(
                        ProviderException.Kind.BAD_RESPONSE,
                        "Alpha Vantage listed two splits of " + symbol + " on "
                                + splits.get(i).effective() + ".");
            }
        }
        return splits;
    }

    /**
     * The dividends, oldest first. A missing or malformed list is a bad response, never "no dividends" (adjusted
     * closes would be stored too high without a word); a single entry without a usable ex-date or a positive amount
     * (Alpha Vantage writes {@code "None"} for what it does not know) is left out with a logged warning.
     */
    List<Dividend> parseDividends(String symbol, String body) {
        JsonNode data = answer(symbol, body).get("data");
        if (data == null || !data.isArray()) {
            throw new ProviderException(
                    ProviderException.Kind.BAD_RESPONSE,
                    "Alpha Vantage's dividend list for " + symbol + " has no 'data' array.");
        }
        List<Dividend> dividends = new ArrayList<>();
        Set<Map<String, String>> listed = new HashSet<>();
        for (JsonNode entry : data) {
            if (!entry.isObject()) {
                throw new ProviderException(
                        ProviderException.Kind.BAD_RESPONSE,
                        "Alpha Vantage sent an unusable dividend for " + symbol + ": "
                                + abbreviate(String.valueOf(entry)));
            }
            if (!listed.add(fields(entry))) {
                // The same dividend listed twice (every field equal): paid once. Two entries of one ex-date that
                // differ (a special dividend beside the regular one) are two dividends, added up in toCsv.
                log.warn(
                        "Alpha Vantage lists a dividend of {} twice; counted once: {}",
                        symbol,
                        abbreviate(String.valueOf(entry)));
                continue;
            }
            Dividend dividend;
            try {
                dividend = new Dividend(
                        LocalDate.parse(text(entry, "ex_dividend_date")), new BigDecimal(text(entry, "amount")));
            } catch (RuntimeException e) { // null, "None", an unparsable date or amount
                dividend = null;
            }
            if (dividend == null || dividend.amount().signum() <= 0) {
                log.warn(
                        "Alpha Vantage lists a dividend of {} without a usable ex-date or a positive amount;"
                                + " ignored: {}",
                        symbol,
                        abbreviate(String.valueOf(entry)));
                continue;
            }
            dividends.add(dividend);
        }
        dividends.sort(Comparator.comparing(Dividend::exDate));
        return dividends;
    }

    /**
     * The bars as importer CSV, split-adjusted: prices ÷ and volume × the product of the factors of every split
     * effective after the bar's date; and the adjusted close for the dividends (see the class comment), or no {@code
     * adj_close} column when {@code dividends} is null (not asked). A bar after the last split is written exactly as
     * the provider sent it, and its adjusted close is its close as written when no dividend went ex after it.
     */
    static String toCsv(String symbol, Map<String, JsonNode> byDate, List<Split> splits, List<Dividend> dividends) {
        int n = byDate.size();
        LocalDate[] days = new LocalDate[n];
        String[][] rows = new String[n][];
        int i = 0;
        for (Map.Entry<String, JsonNode> e : byDate.entrySet()) { // oldest first
            days[i] = parseDate(e.getKey());
            BigDecimal factor = splitFactorAfter(splits, days[i]);
            JsonNode bar = e.getValue();
            rows[i] = new String[] {
                e.getKey(),
                adjusted(field(bar, "1. open"), factor, false),
                adjusted(field(bar, "2. high"), factor, false),
                adjusted(field(bar, "3. low"), factor, false),
                adjusted(field(bar, "4. close"), factor, false),
                adjusted(field(bar, "5. volume"), factor, true)
            };
            i++;
        }
        BigDecimal[] closes = new BigDecimal[n];
        for (int k = 0; k < n; k++) {
            closes[k] = number(rows[k][4]);
        }
        BigDecimal[] dividendFactors =
                dividends == null ? null : dividendFactors(symbol, days, closes, splits, dividends);
        StringBuilder csv = new StringBuilder(n * 80);
        csv.append(
                dividends == null
                        ? "date,open,high,low,close,volume\n"
                        : "date,open,high,low,close,adj_close,volume\n");
        for (int k = 0; k < n; k++) {
            String[] row = rows[k];
            String close = row[4];
            String adjClose =
                    dividendFactors == null || dividendFactors[k].compareTo(BigDecimal.ONE) == 0 || closes[k] == null
                            ? close
                            : closes[k]
                                    .multiply(dividendFactors[k], MathContext.DECIMAL64)
                                    .stripTrailingZeros()
                                    .toPlainString();
            csv.append(row[0]).append(',').append(row[1]).append(',').append(row[2]);
            csv.append(',').append(row[3]).append(',').append(close);
            if (dividendFactors != null) {
                csv.append(',').append(adjClose);
            }
            csv.append(',').append(row[5]).append('\n');
        }
        return csv.toString();
    }

    /** The product of the factors of the splits effective after {@code day}: what a price of that day is ÷ by. */
    private static BigDecimal splitFactorAfter(List<Split> splits, LocalDate day) {
        BigDecimal factor = BigDecimal.ONE;
        for (Split split : splits) {
            if (split.effective().isAfter(day)) {
                factor = factor.multiply(split.factor());
            }
        }
        return factor;
    }

    /**
     * Per bar (oldest first), the product of {@code 1 − D / C} over the dividends that went ex after it and not after
     * the last bar, D in today's shares and C the close of the last bar before the ex-date ({@code closes}, already
     * split-adjusted); 1 for a bar without any.
     */
    private static BigDecimal[] dividendFactors(
            String symbol, LocalDate[] days, BigDecimal[] closes, List<Split> splits, List<Dividend> dividends) {
        int n = days.length;
        BigDecimal[] factors = new BigDecimal[n];
        Arrays.fill(factors, BigDecimal.ONE);
        if (n == 0 || dividends.isEmpty()) {
            return factors;
        }
        // In today's shares (÷ the splits effective after the ex-date), summed per ex-date.
        Map<LocalDate, BigDecimal> amounts = new TreeMap<>();
        for (Dividend d : dividends) {
            amounts.merge(
                    d.exDate(),
                    d.amount().divide(splitFactorAfter(splits, d.exDate()), MathContext.DECIMAL64),
                    BigDecimal::add);
        }
        // step[k]: the factor of the dividends whose last bar before the ex-date is bar k
        BigDecimal[] step = new BigDecimal[n];
        for (Map.Entry<LocalDate, BigDecimal> e : amounts.entrySet()) {
            LocalDate exDate = e.getKey();
            int before = lastBarBefore(days, exDate);
            if (before < 0 || days[n - 1].isBefore(exDate)) {
                continue; // no bar before it, or not gone ex in the bars fetched: it adjusts none of them
            }
            BigDecimal close = closes[before];
            if (close == null || close.signum() <= 0) {
                continue; // the importer refuses that bar anyway
            }
            BigDecimal amount = e.getValue();
            if (amount.compareTo(close) >= 0) {
                log.warn(
                        "Alpha Vantage lists a dividend of {} per share of {} going ex on {} (in today's shares),"
                                + " not less than the close before it ({} on {}); ignored",
                        amount.stripTrailingZeros().toPlainString(),
                        symbol,
                        exDate,
                        close.stripTrailingZeros().toPlainString(),
                        days[before]);
                continue;
            }
            BigDecimal factor = BigDecimal.ONE.subtract(amount.divide(close, MathContext.DECIMAL64));
            step[before] = step[before] == null ? factor : step[before].multiply(factor, MathContext.DECIMAL64);
        }
        BigDecimal cumulative = BigDecimal.ONE;
        for (int k = n - 1; k >= 0; k--) {
            if (step[k] != null) {
                cumulative = cumulative.multiply(step[k], MathContext.DECIMAL64);
            }
            factors[k] = cumulative;
        }
        return factors;
    }

    /** The index of the last of the ascending {@code days} before {@code date}, or -1. */
    private static int lastBarBefore(LocalDate[] days, LocalDate date) {
        int k = Arrays.binarySearch(days, date);
        return k >= 0 ? k - 1 : -k - 2;
    }

    /** The value as a decimal, or null when it is not a number (the importer reports it). */
    private static BigDecimal number(String value) {
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static LocalDate parseDate(String date) {
        try {
            return LocalDate.parse(date);
        } catch (java.time.format.DateTimeParseException e) {
            throw new ProviderException(
                    ProviderException.Kind.BAD_RESPONSE,
                    "Alpha Vantage sent a malformed date '" + abbreviate(date) + "'.");
        }
    }

    /**
     * A price divided by (or a volume multiplied by) the cumulative split factor; the provider's own text when the
     * factor is 1 or the value is not a number (the importer then reports it like any uploaded value).
     */
    private static String adjusted(String value, BigDecimal factor, boolean volume) {
        if (factor.compareTo(BigDecimal.ONE) == 0) {
            return value;
        }
        BigDecimal v;
        try {
            v = new BigDecimal(value);
        } catch (NumberFormatException notANumber) {
            return value;
        }
        BigDecimal out =
                volume ? v.multiply(factor).setScale(0, RoundingMode.HALF_UP) : v.divide(factor, MathContext.DECIMAL64);
        return out.stripTrailingZeros().toPlainString();
    }

    /** A bar field as the provider wrote it; the importer validates it like any uploaded value. */
    private static String field(JsonNode bar, String name) {
        JsonNode v = bar.get(name);
        String s = v == null || v.isNull() ? "" : v.asString();
        if (s.indexOf(',') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('"') >= 0) {
            throw new ProviderException(
                    ProviderException.Kind.BAD_RESPONSE, "Alpha Vantage sent a malformed value for '" + name + "'.");
        }
        return s;
    }

    /** An object's fields as text, in any order: two listings of the same entry compare equal. */
    private static Map<String, String> fields(JsonNode object) {
        Map<String, String> fields = new HashMap<>();
        for (Map.Entry<String, JsonNode> e : object.properties()) {
            fields.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asString());
        }
        return fields;
    }

    private static String text(JsonNode root, String name) {
        JsonNode v = root.get(name);
        return v == null || v.isNull() ? null : v.asString();
    }

    private static String abbreviate(String s) {
        return s.length() > 160 ? s.substring(0, 160) + "…" : s;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
