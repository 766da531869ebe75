package cn.liaocheng.rdcoverage.integrity;

import cn.liaocheng.rdcoverage.review.Workflow;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static cn.liaocheng.rdcoverage.TestData.city;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * Issue 15: a write refused by a foreign key is answered as such (409 /problems/referenced, naming the constraint),
 * not as "a record that must be unique already exists". The database's own guard is reached by deleting a DECLARED
 * institution that a DRAFT application refers to (fk_application_institution, no cascade); nothing is deleted.
 */
@QuarkusTest
class ForeignKeyProblemTest {
    @Test
    void deletingAnInstitutionAnApplicationRefersToIsAReferencedConflict() {
        String code = Workflow.enterprise("371502", 350, 52_000_000);
        String inst = Workflow.institution(code);
        String app = Workflow.apply(code, inst, Workflow.openRound());
        String etag = city().get("/api/v1/institutions/" + inst).then().statusCode(200).extract().header("ETag");

        city().header("If-Match", etag).delete("/api/v1/institutions/" + inst).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/referenced"))
                .body("title", equalTo("Referenced by other records"))
                .body("detail", containsStringIgnoringCase("fk_application_institution"))
                .body("detail", not(containsString("unique")));
        city().header("Accept-Language", "zh-CN").header("If-Match", etag).delete("/api/v1/institutions/" + inst).then()
                .statusCode(409).body("type", equalTo("/problems/referenced")).body("title", equalTo("存在关联记录"))
                .body("detail", equalTo("该修改与引用此记录（或被此记录引用）的其他记录冲突；请先修改或删除这些记录"));

        city().get("/api/v1/institutions/" + inst).then().statusCode(200).body("status", equalTo("DECLARED"));
        city().get("/api/v1/applications/" + app).then().statusCode(200).body("institutionId", equalTo(inst));
    }
}
