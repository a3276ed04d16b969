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
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
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
 * refresh decides from it how much history it needs), then the bars: two requests per refresh. {@code
 * ALPHAVANTAGE_SPLITS=false} skips the split list (one request; the bars are then stored as traded).
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
    public List<Split> splits(String symbol) {
        requireEnabled();
        return properties.splits()
                ? parseSplits(symbol, fetchWithRetries(query("SPLITS", symbol, ""), symbol))
                : List.of();
    }

    @Override
    public String dailyBars(String symbol, boolean full, List<Split> splits) {
        requireEnabled();
        String daily = fetchWithRetries(
                query("TIME_SERIES_DAILY", symbol, "&datatype=json&outputsize=" + (full ? "full" : "compact")), symbol);
        return toCsv(barsByDate(symbol, daily), splits);
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
     * The bars as importer CSV, split-adjusted: prices ÷ and volume × the product of the factors of every split
     * effective after the bar's date. A bar after the last split is written exactly as the provider sent it.
     */
    static String toCsv(Map<String, JsonNode> byDate, List<Split> splits) {
        StringBuilder csv = new StringBuilder(byDate.size() * 64);
        csv.append("date,open,high,low,close,volume\n");
        byDate.forEach((date, bar) -> {
            BigDecimal factor = BigDecimal.ONE;
            LocalDate day = parseDate(date);
            for (Split split : splits) {
                if (split.effective().isAfter(day)) {
                    factor = factor.multiply(split.factor());
                }
            }
            csv.append(date);
            for (String price : new String[] {"1. open", "2. high", "3. low", "4. close"}) {
                csv.append(',').append(adjusted(field(bar, price), factor, false));
            }
            csv.append(',')
                    .append(adjusted(field(bar, "5. volume"), factor, true))
                    .append('\n');
        });
        return csv.toString();
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
