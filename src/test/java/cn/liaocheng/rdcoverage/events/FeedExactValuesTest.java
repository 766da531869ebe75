package cn.liaocheng.rdcoverage.events;

import cn.liaocheng.rdcoverage.TestData;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static cn.liaocheng.rdcoverage.TestData.city;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The feed's {@code data} is the resource as its GET showed it: money keeps its yuan and fen (found trying the README:
 * revenue 1234567890123456.78 came out of the feed as the double 1.2345678901234568E15, 52000000 as 5.2E7), and a
 * wrong event type is named with the code INVALID_VALUE (it was INVALID_DATE, guessed from "updated" in the message).
 */
@QuarkusTest
class FeedExactValuesTest {
    static final int YEAR = TestData.today().getYear();

    @Test
    void moneyInTheFeedIsTheAmountItsGetShows() {
        String start = Feed.head(city());
        String code = TestData.creditCode("371502");
        city().contentType("application/json").body(Map.of("creditCode", code, "name", "东昌精密机械", "regionCode", "371502",
                "figures", List.of(Map.of("year", YEAR, "employees", 350, "revenue", 52_000_000)))).post("/api/v1/enterprises")
                .then().statusCode(201);
        city().contentType("application/json").body("{\"employees\": 400, \"revenue\": 1234567890123456.78}")
                .put("/api/v1/enterprises/" + code + "/figures/" + (YEAR - 1)).then().statusCode(201);
        city().get("/api/v1/enterprises/" + code + "/figures/" + (YEAR - 1)).then().statusCode(200)
                .body(containsString("\"revenue\":1234567890123456.78"));
        assertEquals(2, Feed.follow(TestData::city, start, Feed.about(code + "/"), 2).size());

        String page = city().queryParam("after", start).queryParam("types", "figures.updated").queryParam("limit", 1000)
                .get("/api/v1/events").then().statusCode(200).extract().asString();
        String first = page.substring(page.indexOf("\"id\":\"" + code + "/" + YEAR + "\""));
        // the amount as the write's answer showed it (the scale of the value sent, or the column's two decimals), never a double
        assertEquals(true, first.matches("(?s).*?\"revenue\":52000000(\\.00)?,.*"), first);
        String second = page.substring(page.indexOf("\"id\":\"" + code + "/" + (YEAR - 1) + "\""));
        assertEquals(true, second.contains("\"revenue\":1234567890123456.78"), second);
    }

    @Test
    void anUnknownEventTypeIsAnInvalidValue() {
        city().queryParam("types", "enterprise.created,foo.bar").get("/api/v1/events").then().statusCode(400)
                .body("errors[0].field", equalTo("types")).body("errors[0].code", equalTo("INVALID_VALUE"));
        TestData.role("ADMIN").contentType("application/json")
                .body(Map.of("url", "http://127.0.0.1:9/hook", "types", List.of("enterprise.created", "foo.updated")))
                .post("/api/v1/webhook-subscriptions").then().statusCode(400)
                .body("errors[0].field", equalTo("types[1]")).body("errors[0].code", equalTo("INVALID_VALUE"));
    }
}
