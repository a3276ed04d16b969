package io.qnt9.srs.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.qnt9.srs.HttpTestClient;
import io.qnt9.srs.HttpTestClient.Response;
import io.qnt9.srs.TestAccounts;
import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The numbers in JSON answers carry no floating-point noise: at most 12 significant digits, whatever the endpoint. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class JsonNumbersEndToEndTests {

    /** A JSON number with a fraction or an exponent (integers such as volumes are exact anyway). */
    private static final Pattern FRACTIONAL =
            Pattern.compile("(?<=[:\\[,])-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?(?=[,\\]}])");

    @LocalServerPort
    int port;

    @Test
    void aDayChangeOfTenPointFiveToTenPointTwoIsMinusZeroPointThree() {
        HttpTestClient admin = TestAccounts.admin(port);
        Response imported = admin.post(
                "/api/v1/instruments/NOISE1/bars", "text/csv", "date,close\n2020-01-02,10.5\n2020-01-03,10.2\n");
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        HttpTestClient user = TestAccounts.newUser(port);
        Response list = user.post("/api/v1/watchlists", "application/json", "{\"name\":\"noise\"}");
        long id = list.json().get("id").asLong();
        Response item = user.post(
                "/api/v1/watchlists/" + id + "/items",
                "application/json",
                "{\"symbol\":\"NOISE1\",\"targetPrice\":12}");
        assertThat(item.status()).as(item.body()).isEqualTo(201);
        // 10.2 − 10.5 is −0.3000000000000007 in doubles; −0.3 / 10.5 = −2.857142857142…%; 12 / 10.2 − 1 = 17.647…%
        assertThat(item.body())
                .contains("\"change\":-0.3,")
                .contains("\"changePercent\":-2.85714285714,")
                .contains("\"targetDistancePercent\":17.6470588235");
    }

    @Test
    void computedAnswersHaveAtMostTwelveSignificantDigits() {
        HttpTestClient http = new HttpTestClient(port);
        for (String path : new String[] {
            "/api/v1/instruments/AAPL/statistics?benchmark=SPX&riskFreeRate=0.02",
            "/api/v1/instruments/AAPL/report",
            "/api/v1/instruments/AAPL/indicators?names=sma:20,ema:12,rsi:14,macd,bbands&start=2018-01-01",
            "/api/v1/instruments/AAPL/backtest",
            "/api/v1/instruments/AAPL/recommendation",
            "/api/v1/compare?tickers=AAPL,MSFT",
            "/api/stats?ticker=AAPL"
        }) {
            Response r = http.get(path);
            assertThat(r.status()).as(path).isEqualTo(200);
            Matcher m = FRACTIONAL.matcher(r.body());
            int numbers = 0;
            while (m.find()) {
                if (m.group(1) == null && m.group(2) == null) {
                    continue;
                }
                numbers++;
                BigDecimal n = new BigDecimal(m.group());
                assertThat(n.stripTrailingZeros().precision())
                        .as(path + ": " + m.group())
                        .isLessThanOrEqualTo(12);
            }
            assertThat(numbers).as(path).isGreaterThan(5);
        }
    }
}
