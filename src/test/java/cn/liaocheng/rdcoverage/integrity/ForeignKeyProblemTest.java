package cn.liaocheng.rdcoverage.integrity;

import cn.liaocheng.rdcoverage.TestData;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static cn.liaocheng.rdcoverage.TestData.city;
import static cn.liaocheng.rdcoverage.TestData.county;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * Issue 15: a write refused by a foreign key is answered as such (409 /problems/referenced, naming the constraint),
 * not as "a record that must be unique already exists". The database's own guard is reached by deleting an enterprise
 * that only a supervision follow-up refers to (fk_follow_up_enterprise); nothing is deleted.
 */
@QuarkusTest
class ForeignKeyProblemTest {
    @Test
    void deletingAnEnterpriseAFollowUpRefersToIsAReferencedConflict() {
        String code = TestData.creditCode("371502");
        city().contentType("application/json").body(Map.of("creditCode", code, "name", "外键企业", "regionCode", "371502"))
                .post("/api/v1/enterprises").then().statusCode(201);
        county("371502").contentType("application/json").body(Map.of("visitedOn", "2026-08-01", "by", "王科长"))
                .post("/api/v1/enterprises/" + code + "/follow-ups").then().statusCode(201);
        String etag = city().get("/api/v1/enterprises/" + code).then().statusCode(200).extract().header("ETag");

        city().header("If-Match", etag).delete("/api/v1/enterprises/" + code).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/referenced"))
                .body("title", equalTo("Referenced by other records"))
                .body("detail", containsString("fk_follow_up_enterprise"))
                .body("detail", not(containsString("unique")));
        city().header("Accept-Language", "zh-CN").header("If-Match", etag).delete("/api/v1/enterprises/" + code).then()
                .statusCode(409).body("type", equalTo("/problems/referenced")).body("title", equalTo("存在关联记录"))
                .body("detail", not(containsString("须唯一")));

        city().get("/api/v1/enterprises/" + code).then().statusCode(200).body("creditCode", equalTo(code));
        county("371502").get("/api/v1/enterprises/" + code + "/follow-ups").then().statusCode(200).body("total", equalTo(1));
    }
}
