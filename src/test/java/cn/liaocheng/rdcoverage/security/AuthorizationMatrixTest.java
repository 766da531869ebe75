package cn.liaocheng.rdcoverage.security;

import cn.liaocheng.rdcoverage.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static cn.liaocheng.rdcoverage.TestData.city;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every operation the service serves (read from its OpenAPI document) must have a rule here, or this test fails:
 * a new endpoint cannot ship without saying who may call it. For each rule and each role it checks: 401 without a
 * token, 403 for roles not listed, a 2xx for every listed role within its scope (a valid body, and for a create, a
 * delete or a transition an object of its own prepared by {@link MatrixCalls}; so a service-level role check shows), and 404 for
 * a listed role marked {@code !} when the object is outside its scope (another enterprise or region), and 404 for a
 * role marked {@code ~}: one the object is hidden from altogether (security.Scope answers as for an unknown id).
 */
@QuarkusTest
class AuthorizationMatrixTest {
    private static final String ALL = "ENTERPRISE COUNTY_OFFICER CITY_OFFICER FINANCE PROVINCE ADMIN ASSESSOR SUPERVISOR";
    private static final String READ = "ENTERPRISE! COUNTY_OFFICER! CITY_OFFICER FINANCE PROVINCE ADMIN";
    private static final String READ_LIST = "ENTERPRISE COUNTY_OFFICER CITY_OFFICER FINANCE PROVINCE ADMIN";
    /** Reads a supervisor also has, within the regions of its supervision groups. */
    private static final String SREAD = READ + " SUPERVISOR!";
    private static final String SREAD_LIST = READ_LIST + " SUPERVISOR";
    /** Reports: a county officer (a supervisor) gets its own region(s) only (no 404 unless it asks for another region). */
    private static final String REPORTS = "COUNTY_OFFICER CITY_OFFICER FINANCE PROVINCE ADMIN SUPERVISOR";
    /** Application materials: the other roles get 404, as for an unknown id (issue #17, security.Scope#attachments). */
    private static final String HIDDEN = "FINANCE~ PROVINCE~ ADMIN~ SUPERVISOR~";

