package cn.liaocheng.rdcoverage.institution;

import cn.liaocheng.rdcoverage.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static cn.liaocheng.rdcoverage.TestData.city;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class InstitutionApiTest {
    /** Registers an enterprise with one year of figures and returns its credit code. */
    static String enterprise(String region, int year, int employees, long revenue) {
        String code = TestData.creditCode(region);
        city().contentType(ContentType.JSON).body(Map.of("creditCode", code, "name", "企业" + code.substring(10), "regionCode", region,
                        "figures", List.of(Map.of("year", year, "employees", employees, "revenue", revenue))))
                .post("/api/v1/enterprises").then().statusCode(201);
        return code;
    }

    static Map<String, Object> capacity(int year, int personnel, long equipment, long rd, int area, int projects) {
        return Map.of("year", year, "personnel", personnel, "equipmentValue", equipment, "rdExpenditure", rd,
                "floorArea", area, "projectCount", projects, "hasRules", true, "hasStableFunding", true);
    }

    static final Map<String, Object> UNIVERSITY = Map.of("partner", "聊城大学", "partnerKind", "UNIVERSITY",
            "signedOn", "2020-09-01", "activities", "联合开展工艺改进项目");

    static String declare(Map<String, Object> body) {
        return city().contentType(ContentType.JSON).body(body).post("/api/v1/institutions").then()
                .statusCode(201).header("Location", containsString("/api/v1/institutions/")).extract().path("id");
    }

    @Test
    void aSingleInstitutionIsEvaluatedFromItsOwnStoredData() {
        String code = enterprise("371502", 2021, 350, 52_000_000);
        String id = declare(Map.of("name", "示范技术中心", "kind", "TECH_CENTER", "buildMode", "SINGLE",
                "participants", List.of(code), "capacity", capacity(2021, 6, 600_000, 520_000, 60, 3),
                "cooperations", List.of(UNIVERSITY)));

        city().get("/api/v1/institutions/" + id).then().statusCode(200)
                .header("ETag", notNullValue())
                .body("status", equalTo("DECLARED"))
                .body("participants", equalTo(List.of(code)))
                .body("enterprises[0].regionName", equalTo("东昌府区"))
                .body("capacity.year", equalTo(2021))
                .body("cooperations[0].partner", equalTo("聊城大学"));

        city().queryParam("asOf", "2021-06-30").get("/api/v1/institutions/" + id + "/eligibility").then().statusCode(200)
                .body("qualified", equalTo(true))
                .body("policyId", equalTo("liaocheng-2020"))
                .body("asOf", equalTo("2021-06-30"))
                .body("participants[0].sizeClass", equalTo("MEDIUM"))
                .body("participants[0].subsidyTier", equalTo("MEDIUM"))
                .body("participants[0].subsidyAmount", equalTo(100000));

        // a cooperation not yet signed on asOf fails the academic criterion, with required and actual shown
        city().queryParam("asOf", "2020-06-30").get("/api/v1/institutions/" + id + "/eligibility").then().statusCode(422)
                .body("detail", containsString("no yearly figures"));
        city().contentType(ContentType.JSON).body(Map.of("employees", 350, "revenue", 52_000_000))
                .put("/api/v1/enterprises/" + code + "/figures/2020").then().statusCode(201);
        city().queryParam("asOf", "2020-06-30").get("/api/v1/institutions/" + id + "/eligibility").then().statusCode(200)
                .body("qualified", equalTo(false))
                .body("criteria.find { it.code == 'ACADEMIC_COOPERATION' }.met", equalTo(false))
                .body("criteria.find { it.code == 'ACADEMIC_COOPERATION' }.required", equalTo(1))
                .body("criteria.find { it.code == 'ACADEMIC_COOPERATION' }.actual", equalTo(0))
                .body("participants[0].subsidyReason", equalTo("NOT_QUALIFIED"));
    }

    @Test
    void capacityIsKeptPerYearAndTheLatestIsShown() {
        String code = enterprise("371503", 2024, 40, 25_000_000);
        String id = declare(Map.of("name", "实验室", "kind", "LABORATORY", "buildMode", "SINGLE",
                "participants", List.of(code), "capacity", capacity(2024, 3, 200_000, 200_000, 20, 1)));
        city().contentType(ContentType.JSON).body(capacity(2025, 4, 250_000, 210_000, 25, 2))
                .put("/api/v1/institutions/" + id + "/capacity/2025").then().statusCode(201).body("personnel", equalTo(4));
        city().get("/api/v1/institutions/" + id).then().body("capacity.year", equalTo(2025));
        city().get("/api/v1/institutions/" + id + "/capacity/2024").then().statusCode(200).body("personnel", equalTo(3));
        city().get("/api/v1/institutions/" + id + "/capacity").then().body("items.year", equalTo(List.of(2025, 2024)));
        city().get("/api/v1/institutions/" + id + "/capacity/2023").then().statusCode(404);
        city().contentType(ContentType.JSON).body(Map.of("personnel", -1, "equipmentValue", 1, "rdExpenditure", 1,
                        "floorArea", 1, "projectCount", 1, "hasRules", true, "hasStableFunding", true))
                .put("/api/v1/institutions/" + id + "/capacity/2025").then().statusCode(400)
                .body("errors[0].field", equalTo("personnel"));
    }

    @Test
    void structuralRulesAreCheckedOnWrite() {
        String a = enterprise("371521", 2024, 400, 30_000_000);
        String b = enterprise("371522", 2024, 30, 5_000_000);
        city().contentType(ContentType.JSON).body(Map.of("name", "x", "kind", "OTHER", "buildMode", "SINGLE", "participants", List.of(a, b)))
                .post("/api/v1/institutions").then().statusCode(400).body("errors.field", hasItem("participants"));
        city().contentType(ContentType.JSON).body(Map.of("name", "x", "kind", "OTHER", "buildMode", "JOINT", "participants", List.of(a, a)))
                .post("/api/v1/institutions").then().statusCode(400).body("errors.field", hasItems("participants[1]", "participants"));
        city().contentType(ContentType.JSON).body(Map.of("name", "x", "kind", "OTHER", "buildMode", "INDUSTRY", "participants", List.of(a)))
                .post("/api/v1/institutions").then().statusCode(400).body("errors.field", hasItems("platform", "serviceAgreement"));
        String unknown = TestData.creditCode();
        city().contentType(ContentType.JSON).body(Map.of("name", "x", "kind", "OTHER", "buildMode", "JOINT", "participants", List.of(a, unknown)))
                .post("/api/v1/institutions").then().statusCode(400)
                .body("errors[0].field", equalTo("participants[1]"))
                .body("errors[0].message", containsString(unknown));
        city().contentType(ContentType.JSON).body(Map.of("name", "x", "kind", "SPACESHIP", "buildMode", "SINGLE", "participants", List.of(a)))
                .post("/api/v1/institutions").then().statusCode(400).body("errors[0].field", equalTo("kind"));
        city().contentType(ContentType.JSON).body(Map.of("name", "x", "kind", "OTHER", "buildMode", "SINGLE", "participants", List.of(a), "status", "RECOGNIZED"))
                .post("/api/v1/institutions").then().statusCode(400).body("errors[0].field", equalTo("status"));
    }

    @Test
    void aJointInstitutionWithMixedSizesPassesForOneParticipantAndFailsForTheOther() {
        String medium = enterprise("371524", 2024, 350, 52_000_000);
        String large = enterprise("371524", 2024, 1500, 500_000_000);
        // two participants: totals 1.2M equipment, 1.2M R&D, 120 m² -> 600k, 600k, 60 m² each: enough for MEDIUM, not LARGE
        String id = declare(Map.of("name", "联建研究院", "kind", "RESEARCH_INSTITUTE", "buildMode", "JOINT",
                "participants", List.of(medium, large), "capacity", capacity(2024, 10, 1_200_000, 1_200_000, 120, 5),
                "cooperations", List.of(UNIVERSITY)));
        city().queryParam("asOf", "2024-12-31").get("/api/v1/institutions/" + id + "/eligibility").then().statusCode(200)
                .body("qualified", equalTo(false))
                .body("participants.find { it.creditCode == '" + medium + "' }.qualified", equalTo(true))
                .body("participants.find { it.creditCode == '" + large + "' }.qualified", equalTo(false))
                .body("criteria.findAll { !it.met }.code", hasItems("EQUIPMENT_VALUE", "RD_EXPENDITURE", "FLOOR_AREA"))
                .body("criteria.findAll { !it.met }.participant", everyItemIs(large));
    }

    private static org.hamcrest.Matcher<Iterable<? extends Object>> everyItemIs(String value) {
        return org.hamcrest.Matchers.everyItem(equalTo(value));
    }

    @Test
    void anIndustryInstitutionNeedsACertifiedPlatformAndAValidAgreement() {
        String code = enterprise("371525", 2024, 50, 21_000_000);
        String id = declare(Map.of("name", "产业共建服务团", "kind", "OTHER", "buildMode", "INDUSTRY", "participants", List.of(code),
                "platform", Map.of("name", "冠县轴承产业技术创新联盟", "kind", "INDUSTRY_ALLIANCE", "certificationLevel", "NONE"),
                "serviceAgreement", Map.of("expert", "张教授团队", "signedOn", "2024-01-01", "validUntil", "2025-12-31")));
        city().queryParam("asOf", "2024-06-30").get("/api/v1/institutions/" + id + "/eligibility").then().statusCode(200)
                .body("qualified", equalTo(false))
                .body("criteria.find { it.code == 'PLATFORM_ELIGIBLE' }.met", equalTo(false))
                .body("participants[0].subsidyReason", equalTo("NOT_QUALIFIED"));
        String etag = city().get("/api/v1/institutions/" + id).then().extract().header("ETag");
        city().contentType(ContentType.JSON).header("If-Match", etag).body(Map.of("name", "产业共建服务团", "kind", "OTHER",
                        "buildMode", "INDUSTRY", "participants", List.of(code),
                        "platform", Map.of("name", "冠县轴承产业技术创新联盟", "kind", "INDUSTRY_ALLIANCE", "certificationLevel", "CITY"),
                        "serviceAgreement", Map.of("expert", "张教授团队", "signedOn", "2024-01-01", "validUntil", "2025-12-31")))
                .put("/api/v1/institutions/" + id).then().statusCode(200);
        city().queryParam("asOf", "2024-06-30").get("/api/v1/institutions/" + id + "/eligibility").then()
                .body("qualified", equalTo(true))
                .body("participants[0].subsidyAmount", equalTo(0))
                .body("participants[0].subsidyReason", equalTo("MODE_NOT_SUBSIDISED"));
        city().queryParam("asOf", "2026-01-01").get("/api/v1/institutions/" + id + "/eligibility").then()
                .body("criteria.find { it.code == 'SERVICE_AGREEMENT_VALID' }.met", equalTo(false));
        city().contentType(ContentType.JSON).header("If-Match", etag).body(Map.of("name", "x", "kind", "OTHER",
                        "buildMode", "INDUSTRY", "participants", List.of(code),
                        "platform", Map.of("name", "x", "kind", "INDUSTRY_INSTITUTE", "certificationLevel", "NONE"),
                        "serviceAgreement", Map.of("expert", "x", "signedOn", "2024-01-01")))
                .put("/api/v1/institutions/" + id).then().statusCode(412);
    }

    @Test
    void listsFilterByRegionParticipantModeAndStatus() {
        String a = enterprise("371526", 2024, 40, 25_000_000);
        String b = enterprise("371581", 2024, 40, 25_000_000);
        String ia = declare(Map.of("name", "高唐中心", "kind", "TECH_CENTER", "buildMode", "SINGLE", "participants", List.of(a)));
        String ib = declare(Map.of("name", "联建", "kind", "TECH_CENTER", "buildMode", "JOINT", "participants", List.of(a, b)));
        city().queryParam("participant", a).get("/api/v1/institutions").then().statusCode(200)
                .body("total", equalTo(2)).body("items.id", hasItems(ia, ib));
        city().queryParam("participant", b).queryParam("buildMode", "JOINT").queryParam("regionCode", "371581")
                .get("/api/v1/institutions").then().body("items.id", equalTo(List.of(ib)));
        city().queryParam("participant", a).queryParam("status", "RECOGNIZED").get("/api/v1/institutions").then()
                .body("items", hasSize(0));
        city().queryParam("status", "SLEEPING").get("/api/v1/institutions").then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
        city().delete("/api/v1/institutions/" + ia).then().statusCode(428);
        city().header("If-Match", "\"99\"").delete("/api/v1/institutions/" + ia).then().statusCode(412);
        String etag = city().get("/api/v1/institutions/" + ia).then().extract().header("ETag");
        city().header("If-Match", etag).delete("/api/v1/institutions/" + ia).then().statusCode(204);
        city().get("/api/v1/institutions/" + ia).then().statusCode(404);
        city().get("/api/v1/institutions/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
    }
}
