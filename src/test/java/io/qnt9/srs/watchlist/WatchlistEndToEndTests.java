package io.qnt9.srs.watchlist;

import static io.qnt9.srs.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qnt9.srs.HttpTestClient;
import io.qnt9.srs.HttpTestClient.Response;
import io.qnt9.srs.TestAccounts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/** Watchlists over HTTP: a user's own lists, their items with prices, limits, and isolation between users. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WatchlistEndToEndTests {

    private static final String JSON = "application/json";

    @LocalServerPort
    int port;

    HttpTestClient alice;
    HttpTestClient bob;

    @BeforeAll
    void instruments() {
        HttpTestClient admin = TestAccounts.admin(port);
        // A 2:1 split between the two days: the close halves, the adjusted close does not.
        Response r = admin.post(
                "/api/v1/instruments/WLSPLIT/bars?mode=replace&name=Split%20Co",
                "text/csv",
                "Date,Open,High,Low,Close,Adj Close,Volume\n"
                        + "2020-01-02,100,100,100,100,50,1000\n"
                        + "2020-01-03,51,51,51,51,51,1000\n");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        StringBuilder many = new StringBuilder("symbol,name\n");
        for (int i = 0; i <= 100; i++) {
            many.append("WL").append(i).append(",Watchlist Filler ").append(i).append('\n');
        }
        assertThat(admin.post("/api/v1/instruments", "text/csv", many.toString())
                        .status())
                .isEqualTo(200);
    }

    @BeforeEach
    void users() {
        alice = TestAccounts.newUser(port);
        bob = TestAccounts.newUser(port);
    }

    private long create(HttpTestClient who, String name) {
        Response r = who.post("/api/v1/watchlists", JSON, "{\"name\":\"" + name + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    private Response add(HttpTestClient who, long list, String itemJson) {
        return who.post("/api/v1/watchlists/" + list + "/items", JSON, itemJson);
    }

    @Test
    void anItemWhoseInstrumentIsDeletedStaysWithItsNoteAndSaysItIsNoLongerListed() {
        HttpTestClient admin = TestAccounts.admin(port);
        String csv = "Date,Close\n2021-03-01,10\n2021-03-02,11\n";
        assertThat(admin.post("/api/v1/instruments/WLGONE/bars?name=Gone%20Co", "text/csv", csv)
                        .status())
                .isEqualTo(200);
        long id = create(alice, "Delisted");
        assertThat(add(alice, id, "{\"symbol\":\"WLGONE\",\"note\":\"check\",\"targetPrice\":12}")
                        .status())
                .isEqualTo(201);
        JsonNode before = alice.get("/api/v1/watchlists/" + id).json().at("/items/0");
        assertThat(before.get("listed").asBoolean()).isTrue();
        assertThat(before.get("name").asString()).isEqualTo("Gone Co");
        assertThat(before.get("lastPrice").asDouble()).isEqualTo(11.0);

        assertThat(admin.method("DELETE", "/api/v1/instruments/WLGONE", null, null)
                        .status())
                .isEqualTo(200);
        JsonNode after = alice.get("/api/v1/watchlists/" + id).json().at("/items/0");
        assertThat(after.get("symbol").asString()).isEqualTo("WLGONE");
        assertThat(after.get("listed").asBoolean()).isFalse();
        assertThat(after.get("note").asString()).isEqualTo("check");
        assertThat(after.get("targetPrice").asDouble()).isEqualTo(12.0);
        assertThat(after.get("name").isNull()).isTrue();
        assertThat(after.get("lastPrice").isNull()).isTrue();
        assertThat(after.get("targetDistancePercent").isNull()).isTrue();

        assertThat(admin.post("/api/v1/instruments/WLGONE/bars?name=Gone%20Co", "text/csv", csv)
                        .status())
                .isEqualTo(200);
        assertThat(alice.get("/api/v1/watchlists/" + id)
                        .json()
                        .at("/items/0/listed")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void aUserCreatesRenamesListsAndDeletesAWatchlist() {
        Response created = alice.post("/api/v1/watchlists", JSON, "{\"name\":\"  Tech & Friends (2024)  \"}");
        assertThat(created.status()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.header("Location")).isEqualTo("/api/v1/watchlists/" + id);
        assertThat(created.json().get("name").asString()).isEqualTo("Tech & Friends (2024)");
        assertThat(created.json().get("items")).isEmpty();

        create(alice, "Ålesund Øre-Fonds");
        JsonNode all = alice.get("/api/v1/watchlists").json();
        assertThat(all).hasSize(2);
        assertThat(all.get(0).get("name").asString()).isEqualTo("Tech & Friends (2024)");
        assertThat(all.get(0).get("itemCount").asInt()).isZero();

        Response renamed = alice.method("PUT", "/api/v1/watchlists/" + id, JSON, "{\"name\":\"Semis\"}");
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(alice.get("/api/v1/watchlists/" + id).json().get("name").asString())
                .isEqualTo("Semis");

        assertThat(alice.method("DELETE", "/api/v1/watchlists/" + id, null, null)
                        .status())
                .isEqualTo(204);
        assertProblem(alice.get("/api/v1/watchlists/" + id), 404, "watchlist-not-found");
        assertThat(alice.get("/api/v1/watchlists").json()).hasSize(1);
    }

    @Test
    void itemsShowTheLatestPriceTheSplitAdjustedDayChangeAndTheRecommendationBand() {
        long id = create(alice, "Prices");
        Response added = add(alice, id, "{\"symbol\":\"wlsplit\",\"note\":\"split on 3 Jan\",\"targetPrice\":60.5}");
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        JsonNode item = added.json();
        assertThat(item.get("symbol").asString()).isEqualTo("WLSPLIT");
        assertThat(item.get("name").asString()).isEqualTo("Split Co");
        assertThat(item.get("lastDate").asString()).isEqualTo("2020-01-03");
        assertThat(item.get("lastPrice").asDouble()).isEqualTo(51.0);
        assertThat(item.get("changePercent").asDouble()).isCloseTo(2.0, within(1e-9));
        assertThat(item.get("change").asDouble()).isCloseTo(1.0, within(1e-9));
        assertThat(item.get("targetPrice").asDouble()).isEqualTo(60.5);
        assertThat(item.get("targetDistancePercent").asDouble())
                .as("60.5 against a close of 51: 18.63 % to go")
                .isCloseTo(18.627450980392155, within(1e-9));
        assertThat(item.get("note").asString()).isEqualTo("split on 3 Jan");
        assertThat(item.get("band").isNull())
                .as("two bars are too little history to rate")
                .isTrue();

        JsonNode aapl = add(alice, id, "{\"symbol\":\"AAPL\"}").json();
        List<String> lines = lastLines("aapl.csv");
        String[] prev = lines.get(0).split(",");
        String[] last = lines.get(1).split(",");
        double ratio = Double.parseDouble(last[5]) / Double.parseDouble(prev[5]);
        assertThat(aapl.get("lastPrice").asDouble()).isEqualTo(Double.parseDouble(last[4]));
        assertThat(aapl.get("changePercent").asDouble()).isCloseTo((ratio - 1) * 100, within(1e-9));
        assertThat(aapl.get("targetPrice").isNull()).isTrue();
        assertThat(aapl.get("targetDistancePercent").isNull()).isTrue();
        assertThat(aapl.get("band").asString())
                .isEqualTo(alice.get("/api/v1/instruments/AAPL/recommendation")
                        .json()
                        .get("band")
                        .asString());

        JsonNode list = alice.get("/api/v1/watchlists/" + id).json();
        assertThat(list.get("itemCount").asInt()).isEqualTo(2);
        assertThat(list.at("/items/0/symbol").asString()).isEqualTo("WLSPLIT");
        assertThat(list.at("/items/1/symbol").asString()).isEqualTo("AAPL");

        Response updated = alice.method(
                "PUT",
                "/api/v1/watchlists/" + id + "/items/aapl",
                JSON,
                "{\"note\":\"buy < 150\",\"targetPrice\":150}");
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().get("note").asString()).isEqualTo("buy < 150");
        assertThat(updated.json().get("targetPrice").asDouble()).isEqualTo(150.0);
        assertThat(updated.json().get("targetDistancePercent").asDouble())
                .as("a target below the price is negative")
                .isCloseTo((150 / Double.parseDouble(last[4]) - 1) * 100, within(1e-9));
        // PUT replaces both: the target left out is cleared, the note kept only because it is sent again.
        Response replaced =
                alice.method("PUT", "/api/v1/watchlists/" + id + "/items/AAPL", JSON, "{\"note\":\"buy < 150\"}");
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(replaced.json().get("note").asString()).isEqualTo("buy < 150");
        assertThat(replaced.json().get("targetPrice").isNull()).isTrue();

        assertThat(alice.method("DELETE", "/api/v1/watchlists/" + id + "/items/AAPL", null, null)
                        .status())
                .isEqualTo(204);
        assertProblem(
                alice.method("DELETE", "/api/v1/watchlists/" + id + "/items/AAPL", null, null),
                404,
                "watchlist-item-not-found");
        assertThat(alice.get("/api/v1/watchlists/" + id).json().get("itemCount").asInt())
                .isEqualTo(1);
    }

    @Test
    void itemsMustBeKnownInstrumentsAndAppearOncePerList() {
        long id = create(alice, "Checks");
        Response unknown = add(alice, id, "{\"symbol\":\"NOSUCH\"}");
        assertProblem(unknown, 404, "unknown-instrument");
        assertThat(add(alice, id, "{\"symbol\":\"MSFT\"}").status()).isEqualTo(201);
        assertProblem(add(alice, id, "{\"symbol\":\"msft\"}"), 409, "watchlist-item-exists");
        assertProblem(add(alice, id, "{\"symbol\":\"MSFT\",\"targetPrice\":0}"), 400, "invalid-request-body");
        assertProblem(add(alice, id, "{\"symbol\":\"MSFT\",\"targetPrice\":-3}"), 400, "invalid-request-body");
        assertProblem(
                alice.method("PUT", "/api/v1/watchlists/" + id + "/items/GOOG", JSON, "{\"note\":\"x\"}"),
                404,
                "watchlist-item-not-found");
        assertThat(alice.get("/api/v1/watchlists/" + id).json().get("itemCount").asInt())
                .isEqualTo(1);
    }

    @Test
    void anotherUsersWatchlistAnswers404ToEverything() {
        long id = create(alice, "Private");
        assertThat(add(alice, id, "{\"symbol\":\"AAPL\"}").status()).isEqualTo(201);
        String path = "/api/v1/watchlists/" + id;

        assertProblem(bob.get(path), 404, "watchlist-not-found");
        assertProblem(bob.method("PUT", path, JSON, "{\"name\":\"Mine now\"}"), 404, "watchlist-not-found");
        assertProblem(bob.method("DELETE", path, null, null), 404, "watchlist-not-found");
        assertProblem(add(bob, id, "{\"symbol\":\"MSFT\"}"), 404, "watchlist-not-found");
        assertProblem(bob.method("PUT", path + "/items/AAPL", JSON, "{\"note\":\"x\"}"), 404, "watchlist-not-found");
        assertProblem(bob.method("DELETE", path + "/items/AAPL", null, null), 404, "watchlist-not-found");
        // the same answer as for a list that does not exist at all
        assertThat(bob.get("/api/v1/watchlists/999999999").json().get("detail").asString())
                .isEqualTo("You have no watchlist with id 999999999.");
        assertThat(bob.get("/api/v1/watchlists").json()).isEmpty();

        JsonNode mine = alice.get(path).json();
        assertThat(mine.get("name").asString()).isEqualTo("Private");
        assertThat(mine.get("itemCount").asInt()).isEqualTo(1);
        // even an admin sees only their own lists here
        assertProblem(TestAccounts.admin(port).get(path), 404, "watchlist-not-found");
    }

    @Test
    void namesAreUniquePerUserIgnoringCase() {
        long id = create(alice, "Dividends");
        assertProblem(alice.post("/api/v1/watchlists", JSON, "{\"name\":\"DIVIDENDS\"}"), 409, "watchlist-name-taken");
        create(bob, "Dividends");
        long other = create(alice, "Growth");
        assertProblem(
                alice.method("PUT", "/api/v1/watchlists/" + other, JSON, "{\"name\":\"dividends\"}"),
                409,
                "watchlist-name-taken");
        assertThat(alice.method("PUT", "/api/v1/watchlists/" + id, JSON, "{\"name\":\"DIVIDENDS\"}")
                        .status())
                .as("renaming a list to itself in another case is fine")
                .isEqualTo(200);
    }

    @Test
    void aUserHasAtMostTwentyListsOfAtMostOneHundredItems() {
        for (int i = 0; i < 20; i++) {
            create(alice, "List " + i);
        }
        Response tooMany = alice.post("/api/v1/watchlists", JSON, "{\"name\":\"List 20\"}");
        JsonNode p = assertProblem(tooMany, 422, "watchlist-limit-reached");
        assertThat(p.get("limit").asInt()).isEqualTo(20);
        assertThat(p.get("detail").asString()).contains("20");
        assertThat(alice.get("/api/v1/watchlists").json()).hasSize(20);

        long id = create(bob, "Big");
        for (int i = 0; i < 100; i++) {
            Response r = add(bob, id, "{\"symbol\":\"WL" + i + "\"}");
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
        JsonNode full = assertProblem(add(bob, id, "{\"symbol\":\"WL100\"}"), 422, "watchlist-limit-reached");
        assertThat(full.get("limit").asInt()).isEqualTo(100);
        assertThat(bob.get("/api/v1/watchlists/" + id).json().get("itemCount").asInt())
                .isEqualTo(100);
    }

    @Test
    void watchlistsNeedASignedInUser() {
        HttpTestClient anonymous = new HttpTestClient(port);
        assertProblem(anonymous.get("/api/v1/watchlists"), 401, "unauthorized");
        assertProblem(anonymous.post("/api/v1/watchlists", JSON, "{\"name\":\"x\"}"), 401, "unauthorized");
        assertProblem(alice.get("/api/v1/watchlists/not-a-number"), 400, "invalid-parameter");
    }

    private static List<String> lastLines(String file) {
        try {
            List<String> lines = Files.readAllLines(Path.of("data", file));
            return lines.subList(lines.size() - 2, lines.size());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