    /** method path | who may call (a role, ! = object-scoped, * = every role, public = no token) | request. */
    private static final String RULES = """
            GET    /api/v1/regions                                  | *
            GET    /api/v1/policies                                 | *
            GET    /api/v1/policies/{id}                            | *
            GET    /api/v1/policies/{id}/history                    | *
            POST   /api/v1/policies                                 | ADMIN                              | json {}
            PUT    /api/v1/policies/{id}                            | ADMIN                              | json {} stale
            GET    /api/v1/enterprises                              | SREAD_LIST
            POST   /api/v1/enterprises                              | COUNTY_OFFICER CITY_OFFICER        | new-enterprise
            POST   /api/v1/enterprises/import                       | COUNTY_OFFICER CITY_OFFICER        | csv
            GET    /api/v1/enterprises/{creditCode}                 | SREAD
            PUT    /api/v1/enterprises/{creditCode}                 | COUNTY_OFFICER! CITY_OFFICER       | enterprise current
            DELETE /api/v1/enterprises/{creditCode}                 | COUNTY_OFFICER! CITY_OFFICER       | stale
            GET    /api/v1/enterprises/{creditCode}/history         | SREAD
            GET    /api/v1/enterprises/{creditCode}/figures         | SREAD
            GET    /api/v1/enterprises/{creditCode}/figures/{year}  | SREAD
            PUT    /api/v1/enterprises/{creditCode}/figures/{year}  | COUNTY_OFFICER! CITY_OFFICER       | figures current
            DELETE /api/v1/enterprises/{creditCode}/figures/{year}  | COUNTY_OFFICER! CITY_OFFICER       | stale
            GET    /api/v1/institutions                             | SREAD_LIST
            POST   /api/v1/institutions                             | ENTERPRISE COUNTY_OFFICER CITY_OFFICER | json {}
            POST   /api/v1/institutions/historic-register           | CITY_OFFICER                       | json {}
            GET    /api/v1/institutions/{id}                        | SREAD
            PUT    /api/v1/institutions/{id}                        | ENTERPRISE! CITY_OFFICER           | institution stale
            DELETE /api/v1/institutions/{id}                        | ENTERPRISE! CITY_OFFICER           | stale
            GET    /api/v1/institutions/{id}/history                | SREAD
            GET    /api/v1/institutions/{id}/capacity               | SREAD
            GET    /api/v1/institutions/{id}/capacity/{year}        | SREAD
            PUT    /api/v1/institutions/{id}/capacity/{year}        | ENTERPRISE! CITY_OFFICER           | capacity
            GET    /api/v1/institutions/{id}/eligibility            | SREAD
            GET    /api/v1/institutions/{id}/indicators             | SREAD
            GET    /api/v1/institutions/{id}/indicators/{year}      | SREAD
            PUT    /api/v1/institutions/{id}/indicators/{year}      | ENTERPRISE! CITY_OFFICER           | indicators
            POST   /api/v1/institutions/indicators/import           | CITY_OFFICER                       | csv
            GET    /api/v1/institutions/{id}/designations           | SREAD
            POST   /api/v1/institutions/{id}/designations           | CITY_OFFICER                       | json {}
            GET    /api/v1/institutions/{id}/designations/{designationId} | SREAD
            POST   /api/v1/institutions/{id}/designations/{designationId}/revocations | CITY_OFFICER | json {}
            POST   /api/v1/institutions/{id}/revocations            | CITY_OFFICER                       | json {}
            POST   /api/v1/institutions/{id}/corrections            | CITY_OFFICER                       | json {}
            POST   /api/v1/institutions/{id}/consents               | ENTERPRISE COUNTY_OFFICER          | json {}
            POST   /api/v1/eligibility-assessments                  | *                                  | json {}
            GET    /api/v1/targets                                  | SREAD_LIST
            POST   /api/v1/targets                                  | CITY_OFFICER ADMIN                 | json {}
            GET    /api/v1/targets/{id}                             | SREAD_LIST
            PUT    /api/v1/targets/{id}                             | CITY_OFFICER ADMIN                 | json {} stale
            GET    /api/v1/reports/coverage                         | REPORTS
            GET    /api/v1/reports/coverage/trend                   | REPORTS
            GET    /api/v1/reports/uncovered                        | REPORTS
            GET    /api/v1/reports/snapshots                        | REPORTS
            POST   /api/v1/reports/snapshots                        | CITY_OFFICER                       | json {"asOf":"not-a-date"}
            GET    /api/v1/reports/snapshots/{id}                   | REPORTS
            POST   /api/v1/reports/snapshots/catch-up               | CITY_OFFICER ADMIN
            GET    /api/v1/reports/snapshots/{id}/indicators        | REPORTS
            GET    /api/v1/reports/indicators                       | REPORTS
            GET    /api/v1/reports/indicators/trend                 | REPORTS
            POST   /api/v1/reports/coverage-ledger/checks           | ADMIN                              | json {}
            POST   /api/v1/dev/tokens                               | public                             | json {"role":"ADMIN"}
            GET    /api/v1/rounds                                   | *
            POST   /api/v1/rounds                                   | CITY_OFFICER                       | json {}
            GET    /api/v1/rounds/{id}                              | *
            POST   /api/v1/rounds/{id}/transitions                  | CITY_OFFICER                       | json {"action":"START_REVIEW"} stale
            GET    /api/v1/applications                             | READ_LIST ASSESSOR
            POST   /api/v1/applications                             | ENTERPRISE COUNTY_OFFICER CITY_OFFICER | json {}
            GET    /api/v1/applications/{id}                        | READ ASSESSOR!
            POST   /api/v1/applications/{id}/transitions            | ENTERPRISE! COUNTY_OFFICER! CITY_OFFICER | json {"action":"SUBMIT"} stale
            GET    /api/v1/inspections                              | COUNTY_OFFICER CITY_OFFICER ASSESSOR PROVINCE ADMIN
            POST   /api/v1/inspections                              | CITY_OFFICER                       | json {}
            GET    /api/v1/inspections/{id}                         | COUNTY_OFFICER! CITY_OFFICER ASSESSOR! PROVINCE ADMIN
            PATCH  /api/v1/inspections/{id}                         | ASSESSOR!                          | json {} stale
            POST   /api/v1/inspections/{id}/cancellation            | CITY_OFFICER                       | json {}
            GET    /api/v1/awards                                   | READ_LIST
            POST   /api/v1/awards                                   | FINANCE CITY_OFFICER               | json {}
            GET    /api/v1/awards/{id}                              | READ
            GET    /api/v1/awards/{id}/history                      | READ
            GET    /api/v1/applications/{id}/history                | READ ASSESSOR!
            GET    /api/v1/targets/{id}/history                     | SREAD_LIST
            POST   /api/v1/awards/{id}/transitions                  | FINANCE CITY_OFFICER               | json {}
            GET    /api/v1/regions/{code}/award-policy              | *
            GET    /api/v1/supervision-groups                       | COUNTY_OFFICER CITY_OFFICER PROVINCE ADMIN SUPERVISOR
            POST   /api/v1/supervision-groups                       | CITY_OFFICER                       | json {}
            GET    /api/v1/supervision-groups/{id}                  | COUNTY_OFFICER! CITY_OFFICER PROVINCE ADMIN SUPERVISOR!
            PUT    /api/v1/supervision-groups/{id}                  | CITY_OFFICER                       | json {} stale
            DELETE /api/v1/supervision-groups/{id}                  | CITY_OFFICER                       | stale
            GET    /api/v1/enterprises/{creditCode}/follow-ups      | COUNTY_OFFICER! CITY_OFFICER PROVINCE ADMIN SUPERVISOR!
            POST   /api/v1/enterprises/{creditCode}/follow-ups      | COUNTY_OFFICER! SUPERVISOR!        | json {"visitedOn":"2026-01-05","by":"矩阵督导"}
            GET    /api/v1/enterprises/{creditCode}/follow-ups/{followUpId} | COUNTY_OFFICER! CITY_OFFICER PROVINCE ADMIN SUPERVISOR!
            POST   /api/v1/regions/{code}/award-policy              | COUNTY_OFFICER CITY_OFFICER ADMIN  | json {}
            POST   /api/v1/applications/transitions                 | ENTERPRISE COUNTY_OFFICER CITY_OFFICER | json {"items":[]}
            POST   /api/v1/awards/transitions                       | FINANCE CITY_OFFICER               | json {"items":[]}
            GET    /api/v1/rounds/{id}/summary                      | COUNTY_OFFICER CITY_OFFICER FINANCE PROVINCE ADMIN
            GET    /api/v1/rounds/{id}/announcement                 | *
            GET    /api/v1/policies/current/required-materials      | *
            GET    /api/v1/applications/{id}/attachments            | ENTERPRISE! COUNTY_OFFICER! CITY_OFFICER ASSESSOR! HIDDEN
            POST   /api/v1/applications/{id}/attachments            | ENTERPRISE!                        | multipart
            GET    /api/v1/applications/{id}/attachments/{aid}      | ENTERPRISE! COUNTY_OFFICER! CITY_OFFICER ASSESSOR! HIDDEN
            DELETE /api/v1/applications/{id}/attachments/{aid}      | ENTERPRISE!                        |
            GET    /api/v1/events                                   | READ_LIST
            GET    /api/v1/events/head                              | READ_LIST
            GET    /api/v1/webhook-subscriptions                    | PROVINCE ADMIN
            POST   /api/v1/webhook-subscriptions                    | PROVINCE ADMIN                     | json {}
            GET    /api/v1/webhook-subscriptions/{id}               | PROVINCE ADMIN
            DELETE /api/v1/webhook-subscriptions/{id}               | PROVINCE ADMIN                     | fresh-webhook
            GET    /api/v1/webhook-subscriptions/{id}/deliveries    | PROVINCE ADMIN
            POST   /api/v1/webhook-subscriptions/{id}/redeliveries  | PROVINCE ADMIN                     | json {}
            """;

