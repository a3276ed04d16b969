package io.qnt9.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.rampConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;

/**
 * The staging load profile of load/k6/srs.js, for Gatling: {@code users} virtual users (closed model, like
 * k6 VUs), ramped up over {@code ramp} seconds and held until {@code duration} seconds in total. Each
 * iteration loads the dashboard, checks health and searches for AAPL, asks for the data of the stock page a user
 * opens from there (report, technical rating, a year's statistics), then thinks for one second.
 *
 * <p>Thresholds (assertions; any broken one fails the run): p95 &lt; 500 ms, p99 &lt; 1000 ms, error rate
 * &lt; 5 %, and per endpoint p95: {@code GET /} &lt; 500 ms, {@code GET /health} &lt; 100 ms,
 * {@code POST /api/v1/stock/search} &lt; 1000 ms, each of the stock page's requests &lt; 500 ms.
 *
 * <p>System properties: {@code baseUrl} (http://localhost:8000), {@code users} (100), {@code duration}
 * (300), {@code ramp} (60). The service must run with its load-test rate limit (see load/README.md).
 */
public class SrsSimulation extends Simulation {

    static final String BASE_URL = System.getProperty("baseUrl", "http://localhost:8000");
    static final int USERS = Integer.getInteger("users", 100);
    static final int DURATION_S = Integer.getInteger("duration", 300);
    static final int RAMP_S = Integer.getInteger("ramp", 60);

    static final String DASHBOARD = "GET /";
    static final String HEALTH = "GET /health";
    static final String SEARCH = "POST /api/v1/stock/search";
    static final String REPORT = "GET /api/v1/instruments/{symbol}/report";
    static final String TECHNICALS = "GET /api/v1/instruments/{symbol}/technicals";
    static final String STATS = "GET /api/stats";

    HttpProtocolBuilder protocol = http.baseUrl(BASE_URL)
            .acceptHeader("application/json, text/html;q=0.9")
            .userAgentHeader("qnt9-load-test/gatling");

    ScenarioBuilder browse = scenario("dashboard, health, search, stock page")
            .exec(http(DASHBOARD).get("/").check(status().is(200)))
            .exec(http(HEALTH).get("/health").check(status().is(200), jsonPath("$.status").is("healthy")))
            .exec(http(SEARCH)
                    .post("/api/v1/stock/search")
                    .body(StringBody("{\"query\":\"AAPL\"}"))
                    .asJson()
                    .check(status().is(200)))
            .exec(http(REPORT).get("/api/v1/instruments/AAPL/report").check(status().is(200)))
            .exec(http(TECHNICALS)
                    .get("/api/v1/instruments/AAPL/technicals")
                    .check(status().is(200), jsonPath("$.verdict").exists()))
            .exec(http(STATS)
                    .get("/api/stats?ticker=AAPL&start=2017-01-01&end=2017-12-31")
                    .check(status().is(200), jsonPath("$.symbol").is("AAPL")))
            .pause(Duration.ofSeconds(1));

    {
        setUp(browse.injectClosed(
                                rampConcurrentUsers(0).to(USERS).during(Duration.ofSeconds(RAMP_S)),
                                constantConcurrentUsers(USERS).during(Duration.ofSeconds(Math.max(1, DURATION_S - RAMP_S)))))
                .protocols(protocol)
                .assertions(
                        global().responseTime().percentile(95.0).lt(500),
                        global().responseTime().percentile(99.0).lt(1000),
                        global().failedRequests().percent().lt(5.0),
                        details(DASHBOARD).responseTime().percentile(95.0).lt(500),
                        details(HEALTH).responseTime().percentile(95.0).lt(100),
                        details(SEARCH).responseTime().percentile(95.0).lt(1000),
                        details(REPORT).responseTime().percentile(95.0).lt(500),
                        details(TECHNICALS).responseTime().percentile(95.0).lt(500),
                        details(STATS).responseTime().percentile(95.0).lt(500));
    }
}
