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
}