    private record Rule(String method, String path, Map<Role, Boolean> allowed, Set<Role> hidden, boolean isPublic, String request) {
        String key() {
            return method + " " + path;
        }
    }

    record Fixture(String inScopeCode, String outOfScopeCode, String inRegion, String outRegion, String institution,
                           String round, String application, String inspection, String award,
                           String designation, String target, String snapshot, String group, String followUp, String attachment,
                           String webhook) {
        String id(String path) {
            if (path.startsWith("/api/v1/webhook-subscriptions")) {
                return webhook;
            }
            if (path.startsWith("/api/v1/policies")) {
                return "liaocheng-2020";
            }
            if (path.startsWith("/api/v1/targets")) {
                return target;
            }
            if (path.startsWith("/api/v1/supervision-groups")) {
                return group;
            }
            if (path.startsWith("/api/v1/reports/snapshots")) {
                return snapshot;
            }
            if (path.startsWith("/api/v1/rounds")) {
                return round;
            }
            if (path.startsWith("/api/v1/applications")) {
                return application;
            }
            if (path.startsWith("/api/v1/inspections")) {
                return inspection;
            }
            if (path.startsWith("/api/v1/awards")) {
                return award;
            }
            return institution;
        }
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointHasARuleAndEveryRoleGetsWhatTheRuleSays() {
        List<Rule> rules = parse();
        Set<String> served = served();
        served.add("POST /api/v1/dev/tokens"); // served in dev and tests, hidden from the production contract
        Set<String> ruled = new TreeSet<>();
        rules.forEach(r -> ruled.add(r.key()));
        Set<String> withoutRule = new TreeSet<>(served);
        withoutRule.removeAll(ruled);
        Set<String> stale = new TreeSet<>(ruled);
        stale.removeAll(served);
        assertTrue(withoutRule.isEmpty(), "endpoints without an authorisation rule: " + withoutRule);
        assertTrue(stale.isEmpty(), "rules for endpoints that do not exist: " + stale);

        Fixture f = fixture();
        Map<String, String> tokens = new LinkedHashMap<>();
        List<DynamicTest> tests = new ArrayList<>();
        for (Rule rule : rules) {
            tests.add(DynamicTest.dynamicTest(rule.key() + " without a token", () -> {
                int status = call(RestAssured.given(), rule, f);
                if (rule.isPublic()) {
                    assertTrue(status < 400, rule.key() + " is public but answered " + status);
                } else {
                    assertEquals(401, status, rule.key() + " without a token");
                }
            }));
            if (rule.isPublic()) {
                continue;
            }
            for (Role role : Role.values()) {
                tests.add(DynamicTest.dynamicTest(rule.key() + " as " + role, () -> {
                    MatrixCalls.Preparation fresh = rule.allowed().containsKey(role) ? MatrixCalls.of(rule.key()) : null;
                    int status = fresh != null ? send(rule, fresh.prepare(role, f))
                            : call(TestData.as(tokens.computeIfAbsent(role + "/in", k -> token(role, f, true))), rule, f);
                    Boolean scoped = rule.allowed().get(role);
                    if (rule.hidden().contains(role)) {
                        assertEquals(404, status, rule.key() + " as " + role + " must not see the object");
                    } else if (scoped == null) {
                        assertEquals(403, status, rule.key() + " as " + role + " must be forbidden");
                    } else {
                        assertTrue(status >= 200 && status < 300, rule.key() + " as " + role + " (in scope) must succeed, got " + status);
                    }
                }));
                if (Boolean.TRUE.equals(rule.allowed().get(role))) {
                    tests.add(DynamicTest.dynamicTest(rule.key() + " as " + role + " outside its scope", () -> {
                        int status = call(TestData.as(tokens.computeIfAbsent(role + "/out", k -> token(role, f, false))), rule, f);
                        assertEquals(404, status, rule.key() + " as " + role + " on an object outside its scope");
                    }));
                }
            }
        }
        return tests.stream();
    }

    private static String token(Role role, Fixture f, boolean inScope) {
        return switch (role) {
            case ENTERPRISE -> TestData.token("ENTERPRISE", "creditCode", inScope ? f.inScopeCode() : f.outOfScopeCode());
            case COUNTY_OFFICER -> TestData.token("COUNTY_OFFICER", "regionCode", inScope ? f.inRegion() : f.outRegion());
            case ASSESSOR -> TestData.token("ASSESSOR", "assessorId", inScope ? "matrix-expert" : "other-expert");
            case SUPERVISOR -> TestData.token("SUPERVISOR", "supervisorId", inScope ? "matrix-supervisor" : "other-supervisor");
            default -> TestData.token(role.name(), null, null);
        };
    }

    private static int send(Rule rule, MatrixCalls.Prepared call) {
        return call.spec().request(rule.method(), call.path()).then().extract().statusCode();
    }

    private static int call(RequestSpecification spec, Rule rule, Fixture f) {
        String path = rule.path().replace("{creditCode}", f.inScopeCode()).replace("{year}", "2024")
                .replace("{code}", f.inRegion()).replace("{designationId}", f.designation()).replace("{followUpId}", f.followUp()).replace("{aid}", f.attachment()).replace("{id}", f.id(rule.path()));
        String request = rule.request() == null ? "" : rule.request();
        if (request.startsWith("fresh-webhook")) { // each DELETE removes a subscription of its own
            path = rule.path().replace("{id}", subscription());
        }
        spec = spec.config(TestData.RAW_CHARSET);
        if (request.contains("stale")) {
            spec = spec.header("If-Match", "\"999999\"");
        } else if (request.contains("current")) { // the object's ETag as the city reads it now
            String etag = city().get(path).then().extract().header("ETag");
            spec = spec.header("If-Match", etag == null ? "\"999999\"" : etag);
        }
        if (request.startsWith("json ")) {
            spec = spec.contentType("application/json").body(request.substring(5).replace(" stale", ""));
        } else if (request.startsWith("csv")) {
            spec = spec.contentType("text/csv").body("creditCode\n".getBytes(StandardCharsets.UTF_8));
        } else if (request.startsWith("new-enterprise")) { // a fresh credit code each call: 201 every time
            spec = spec.contentType("application/json").body(Map.of("creditCode", TestData.creditCode(f.inRegion()), "name", "矩阵新企业",
                    "regionCode", f.inRegion()));
        } else if (request.startsWith("enterprise")) {
            spec = spec.contentType("application/json").body(Map.of("name", "矩阵", "regionCode", f.inRegion()));
        } else if (request.startsWith("figures")) {
            spec = spec.contentType("application/json").body(Map.of("employees", 40, "revenue", 25_000_000));
        } else if (request.startsWith("institution")) {
            spec = spec.contentType("application/json").body(Map.of("name", "矩阵中心", "kind", "TECH_CENTER",
                    "buildMode", "SINGLE", "participants", List.of(f.inScopeCode())));
        } else if (request.startsWith("multipart")) {
            spec = spec.contentType("multipart/form-data; boundary=mx").body("--mx--\r\n".getBytes(StandardCharsets.US_ASCII));
        } else if (request.startsWith("capacity")) {
            spec = spec.contentType("application/json").body(CAPACITY);
        } else if (request.startsWith("indicators")) {
            spec = spec.contentType("application/json").body(INDICATORS);
        }
        return spec.request(rule.method(), path).then().extract().statusCode();
    }

    private static final Map<String, Object> CAPACITY = Map.of("personnel", 3, "equipmentValue", 200000, "rdExpenditure", 200000,
            "floorArea", 20, "projectCount", 1, "hasRules", true, "hasStableFunding", true);

    private static final Map<String, Object> INDICATORS = Map.of("patentApplications", 3, "inventionPatentApplications", 1,
            "patentsGranted", 1, "newProducts", 2);

    private static Fixture fixture() {
        String in = TestData.creditCode("371502");
        String out = TestData.creditCode("371503");
        // listed in 2024 and in this year (the statistical year of today's recognition, whose award the matrix pays)
        List<Map<String, Object>> figures = java.util.stream.IntStream.of(2024, cn.liaocheng.rdcoverage.review.Workflow.YEAR)
                .distinct().mapToObj(y -> Map.<String, Object>of("year", y, "employees", 40, "revenue", 25_000_000)).toList();
        for (String[] e : new String[][]{{in, "371502"}, {out, "371503"}}) {
            city().contentType("application/json").body(Map.of("creditCode", e[0], "name", "矩阵企业", "regionCode", e[1],
                    "figures", figures)).post("/api/v1/enterprises").then().statusCode(201);
        }
        Map<String, Object> capacity = new LinkedHashMap<>(CAPACITY);
        capacity.put("year", 2024);
        String id = city().contentType("application/json").body(Map.of("name", "矩阵中心", "kind", "TECH_CENTER", "buildMode", "SINGLE",
                "participants", List.of(in), "capacity", capacity, "cooperations", List.of(Map.of("partner", "聊城大学",
                        "partnerKind", "UNIVERSITY", "signedOn", "2024-01-01", "activities", "联合攻关"))))
                .post("/api/v1/institutions").then().statusCode(201).extract().path("id");
        city().contentType("application/json").body(INDICATORS).put("/api/v1/institutions/" + id + "/indicators/2024")
                .then().statusCode(201);
        String round = cn.liaocheng.rdcoverage.review.Workflow.openRound();
        String app = city().contentType("application/json").body(Map.of("institutionId", id, "roundId", round))
                .post("/api/v1/applications").then().statusCode(201).extract().path("id");
        cn.liaocheng.rdcoverage.review.Workflow.materials(in, app);
        String attachment = city().get("/api/v1/applications/" + app + "/attachments").then().statusCode(200).extract().path("items[0].id");
        for (String action : List.of("SUBMIT", "COUNTY_APPROVE", "START_ASSESSMENT")) {
            cn.liaocheng.rdcoverage.review.Workflow.act(cn.liaocheng.rdcoverage.review.Workflow.as(action, in, "371502"), app, action).statusCode(200);
        }
        String inspection = city().contentType("application/json").body(Map.of("applicationId", app, "kind", "MATERIAL_REVIEW",
                "assessorKind", "EXPERT", "assessorId", "matrix-expert")).post("/api/v1/inspections").then().statusCode(201).extract().path("id");
        String award = cn.liaocheng.rdcoverage.review.Workflow.act(city(), app, "RECOGNIZE").statusCode(200).extract().path("awards[0].id");
        String designation = city().contentType("application/json").body(Map.of("level", "PROVINCIAL", "program", "省企业技术中心",
                "grantedOn", "2021-05-01")).post("/api/v1/institutions/" + id + "/designations").then().statusCode(201).extract().path("id");
        String target = city().queryParam("year", 2020).queryParam("regionCode", "CITY").get("/api/v1/targets").then().statusCode(200)
                .extract().path("items[0].id");
        String snapshot = city().contentType("application/json").body(Map.of("asOf", "2024-12-31")).post("/api/v1/reports/snapshots")
                .then().statusCode(201).extract().path("id");
        String group = city().contentType("application/json").body(Map.of("name", "矩阵督导组",
                "members", List.of(Map.of("supervisorId", "matrix-supervisor")), "regionCodes", List.of("371502")))
                .post("/api/v1/supervision-groups").then().statusCode(201).extract().path("id");
        city().contentType("application/json").body(Map.of("name", "另一督导组",
                "members", List.of(Map.of("supervisorId", "other-supervisor")), "regionCodes", List.of("371503")))
                .post("/api/v1/supervision-groups").then().statusCode(201);
        String followUp = TestData.county("371502").contentType("application/json").body(Map.of("visitedOn", "2026-01-04", "by", "矩阵"))
                .post("/api/v1/enterprises/" + in + "/follow-ups").then().statusCode(201).extract().path("id");
        return new Fixture(in, out, "371502", "371503", id, round, app, inspection, award, designation, target, snapshot,
                group, followUp, attachment, subscription());
    }

    private static String subscription() {
        return TestData.as(TestData.token("ADMIN", null, null)).contentType("application/json")
                .body(Map.of("url", "http://127.0.0.1:9/matrix-hook", "types", List.of("award.proposed")))
                .post("/api/v1/webhook-subscriptions").then().statusCode(201).extract().path("id");
    }

    private static Set<String> served() {
        JsonPath doc = RestAssured.given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        Set<String> ops = new TreeSet<>();
        paths.forEach((path, item) -> item.keySet().forEach(method -> {
            if (Set.of("get", "put", "post", "delete", "patch").contains(method)) {
                ops.add(method.toUpperCase() + " " + path);
            }
        }));
        return ops;
    }

    private static List<Rule> parse() {
        List<Rule> rules = new ArrayList<>();
        for (String line : RULES.strip().split("\n")) {
            String[] parts = line.split("\\|");
            String[] mp = parts[0].trim().split("\\s+");
            String who = parts[1].trim().replace("SREAD_LIST", SREAD_LIST).replace("SREAD", SREAD).replace("READ_LIST", READ_LIST).replace("REPORTS", REPORTS).replace("HIDDEN", HIDDEN).replace("READ", READ);
            if (who.equals("*")) {
                who = ALL;
            }
            Map<Role, Boolean> allowed = new LinkedHashMap<>();
            Set<Role> hidden = new TreeSet<>();
            boolean isPublic = who.equals("public");
            if (!isPublic) {
                for (String r : who.split("\\s+")) {
                    if (r.endsWith("~")) {
                        hidden.add(Role.valueOf(r.substring(0, r.length() - 1)));
                        continue;
                    }
                    boolean scoped = r.endsWith("!");
                    allowed.put(Role.valueOf(scoped ? r.substring(0, r.length() - 1) : r), scoped);
                }
            }
            rules.add(new Rule(mp[0], mp[1], allowed, hidden, isPublic, parts.length > 2 ? parts[2].trim() : null));
        }
        return rules;
    }
}
