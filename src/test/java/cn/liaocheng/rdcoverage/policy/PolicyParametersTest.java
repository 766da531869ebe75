package cn.liaocheng.rdcoverage.policy;

import cn.liaocheng.rdcoverage.TestData;
import cn.liaocheng.rdcoverage.review.Workflow;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static cn.liaocheng.rdcoverage.TestData.city;
import static cn.liaocheng.rdcoverage.TestData.county;
import static cn.liaocheng.rdcoverage.TestData.role;
import static cn.liaocheng.rdcoverage.review.Workflow.act;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 15 item 4: the policy is the only source of interpretations. A document missing a parameter (or its clause)
 * is a 400 naming each one; every parameter shows the clause it comes from; the submit check and the award
 * explanations read the policy in force.
 */
@QuarkusTest
class PolicyParametersTest {
    private static final String REGION = "371524";

    @Test
    void theSeededPolicyShowsTheClauseOfEachParameter() {
        JsonPath p = city().get("/api/v1/policies/liaocheng-2020").then().statusCode(200).extract().jsonPath();
        Map<String, String> references = p.getMap("references", String.class, String.class);
        assertEquals(11, references.size(), references.toString());
        assertContains(references.get("awards"), "六（二）");
        assertContains(references.get("awards"), "大型企业20万元、中型企业10万元、小型企业5万元");
        assertContains(references.get("standards"), "三（一）至（三）");
        assertContains(references.get("minCooperations"), "三（四）");
        assertContains(references.get("interpretations.industryCapacityRequired"), "四（三）");
        assertContains(references.get("interpretations.industryModeSubsidised"), "六（二）");
        assertContains(references.get("interpretations.platformMinCertification"), "市级以上认证");
        assertContains(references.get("interpretations.jointRequiresEveryParticipant"), "四（二）");
    }

