package cn.liaocheng.rdcoverage.review;

import cn.liaocheng.rdcoverage.SuiteProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static cn.liaocheng.rdcoverage.TestData.city;
import static org.hamcrest.Matchers.equalTo;

/**
 * A round's calendar lies within the half-year its id names (the policy's twice-yearly recognition, 每年上半年和下半年各组织一次
 * 申报及审核): half 1 from 1 January to 30 June of its year, half 2 from 1 July to 31 December. Run with the production
 * setting {@code rd.rounds.days-outside-half=0} (the test profile raises it for the other test classes, whose rounds have
 * far-future ids and dates around today). The user trial's round 2031H1 dated in 2026 was accepted before.
 * The profile keeps production's default language too (Chinese; the test profile answers English by default).
 */
@QuarkusTest
@TestProfile(RoundHalfTest.ProductionSettings.class)
class RoundHalfTest {
    public static class ProductionSettings extends SuiteProfile {
        public ProductionSettings() {
            super(Map.of("rd.rounds.days-outside-half", "0", "rd.problems.default-language", "zh-CN"));
        }
    }

    /** POST /api/v1/rounds as the city, in a language. */
    static ValidatableResponse create(String language, String id, int year, int half, String opensOn, String closesOn) {
        return city().header("Accept-Language", language).contentType(ContentType.JSON)
                .body(Map.of("id", id, "year", year, "half", half, "opensOn", opensOn, "closesOn", closesOn))
                .post("/api/v1/rounds").then();
    }

    @Test
    void theTrialsRoundOf2031DatedIn2026IsRefusedNamingBothDates() {
        create("en", "2031H1", 2031, 1, "2026-11-01", "2026-12-31").statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/validation"))
                .body("errors.field", equalTo(List.of("opensOn", "closesOn")))
                .body("errors.code", equalTo(List.of("OUT_OF_RANGE", "OUT_OF_RANGE")))
                .body("errors.find { it.field == 'opensOn' }.message",
                        equalTo("must lie within the half-year of round 2031H1 (2031-01-01 to 2031-06-30)"));
        create("zh-CN", "2031H1", 2031, 1, "2026-11-01", "2026-12-31").statusCode(400)
                .body("errors.field", equalTo(List.of("opensOn", "closesOn")))
                .body("errors.find { it.field == 'opensOn' }.message",
                        equalTo("须在评审批次 2031H1 所属的半年度之内（2031-01-01 至 2031-06-30）"));
    }

    @Test
    void aRoundClosingAfterItsHalfIsRefusedNamingClosesOn() {
        create("en", "2026H2", 2026, 2, "2026-07-01", "2027-01-01").statusCode(400)
                .body("errors.field", equalTo(List.of("closesOn")))
                .body("errors[0].code", equalTo("OUT_OF_RANGE"))
                .body("errors[0].message", equalTo("must lie within the half-year of round 2026H2 (2026-07-01 to 2026-12-31)"));
        create("zh-CN", "2026H2", 2026, 2, "2026-07-01", "2027-01-01").statusCode(400)
                .body("errors.field", equalTo(List.of("closesOn")))
                .body("errors[0].message", equalTo("须在评审批次 2026H2 所属的半年度之内（2026-07-01 至 2026-12-31）"));
        // a day before the second half, and a first-half round running into July
        create("en", "2026H2", 2026, 2, "2026-06-30", "2026-12-31").statusCode(400)
                .body("errors.field", equalTo(List.of("opensOn")));
        create("en", "2027H1", 2027, 1, "2027-01-01", "2027-07-01").statusCode(400)
                .body("errors.field", equalTo(List.of("closesOn")))
                .body("errors[0].message", equalTo("must lie within the half-year of round 2027H1 (2027-01-01 to 2027-06-30)"));
        // the order of the dates is still checked, and with it
        create("en", "2027H1", 2027, 1, "2027-03-01", "2026-12-31").statusCode(400)
                .body("errors.field", equalTo(List.of("closesOn", "closesOn")))
                .body("errors.message", equalTo(List.of("must not be before opensOn",
                        "must lie within the half-year of round 2027H1 (2027-01-01 to 2027-06-30)")));
    }

