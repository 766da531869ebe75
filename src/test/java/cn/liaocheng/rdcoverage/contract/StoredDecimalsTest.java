package cn.liaocheng.rdcoverage.contract;

import cn.liaocheng.rdcoverage.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static cn.liaocheng.rdcoverage.TestData.city;
import static org.hamcrest.Matchers.containsString;

/**
 * A decimal reads the same in a write's answer as in every later read: amounts, areas and percentages with the two
 * decimals their columns keep, rates with four. The answer to a create or PUT was written from the request's own
 * numbers ({@code 600000}), a later GET from the row ({@code 600000.00}): the same resource looked changed to a client
 * comparing the two (Java's BigDecimal.equals, a diff of the documents, the feed's created against updated event).
 * Asserted on the raw JSON text, since a JSON reader would make both the same number.
 */
@QuarkusTest
class StoredDecimalsTest {
    @Test
    void capacityAndFiguresReadAsStoredInTheWritesAnswer() {
        String code = TestData.creditCode("371502");
        String created = city().contentType(ContentType.JSON).body(Map.of("creditCode", code, "name", "聊城小数有限公司", "regionCode", "371502",
                        "figures", List.of(Map.of("year", 2021, "employees", 350, "revenue", 52000000))))
                .post("/api/v1/enterprises").then().statusCode(201).extract().asString();
        String figures = city().contentType(ContentType.JSON).body("{\"employees\":360,\"revenue\":53000000}")
                .put("/api/v1/enterprises/" + code + "/figures/2021").then().statusCode(200)
                .body(containsString("\"revenue\":53000000.00")).extract().asString();
        city().get("/api/v1/enterprises/" + code + "/figures/2021").then().statusCode(200)
                .body(containsString("\"revenue\":53000000.00"));

        String institution = city().contentType(ContentType.JSON).body(Map.of("name", "小数中心", "kind", "TECH_CENTER",
                        "buildMode", "SINGLE", "participants", List.of(code),
                        "capacity", Map.of("year", 2021, "personnel", 6, "equipmentValue", 600000, "rdExpenditure", 520000.5,
                                "floorArea", 60, "projectCount", 3, "hasRules", true, "hasStableFunding", true)))
                .post("/api/v1/institutions").then().log().ifValidationFails().statusCode(201)
                .body(containsString("\"equipmentValue\":600000.00"), containsString("\"rdExpenditure\":520000.50"),
                        containsString("\"floorArea\":60.00"))
                .extract().path("id");
        city().get("/api/v1/institutions/" + institution).then().statusCode(200)
                .body(containsString("\"equipmentValue\":600000.00"), containsString("\"rdExpenditure\":520000.50"),
                        containsString("\"floorArea\":60.00"));
        org.junit.jupiter.api.Assertions.assertFalse(created.isEmpty() || figures.isEmpty());
    }

    @Test
    void targetsAndCountySupplementsReadAsStoredInTheWritesAnswer() {
        // targets are one per year and region (2000-2100): a free one, whatever other tests took
        io.restassured.response.Response created = null;
        for (int attempt = 0; attempt < 20 && (created == null || created.statusCode() == 409); attempt++) {
            int year = 2030 + ThreadLocalRandom.current().nextInt(71);
            created = city().contentType(ContentType.JSON).body(Map.of("year", year, "regionCode", "371502", "coverageRate", 0.5,
                    "provincialIncrease", 1)).post("/api/v1/targets");
        }
        String target = created.then().statusCode(201).body(containsString("\"coverageRate\":0.5000")).extract().path("id");
        city().get("/api/v1/targets/" + target).then().statusCode(200).body(containsString("\"coverageRate\":0.5000"));

        LocalDate from = LocalDate.of(2040, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(20_000));
        TestData.county("371502").contentType(ContentType.JSON).body(Map.of("effectiveFrom", from.toString(), "mode", "FIXED",
                        "amounts", Map.of("LARGE", 300000, "MEDIUM", 200000, "SMALL", 100000.5)))
                .post("/api/v1/regions/371502/award-policy").then().statusCode(201)
                .body(containsString("\"LARGE\":300000.00"), containsString("\"SMALL\":100000.50"));
        TestData.county("371502").get("/api/v1/regions/371502/award-policy").then().statusCode(200)
                .body(containsString("\"LARGE\":300000.00"), containsString("\"SMALL\":100000.50"));
    }
}