    @Test
    void aPolicyWithoutAwardsSmallIs400NamingItAndIsNotStored() {
        Map<String, Object> doc = seed("no-small-" + suffix(), parkingDate());
        map(doc, "awards").remove("SMALL");
        role("ADMIN").contentType("application/json").body(doc).post("/api/v1/policies").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("awards.SMALL"))
                .body("errors[0].code", equalTo("REQUIRED"));
        role("ADMIN").get("/api/v1/policies/" + doc.get("id")).then().statusCode(404);
    }

    /**
     * What the contract requires of a policy document (a generated client's types) the service requires: each required
     * property of Policy and of the parts it is made of, left out, is a 400 REQUIRED naming its path, and the contract
     * requires every property those schemas have.
     */
    @Test
    void everyPropertyTheContractRequiresOfAPolicyIsRequiredByTheService() {
        JsonPath contract = io.restassured.RestAssured.given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().jsonPath();
        // a schema of the document, and where one of its objects lies in a document
        Map<String, String> parts = Map.of("Policy", "", "SizeClassification", "sizeClassification",
                "SizeBound", "sizeClassification.medium", "Standard", "standards.SMALL", "Interpretations", "interpretations");
        int checked = 0;
        for (Map.Entry<String, String> part : parts.entrySet()) {
            Map<String, Object> schema = contract.getMap("components.schemas." + part.getKey());
            java.util.List<String> required = contract.getList("components.schemas." + part.getKey() + ".required", String.class);
            assertEquals(new java.util.TreeSet<>(((Map<?, ?>) schema.get("properties")).keySet()),
                    new java.util.TreeSet<>(required), part.getKey() + ": every property is required");
            for (String property : required) {
                String id = "req-" + suffix();
                Map<String, Object> doc = seed(id, parkingDate());
                Map<String, Object> parent = doc;
                for (String key : part.getValue().isEmpty() ? new String[0] : part.getValue().split("\\.")) {
                    parent = map(parent, key);
                }
                parent.remove(property);
                String path = part.getValue().isEmpty() ? property : part.getValue() + "." + property;
                role("ADMIN").contentType("application/json").body(doc).post("/api/v1/policies").then().statusCode(400)
                        .body("errors.find { it.field == '" + path + "' }.code", equalTo("REQUIRED"));
                checked++;
            }
        }
        assertEquals(10 + 3 + 2 + 5 + 6, checked);
    }

    @Test
    void aParameterThePolicyDoesNotHaveIs400NamingIt() {
        Map<String, Object> doc = seed("unknown-" + suffix(), parkingDate());
        map(doc, "interpretations").put("industryModeSubsidized", true);
        role("ADMIN").contentType("application/json").body(doc).post("/api/v1/policies").then().statusCode(400)
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("interpretations.industryModeSubsidized"))
                .body("errors[0].code", equalTo("UNKNOWN_FIELD"));
        role("ADMIN").get("/api/v1/policies/" + doc.get("id")).then().statusCode(404);
    }

    @Test
    void everyMissingOrInvalidParameterIsNamedInOneAnswer() {
        Map<String, Object> doc = seed("faults-" + suffix(), parkingDate());
        doc.remove("minCooperations");
        map(map(doc, "sizeClassification"), "large").put("employees", -1);
        map(map(doc, "standards"), "MEDIUM").remove("floorArea");
        map(doc, "interpretations").put("microTier", "MICRO");
        map(doc, "interpretations").remove("industryCapacityRequired");
        map(doc, "interpretations").put("industryModeSubsidised", "no");
        map(map(doc, "interpretations"), "platformMinCertification").remove("INNOVATION_COMMUNITY");
        map(doc, "references").remove("awards");
        map(doc, "references").put("standards", " ");
        JsonPath answer = role("ADMIN").contentType("application/json").body(doc).post("/api/v1/policies").then()
                .statusCode(400).extract().jsonPath();
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("sizeClassification.large.employees", "OUT_OF_RANGE");
        expected.put("minCooperations", "REQUIRED");
        expected.put("standards.MEDIUM.floorArea", "REQUIRED");
        expected.put("interpretations.microTier", "INVALID_VALUE");
        expected.put("interpretations.industryCapacityRequired", "REQUIRED");
        expected.put("interpretations.industryModeSubsidised", "INVALID_TYPE");
        expected.put("interpretations.platformMinCertification.INNOVATION_COMMUNITY", "REQUIRED");
        expected.put("references.standards", "REQUIRED");
        expected.put("references.awards", "REQUIRED");
        Map<String, String> actual = new LinkedHashMap<>();
        for (Map<String, Object> e : answer.<Map<String, Object>>getList("errors")) {
            actual.put((String) e.get("field"), (String) e.get("code"));
        }
        assertEquals(expected.keySet().stream().sorted().toList(), actual.keySet().stream().sorted().toList());
        assertEquals(new java.util.TreeMap<>(expected), new java.util.TreeMap<>(actual));
    }

    /**
     * The submit check reads interpretations.industryCapacityRequired of the policy in force: with the seeded policy
     * (false) an INDUSTRY application without capacity submits; with a version that turns it on, it is a 422
     * capacity-missing; a correction of that version missing the switch is a 400 naming it. The version is moved out
     * of the way (effective in a far year) before the test ends, since tests share one database.
     */
    @Test
    void theSubmitCheckReadsIndustryCapacityRequiredOfThePolicyInForce() {
        String round = Workflow.openRound();
        String first = industryApplication(round);
        String second = industryApplication(round);
        act(TestData.enterprise(codeOf(first)), first, "SUBMIT").statusCode(200).body("status", equalTo("SUBMITTED"));

        String id = "capacity-on-" + suffix();
        Map<String, Object> on = seed(id, TestData.today().toString());
        map(on, "interpretations").put("industryCapacityRequired", true);
        role("ADMIN").contentType("application/json").body(on).post("/api/v1/policies").then().statusCode(201)
                .body("interpretations.industryCapacityRequired", equalTo(true))
                .body("references.'interpretations.industryCapacityRequired'", containsString("四（三）"));
        try {
            act(TestData.enterprise(codeOf(second)), second, "SUBMIT").statusCode(422)
                    .body("type", containsString("capacity-missing"));
            city().get("/api/v1/applications/" + second).then().statusCode(200).body("status", equalTo("DRAFT"));

            Map<String, Object> withoutSwitch = seed(id, TestData.today().toString());
            map(withoutSwitch, "interpretations").remove("industryCapacityRequired");
            role("ADMIN").contentType("application/json").header("If-Match", "*").body(withoutSwitch)
                    .put("/api/v1/policies/" + id).then().statusCode(400)
                    .body("errors[0].field", equalTo("interpretations.industryCapacityRequired"))
                    .body("errors[0].code", equalTo("REQUIRED"));
        } finally {
            Map<String, Object> parked = seed(id, parkingDate());
            map(parked, "interpretations").put("industryCapacityRequired", true);
            role("ADMIN").contentType("application/json").header("If-Match", "*").body(parked)
                    .put("/api/v1/policies/" + id).then().statusCode(200);
        }
        act(TestData.enterprise(codeOf(second)), second, "SUBMIT").statusCode(200).body("status", equalTo("SUBMITTED"));
    }

    /** The award note of an INDUSTRY recognition cites the policy's switch and its clause, not a fixed sentence. */
    @Test
    void theNoteOfAnUnsubsidisedModeCitesThePolicySwitchAndItsClause() {
        String round = Workflow.openRound();
        String app = industryApplication(round);
        String code = codeOf(app);
        act(TestData.enterprise(code), app, "SUBMIT").statusCode(200);
        act(county(REGION), app, "COUNTY_APPROVE").statusCode(200);
        act(city(), app, "START_ASSESSMENT").statusCode(200);
        act(city(), app, "RECOGNIZE").statusCode(200)
                .body("awards", hasSize(0))
                .body("awardNotes[0].creditCode", equalTo(code))
                .body("awardNotes[0].reason", equalTo("MODE_NOT_SUBSIDISED"))
                .body("awardNotes[0].detail", containsString("policy liaocheng-2020"))
                .body("awardNotes[0].detail", containsString("interpretations.industryModeSubsidised is false"))
                .body("awardNotes[0].detail", containsString("六（二）：对按标准建设研发机构的企业以先建后补的方式给予支持"));
    }

    private static final Map<String, String> CODES = new java.util.concurrent.ConcurrentHashMap<>();

    /** A DRAFT application of a fresh enterprise's INDUSTRY institution (no capacity declared), materials attached. */
    private static String industryApplication(String round) {
        String code = Workflow.enterprise(REGION, 50, 21_000_000);
        String app = Workflow.apply(code, Workflow.industryInstitution(code), round);
        CODES.put(app, code);
        return app;
    }

    private static String codeOf(String app) {
        return CODES.get(app);
    }

    /** The seeded document as GET shows it, under another id and date, ready to send. */
    private static Map<String, Object> seed(String id, String effectiveFrom) {
        Map<String, Object> doc = deepCopy(role("ADMIN").get("/api/v1/policies/liaocheng-2020").then().statusCode(200)
                .extract().jsonPath().getMap(""));
        doc.remove("locked");
        doc.put("id", id);
        doc.put("effectiveFrom", effectiveFrom);
        doc.put("title", "测试版本 " + id);
        return doc;
    }

    /** A date far ahead, free in this database (one version per date), where a test version governs nothing. */
    private static String parkingDate() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return java.time.LocalDate.of(r.nextInt(2300, 2900), 1, 1).plusDays(r.nextInt(365)).toString();
    }

    private static String suffix() {
        return Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> in) {
        Map<String, Object> out = new HashMap<>();
        in.forEach((k, v) -> out.put(k, v instanceof Map<?, ?> m ? deepCopy((Map<String, Object>) m) : v));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> doc, String key) {
        return (Map<String, Object>) doc.get(key);
    }

    private static void assertContains(String text, String part) {
        org.junit.jupiter.api.Assertions.assertTrue(text != null && text.contains(part), text + " should contain " + part);
    }
}