    @Test
    void aRoundWithinItsHalfIsStoredAndItsDatesCannotBeMovedOutsideLater() {
        create("en", "2026H2", 2026, 2, "2026-07-01", "2026-12-31").statusCode(201)
                .body("id", equalTo("2026H2"))
                .body("opensOn", equalTo("2026-07-01"))
                .body("closesOn", equalTo("2026-12-31"));
        city().get("/api/v1/rounds/2026H2").then().statusCode(200)
                .body("year", equalTo(2026)).body("half", equalTo(2))
                .body("opensOn", equalTo("2026-07-01")).body("closesOn", equalTo("2026-12-31"))
                .body("status", equalTo("OPEN"));

        // no endpoint changes a round's dates: POSTing the id again with a date outside its half is refused for
        // the date (before the id is found taken), a transition takes no dates, and the stored round stays as it was
        create("en", "2026H2", 2026, 2, "2026-07-01", "2027-03-31").statusCode(400)
                .body("errors.field", equalTo(List.of("closesOn")));
        create("en", "2026H2", 2026, 2, "2026-08-01", "2026-12-31").statusCode(409)
                .body("type", equalTo("/problems/duplicate"));
        city().contentType(ContentType.JSON).body(Map.of("action", "START_REVIEW", "opensOn", "2026-01-01"))
                .post("/api/v1/rounds/2026H2/transitions").then().statusCode(400)
                .body("errors.field", equalTo(List.of("opensOn")))
                .body("errors[0].code", equalTo("UNKNOWN_FIELD"));
        city().get("/api/v1/rounds/2026H2").then().statusCode(200)
                .body("opensOn", equalTo("2026-07-01")).body("closesOn", equalTo("2026-12-31"))
                .body("status", equalTo("OPEN"));
    }

    /**
     * A round's summary and announcement files answer in the client's language like every other answer: without
     * Accept-Language (or with one the service does not speak) in the configured default, Chinese in production. They
     * answered English then, whatever the default.
     */
    @Test
    void aRoundsSummaryAndAnnouncementAnswerInTheDefaultLanguage() {
        String id = null;
        for (int attempt = 0; attempt < 50 && id == null; attempt++) {
            int year = java.util.concurrent.ThreadLocalRandom.current().nextInt(2030, 2100);
            if (create("en", year + "H1", year, 1, year + "-01-01", year + "-06-30").extract().statusCode() == 201) {
                id = year + "H1";
            }
        }
        org.junit.jupiter.api.Assertions.assertNotNull(id, "no free round id");
        for (String language : new String[] {null, "fr-FR"}) {
            var summary = city().header("Accept", "text/csv");
            var announcement = city().header("Accept", "text/csv");
            if (language != null) {
                summary.header("Accept-Language", language);
                announcement.header("Accept-Language", language);
            }
            String csv = summary.get("/api/v1/rounds/" + id + "/summary").then().statusCode(200).extract().asString();
            org.junit.jupiter.api.Assertions.assertTrue(csv.startsWith("\uFEFF" + id + " 研发机构认定评审汇总（金额单位：元）"), csv);
            org.junit.jupiter.api.Assertions.assertTrue(csv.contains("\r\n,全市合计,0,0,0,0,0,0,0,0,0,0,0,0,0.00,0.00,0.00\r\n"), csv);
            String list = announcement.get("/api/v1/rounds/" + id + "/announcement").then().statusCode(200).extract().asString();
            org.junit.jupiter.api.Assertions.assertTrue(list.startsWith("\uFEFF" + id + " 研发机构认定公示名单\r\n序号,企业名称,研发机构名称,建设模式,县（市、区）"), list);
        }
        String english = city().header("Accept", "text/csv").header("Accept-Language", "en")
                .get("/api/v1/rounds/" + id + "/summary").then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(english.startsWith("\uFEFF" + id + " R&D institution recognition round summary"), english);
    }
}
