package cn.liaocheng.rdcoverage.institution;

import cn.liaocheng.rdcoverage.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static cn.liaocheng.rdcoverage.TestData.city;
import static cn.liaocheng.rdcoverage.institution.InstitutionApiTest.UNIVERSITY;
import static cn.liaocheng.rdcoverage.institution.InstitutionApiTest.capacity;
import static cn.liaocheng.rdcoverage.institution.InstitutionApiTest.enterprise;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/** Issue #19: the institutions recognised before go-live are loaded with their real dates, all or nothing. */
@QuarkusTest
class HistoricRegisterTest {
    @Test
    void theHistoricRegisterIsLoadedWithRealDatesAllOrNothing() {
        String a = enterprise("371581", 2020, 350, 52_000_000);
        String b = enterprise("371581", 2020, 320, 41_000_000);
        Map<String, Object> first = Map.of("institution", Map.of("name", "临清轴承技术中心", "kind", "TECH_CENTER", "buildMode", "SINGLE",
                "participants", List.of(a), "capacity", capacity(2020, 6, 600_000, 520_000, 60, 3),
                "cooperations", List.of(UNIVERSITY)), "recognizedOn", "2020-12-18");
        Map<String, Object> second = Map.of("institution", Map.of("name", "临清精工研究院", "kind", "RESEARCH_INSTITUTE",
                "buildMode", "SINGLE", "participants", List.of(b)), "recognizedOn", "2021-06-30");
        String unknown = TestData.creditCode("371581");
        Map<String, Object> broken = Map.of("institution", Map.of("name", "坏行", "kind", "TECH_CENTER", "buildMode", "SINGLE",
                "participants", List.of(unknown)), "recognizedOn", TestData.today().plusDays(1).toString());

        // one bad entry: every problem listed, nothing stored
        city().contentType(ContentType.JSON).body(Map.of("institutions", List.of(first, second, broken)))
                .post("/api/v1/institutions/historic-register").then().statusCode(400)
                .body("errors.field", hasItems("institutions[2].recognizedOn", "institutions[2].institution.participants[0]"));
        city().queryParam("participant", a).get("/api/v1/institutions").then().body("total", equalTo(0));

        List<String> ids = city().contentType(ContentType.JSON).body(Map.of("institutions", List.of(first, second)))
                .post("/api/v1/institutions/historic-register").then().statusCode(201)
                .body("created", equalTo(2)).extract().path("ids");
        city().get("/api/v1/institutions/" + ids.get(0)).then().statusCode(200)
                .body("status", equalTo("RECOGNIZED")).body("recognizedOn", equalTo("2020-12-18"))
                .body("capacity.year", equalTo(2020));
        city().get("/api/v1/institutions/" + ids.get(1)).then().body("recognizedOn", equalTo("2021-06-30"));
        city().get("/api/v1/institutions/" + ids.get(0) + "/history").then()
                .body("items.findAll { it.resource == 'institution' }[0].changedBy", equalTo("dev-city_officer"))
                .body("items.findAll { it.resource == 'institution' }[0].state.status", equalTo("RECOGNIZED"));
        TestData.county("371581").contentType(ContentType.JSON).body(Map.of("institutions", List.of(first)))
                .post("/api/v1/institutions/historic-register").then().statusCode(403);
    }

    /**
     * Tester: 2019-05-01 (before the policy), 2020-04-25 and 2026-11-01 (after go-live) were loaded, the same register
     * four times, and several bad entries came back one entry per 400. Now one 400 lists every entry's problems (its
     * constraints included), the dates lie from 2020-04-26 to 2025-12-31 (rd.historic-register.*), and a repeated load
     * is a 409 storing nothing.
     */
    @Test
    void everyEntrysProblemsInOne400DatesWithinTheRegisterAndLoadedOnce() {
        String a = enterprise("371581", 2020, 350, 52_000_000);
        String b = enterprise("371581", 2020, 320, 41_000_000);
        String c = enterprise("371581", 2020, 330, 42_000_000);
        String d = enterprise("371581", 2020, 340, 43_000_000);
        List<Map<String, Object>> bad = List.of(
                entry("早于方案", a, "2019-05-01"),
                entry("方案前一日", b, "2020-04-25"),
                entry("上线之后", c, "2026-11-01"),
                Map.of("institution", Map.of("kind", "TECH_CENTER", "buildMode", "SINGLE", "participants", List.of(d)),
                        "recognizedOn", "2021-03-01"));
        city().contentType(ContentType.JSON).body(Map.of("institutions", bad))
                .post("/api/v1/institutions/historic-register").then().statusCode(400)
                .body("errors.field", equalTo(List.of("institutions[0].recognizedOn", "institutions[1].recognizedOn",
                        "institutions[2].recognizedOn", "institutions[3].institution.name")))
                .body("errors[0].message", equalTo("must not be before 2020-04-26, the date of the policy (聊城市规模以上工业企业研发机构全覆盖行动方案)"))
                .body("errors[2].message", equalTo("must not be after 2025-12-31, the day before the service went live: later "
                        + "recognitions are decided in a round"));
        city().header("Accept-Language", "zh-CN").contentType(ContentType.JSON).body(Map.of("institutions", bad))
                .post("/api/v1/institutions/historic-register").then().statusCode(400)
                .body("errors[1].message", equalTo("不能早于 2020-04-26（《聊城市规模以上工业企业研发机构全覆盖行动方案》印发日期）"))
                .body("errors[2].message", equalTo("不能晚于 2025-12-31（系统上线前一日）；此后的认定须经评审批次"));
        for (String code : List.of(a, b, c, d)) {
            city().queryParam("participant", code).get("/api/v1/institutions").then().body("total", equalTo(0));
        }

        List<Map<String, Object>> good = List.of(entry("方案当日", a, "2020-04-26"), entry("上线前一日", b, "2025-12-31"));
        List<String> ids = city().contentType(ContentType.JSON).body(Map.of("institutions", good))
                .post("/api/v1/institutions/historic-register").then().statusCode(201)
                .body("created", equalTo(2)).extract().path("ids");
        for (int k = 0; k < 3; k++) {
            city().contentType(ContentType.JSON).body(Map.of("institutions", good))
                    .post("/api/v1/institutions/historic-register").then().statusCode(409)
                    .body("type", org.hamcrest.Matchers.endsWith("/historic-register-loaded"))
                    .body("alreadyLoaded.'institutions[0]'", equalTo(ids.get(0)))
                    .body("alreadyLoaded.'institutions[1]'", equalTo(ids.get(1)));
        }
        // one entry already loaded among new ones: nothing stored
        city().contentType(ContentType.JSON).body(Map.of("institutions", List.of(entry("新增", c, "2022-01-01"), good.get(0))))
                .post("/api/v1/institutions/historic-register").then().statusCode(409)
                .body("alreadyLoaded.'institutions[1]'", equalTo(ids.get(0)));
        city().queryParam("participant", a).get("/api/v1/institutions").then().body("total", equalTo(1));
        city().queryParam("participant", c).get("/api/v1/institutions").then().body("total", equalTo(0));
    }

    private static Map<String, Object> entry(String name, String participant, String recognizedOn) {
        return Map.of("institution", Map.of("name", name, "kind", "TECH_CENTER", "buildMode", "SINGLE",
                "participants", List.of(participant)), "recognizedOn", recognizedOn);
    }
}
