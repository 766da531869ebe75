package cn.liaocheng.rdcoverage.security;

import cn.liaocheng.rdcoverage.TestData;
import cn.liaocheng.rdcoverage.review.Workflow;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static cn.liaocheng.rdcoverage.TestData.city;

/**
 * The calls of {@link AuthorizationMatrixTest} that need objects of their own to answer 2xx: a create that may not
 * repeat, a delete, a transition from a given state. Each call, for the role that makes it, prepares what it acts on
 * (a fresh enterprise, institution, application, award ... in region {@value #REGION}) through the API, and sends a
 * valid body, taken where possible from the served contract's own request example (so it follows the schema), with
 * the object's current ETag as If-Match. The role's token is scoped to what was prepared (an enterprise's own code, a
 * county officer's region), so "allowed" is seen as a 2xx.
 */
final class MatrixCalls {
    static final String REGION = "371502";

    /**
     * The first of the far-future dates that county supplements (days after it) and policy versions (years 3000 on,
     * months after it) of this test take effect on; apart from other tests' ranges (EventFeedMoreTypesTest's
     * supplements before 2095, PolicyParametersTest's versions in 2300-2900).
     */
    private static final LocalDate FAR_FUTURE = LocalDate.of(2200, 1, 1);

    /**
     * Days (supplements) or months (policies) after {@link #FAR_FUTURE}: distinct within a run, so two roles never ask
     * for the same date (a 409); the random start keeps a reused database's earlier dates out of the way too.
     */
    private static final AtomicInteger DISTINCT = new AtomicInteger(ThreadLocalRandom.current().nextInt(20_000));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonPath contract;

    /** A prepared request: where to send it and the request with its token, headers and body. */
    record Prepared(String path, RequestSpecification spec) {
    }

    /** Prepares the call of {@code role} on what {@code fixture} holds. */
    @FunctionalInterface
    interface Preparation {
        Prepared prepare(Role role, AuthorizationMatrixTest.Fixture fixture);
    }

    private MatrixCalls() {
    }

    /** The preparation for a rule ({@code METHOD /path} as the contract writes it), or null for the plain call. */
    static Preparation of(String rule) {
        return switch (rule) {
            case "POST /api/v1/policies" -> (role, f) -> json(as(role, null), "/api/v1/policies", futurePolicy());
            case "PUT /api/v1/policies/{id}" -> (role, f) -> {
                Map<String, Object> policy = futurePolicy();
                String path = "/api/v1/policies/" + policy.get("id");
                TestData.role("ADMIN").contentType(ContentType.JSON).body(policy).post("/api/v1/policies").then().statusCode(201);
                return json(ifMatch(as(role, null), path), path, policy);
            };
            case "POST /api/v1/enterprises/import" -> (role, f) -> new Prepared("/api/v1/enterprises/import",
                    as(role, null).config(TestData.RAW_CHARSET).contentType("text/csv; charset=UTF-8")
                            .body(("统一社会信用代码,企业名称,所属区县代码,年度,从业人员,营业收入\n" + TestData.creditCode(REGION)
                                    + ",矩阵导入企业," + REGION + ",2024,40,25000000\n").getBytes(StandardCharsets.UTF_8)));
            case "DELETE /api/v1/enterprises/{creditCode}" -> (role, f) -> {
                String path = "/api/v1/enterprises/" + Workflow.enterprise(REGION, 40, 25_000_000);
                return new Prepared(path, ifMatch(as(role, null), path));
            };
            case "DELETE /api/v1/enterprises/{creditCode}/figures/{year}" -> (role, f) -> {
                String path = "/api/v1/enterprises/" + Workflow.enterprise(REGION, 40, 25_000_000) + "/figures/" + Workflow.YEAR;
                return new Prepared(path, ifMatch(as(role, null), path));
            };
            case "POST /api/v1/institutions" -> (role, f) -> {
                String code = Workflow.enterprise(REGION, 350, 52_000_000);
                return json(as(role, code), "/api/v1/institutions", institution(code));
            };
            case "POST /api/v1/institutions/historic-register" -> (role, f) -> json(as(role, null),
                    "/api/v1/institutions/historic-register", historic(Workflow.enterprise(REGION, 350, 52_000_000)));
            case "PUT /api/v1/institutions/{id}" -> (role, f) -> {
                String code = Workflow.enterprise(REGION, 350, 52_000_000);
                String path = "/api/v1/institutions/" + Workflow.institution(code);
                return json(ifMatch(as(role, code), path), path, institution(code));
            };
            case "DELETE /api/v1/institutions/{id}" -> (role, f) -> {
                String code = Workflow.enterprise(REGION, 350, 52_000_000);
                String path = "/api/v1/institutions/" + Workflow.institution(code);
                return new Prepared(path, ifMatch(as(role, code), path));
            };
            case "POST /api/v1/institutions/indicators/import" -> (role, f) -> new Prepared("/api/v1/institutions/indicators/import",
                    as(role, null).config(TestData.RAW_CHARSET).contentType("text/csv; charset=UTF-8")
                            .body(("研发机构编号,年度,专利申请数（件）,发明专利申请数,专利授权数,新产品新工艺数\n" + f.institution()
                                    + ",2023,6,2,3,2\n").getBytes(StandardCharsets.UTF_8)));
            case "POST /api/v1/institutions/{id}/designations" -> (role, f) -> json(as(role, null),
                    "/api/v1/institutions/" + f.institution() + "/designations", example("createDesignation"));
            case "POST /api/v1/institutions/{id}/designations/{designationId}/revocations" -> (role, f) -> {
                String designation = city().contentType(ContentType.JSON).body(example("createDesignation"))
                        .post("/api/v1/institutions/" + f.institution() + "/designations").then().statusCode(201).extract().path("id");
                return json(as(role, null), "/api/v1/institutions/" + f.institution() + "/designations/" + designation + "/revocations",
                        Map.of("revokedOn", TestData.today().toString(), "reason", "矩阵：摘牌"));
            };
            case "POST /api/v1/institutions/{id}/revocations" -> (role, f) -> json(as(role, null),
                    "/api/v1/institutions/" + recognized()[2] + "/revocations",
                    Map.of("revokedOn", TestData.today().toString(), "reason", "矩阵：撤销认定"));
            case "POST /api/v1/institutions/{id}/corrections" -> (role, f) -> {
                String[] recognized = recognized();
                Map<String, Object> body = example("correctInstitution");
                body.put("institution", institution(recognized[1]));
                return json(as(role, null), "/api/v1/institutions/" + recognized[2] + "/corrections", body);
            };
            case "POST /api/v1/institutions/{id}/consents" -> (role, f) -> {
                String a = Workflow.enterprise(REGION, 350, 52_000_000);
                String b = Workflow.enterprise(REGION, 350, 52_000_000);
                Map<String, Object> joint = institution(a);
                joint.put("buildMode", "JOINT");
                joint.put("participants", List.of(a, b));
                String inst = TestData.enterprise(a).contentType(ContentType.JSON).body(joint).post("/api/v1/institutions")
                        .then().statusCode(201).extract().path("id");
                return json(as(role, b), "/api/v1/institutions/" + inst + "/consents", Map.of("creditCode", b));
            };
            case "POST /api/v1/eligibility-assessments" -> (role, f) -> json(as(role, f.inScopeCode()),
                    "/api/v1/eligibility-assessments", example("assessEligibility"));
            case "POST /api/v1/targets" -> (role, f) -> json(as(role, null), "/api/v1/targets", target());
            case "PUT /api/v1/targets/{id}" -> (role, f) -> {
                Map<String, Object> target = target();
                String path = "/api/v1/targets/" + newTarget(target);
                target.put("coverageRate", 1.0);
                return json(ifMatch(as(role, null), path), path, target);
            };
            case "POST /api/v1/reports/snapshots" -> (role, f) -> json(as(role, null), "/api/v1/reports/snapshots",
                    Map.of("asOf", "2019-" + String.format("%02d", ThreadLocalRandom.current().nextInt(1, 13)) + "-"
                            + String.format("%02d", ThreadLocalRandom.current().nextInt(1, 29))));
            case "POST /api/v1/reports/coverage-ledger/checks" -> (role, f) -> json(as(role, null),
                    "/api/v1/reports/coverage-ledger/checks", example("checkCoverageLedger"));
            case "POST /api/v1/rounds" -> (role, f) -> {
                int year = freeRoundYear();
                return json(as(role, null), "/api/v1/rounds", Map.of("id", year + "H2", "year", year, "half", 2,
                        "opensOn", year + "-07-01", "closesOn", year + "-12-31"));
            };
            case "POST /api/v1/rounds/{id}/transitions" -> (role, f) -> {
                String path = "/api/v1/rounds/" + Workflow.openRound() + "/transitions";
                return json(ifMatch(as(role, null), path.replace("/transitions", "")), path, example("transitionRound"));
            };
            case "POST /api/v1/applications" -> (role, f) -> {
                String code = Workflow.enterprise(REGION, 350, 52_000_000);
                return json(as(role, code), "/api/v1/applications", Map.of("institutionId", Workflow.institution(code),
                        "roundId", f.round()));
            };
            case "POST /api/v1/applications/{id}/transitions" -> (role, f) -> {
                String[] app = applicationFor(role, f);
                String path = "/api/v1/applications/" + app[0];
                return json(ifMatch(as(role, app[1]), path), path + "/transitions", Map.of("action", actionFor(role)));
            };
            case "POST /api/v1/applications/transitions" -> (role, f) -> {
                String[] app = applicationFor(role, f);
                return json(as(role, app[1]), "/api/v1/applications/transitions",
                        Map.of("items", List.of(Map.of("id", app[0], "action", actionFor(role)))));
            };
            case "POST /api/v1/inspections" -> (role, f) -> json(as(role, null), "/api/v1/inspections", inspectionOf(
                    Workflow.applicationIn("UNDER_ASSESSMENT", REGION, f.round())[0]));
            case "PATCH /api/v1/inspections/{id}" -> (role, f) -> {
                String path = "/api/v1/inspections/" + inspection(f);
                Map<String, Object> body = new java.util.HashMap<>(example("recordInspection"));
                body.put("conductedOn", TestData.today().toString());   // not before the assessment, which started today
                return json(ifMatch(as(role, null), path), path, body);
            };
            case "POST /api/v1/inspections/{id}/cancellation" -> (role, f) -> json(as(role, null),
                    "/api/v1/inspections/" + inspection(f) + "/cancellation", example("cancelInspection"));
            case "POST /api/v1/awards" -> (role, f) -> {
                String code = Workflow.enterprise(REGION, 350, 52_000_000);
                String inst = city().contentType(ContentType.JSON).body(historic(code)).post("/api/v1/institutions/historic-register")
                        .then().statusCode(201).extract().path("ids[0]");
                Map<String, Object> body = example("proposeAward");
                body.put("creditCode", code);
                body.put("institutionId", inst);
                return json(as(role, null), "/api/v1/awards", body);
            };
            case "POST /api/v1/awards/{id}/transitions" -> (role, f) -> {
                String path = "/api/v1/awards/" + award();
                return json(ifMatch(as(role, null), path), path + "/transitions", awardAction(role));
            };
            case "POST /api/v1/awards/transitions" -> (role, f) -> {
                Map<String, Object> item = new java.util.LinkedHashMap<>(awardAction(role));
                item.put("id", award());
                return json(as(role, null), "/api/v1/awards/transitions", Map.of("items", List.of(item)));
            };
            case "POST /api/v1/supervision-groups" -> (role, f) -> json(as(role, null), "/api/v1/supervision-groups", group());
            case "PUT /api/v1/supervision-groups/{id}" -> (role, f) -> {
                String path = "/api/v1/supervision-groups/" + newGroup();
                return json(ifMatch(as(role, null), path), path, group());
            };
            case "DELETE /api/v1/supervision-groups/{id}" -> (role, f) -> {
                String path = "/api/v1/supervision-groups/" + newGroup();
                return new Prepared(path, ifMatch(as(role, null), path));
            };
            case "POST /api/v1/regions/{code}/award-policy" -> (role, f) -> {
                Map<String, Object> body = example("createCountyAwardPolicy");
                // far in the future (no award of another test is decided under it), and a date no earlier call used
                body.put("effectiveFrom", FAR_FUTURE.plusDays(DISTINCT.getAndIncrement()).toString());
                return json(as(role, null), "/api/v1/regions/" + REGION + "/award-policy", body);
            };
            case "GET /api/v1/reports/indicators/trend" -> (role, f) -> new Prepared(
                    "/api/v1/reports/indicators/trend?from=2023&to=2024", as(role, null));
            case "POST /api/v1/applications/{id}/attachments" -> (role, f) -> {
                String[] app = Workflow.applicationIn("DRAFT", REGION, f.round());
                return new Prepared("/api/v1/applications/" + app[0] + "/attachments", as(role, app[1])
                        .multiPart("kind", "OTHER")
                        .multiPart("file", "extra.pdf", "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1), "application/pdf"));
            };
            case "DELETE /api/v1/applications/{id}/attachments/{aid}" -> (role, f) -> {
                String[] app = Workflow.applicationIn("DRAFT", REGION, f.round());
                String path = "/api/v1/applications/" + app[0] + "/attachments";
                String aid = TestData.enterprise(app[1]).get(path).then().statusCode(200).extract().path("items[0].id");
                return new Prepared(path + "/" + aid, as(role, app[1]));
            };
            case "POST /api/v1/webhook-subscriptions" -> (role, f) -> json(as(role, null), "/api/v1/webhook-subscriptions",
                    Map.of("url", "http://127.0.0.1:9/matrix-hook", "types", List.of("award.proposed")));
            case "POST /api/v1/webhook-subscriptions/{id}/redeliveries" -> (role, f) -> json(as(role, null),
                    "/api/v1/webhook-subscriptions/" + f.webhook() + "/redeliveries",
                    // the feed's head: a cursor the retention purge (run by other tests) has not passed
                    Map.of("after", TestData.role("ADMIN").get("/api/v1/events/head").then().statusCode(200).extract().path("next")));
            default -> null;
        };
    }

    /** A year whose second-half round no test has created (other tests pick round ids at random too). */
    private static int freeRoundYear() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int year = ThreadLocalRandom.current().nextInt(2030, 2100);
            if (city().get("/api/v1/rounds/" + year + "H2").then().extract().statusCode() == 404) {
                return year;
            }
        }
        throw new IllegalStateException("no free round id");
    }

    /** The token of {@code role} in scope: an enterprise is {@code creditCode}, a county officer is {@value #REGION}. */
    private static RequestSpecification as(Role role, String creditCode) {
        RequestSpecification spec = switch (role) {
            case ENTERPRISE -> TestData.enterprise(creditCode);
            case COUNTY_OFFICER -> TestData.county(REGION);
            case ASSESSOR -> TestData.as(TestData.token("ASSESSOR", "assessorId", "matrix-expert"));
            case SUPERVISOR -> TestData.as(TestData.token("SUPERVISOR", "supervisorId", "matrix-supervisor"));
            default -> TestData.role(role.name());
        };
        return spec.config(TestData.RAW_CHARSET);
    }

    /** The object's ETag as the city reads it now, as If-Match. */
    private static RequestSpecification ifMatch(RequestSpecification spec, String path) {
        return spec.header("If-Match", city().get(path).then().statusCode(200).extract().header("ETag"));
    }

    private static Prepared json(RequestSpecification spec, String path, Object body) {
        return new Prepared(path, spec.contentType(ContentType.JSON).body(body));
    }

    /** The value of the served contract's request example of an operation, as a mutable copy. */
    @SuppressWarnings("unchecked")
    static synchronized Map<String, Object> example(String operationId) {
        if (contract == null) {
            contract = JsonPath.from(RestAssured.given().accept(ContentType.JSON).get("/q/openapi?format=json").asString());
        }
        Map<String, Map<String, Object>> paths = contract.getMap("paths");
        for (Map<String, Object> item : paths.values()) {
            for (Object op : item.values()) {
                if (op instanceof Map<?, ?> operation && operationId.equals(operation.get("operationId"))) {
                    Map<String, Object> content = (Map<String, Object>) ((Map<String, Object>) operation.get("requestBody")).get("content");
                    Map<String, Object> media = (Map<String, Object>) content.values().iterator().next();
                    Map<String, Object> example = (Map<String, Object>) ((Map<String, Object>) media.get("examples")).values().iterator().next();
                    try {
                        return JSON.readValue(JSON.writeValueAsString(example.get("value")), Map.class);
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        throw new IllegalArgumentException("no request example for " + operationId);
    }

    /** The contract's institution example, for one enterprise. */
    private static Map<String, Object> institution(String creditCode) {
        Map<String, Object> body = example("createInstitution");
        body.put("participants", List.of(creditCode));
        return body;
    }

    /** The contract's historic register example, for one enterprise. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> historic(String creditCode) {
        Map<String, Object> body = example("loadHistoricRegister");
        var entry = (Map<String, Object>) ((List<Object>) body.get("institutions")).get(0);
        ((Map<String, Object>) entry.get("institution")).put("participants", List.of(creditCode));
        return body;
    }

    /** A policy version with the contract example's parameters, effective far in the future (no other test sees it). */
    private static Map<String, Object> futurePolicy() {
        Map<String, Object> body = example("createPolicy");
        LocalDate from = FAR_FUTURE.plusYears(800).plusMonths(DISTINCT.getAndIncrement());
        body.put("id", "matrix-" + from + "-" + ThreadLocalRandom.current().nextInt(1_000_000));
        body.put("effectiveFrom", from.toString());
        return body;
    }

    /** A target of a year and county that no target has yet (a year after 2030, which no other test sets). */
    private static Map<String, Object> target() {
        List<String> counties = List.of("371502", "371503", "371521", "371522", "371524", "371525", "371526", "371581");
        for (int attempt = 0; attempt < 50; attempt++) {
            Map<String, Object> body = example("createTarget");
            int year = ThreadLocalRandom.current().nextInt(2031, 2101);
            String region = counties.get(ThreadLocalRandom.current().nextInt(counties.size()));
            body.put("year", year);
            body.put("regionCode", region);
            List<Object> taken = city().queryParam("year", year).queryParam("regionCode", region).get("/api/v1/targets")
                    .then().statusCode(200).extract().path("items");
            if (taken.isEmpty()) {
                return body;
            }
        }
        throw new IllegalStateException("no free target year");
    }

    private static String newTarget(Map<String, Object> target) {
        return city().contentType(ContentType.JSON).body(target).post("/api/v1/targets").then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> group() {
        Map<String, Object> body = example("createSupervisionGroup");
        body.put("name", "矩阵督导组" + ThreadLocalRandom.current().nextInt(1_000_000));
        return body;
    }

    private static String newGroup() {
        return city().contentType(ContentType.JSON).body(group()).post("/api/v1/supervision-groups")
                .then().statusCode(201).extract().path("id");
    }

    /** [application, credit code, institution] of a fresh RECOGNIZED application in {@value #REGION}. */
    private static String[] recognized() {
        return Workflow.applicationIn("RECOGNIZED", REGION, Workflow.openRound());
    }

    /** The action each role takes on an application: the enterprise submits, the county approves, the city starts assessment. */
    private static String actionFor(Role role) {
        return switch (role) {
            case ENTERPRISE -> "SUBMIT";
            case COUNTY_OFFICER -> "COUNTY_APPROVE";
            default -> "START_ASSESSMENT";
        };
    }

    /** A fresh application in the state where {@link #actionFor} applies. */
    private static String[] applicationFor(Role role, AuthorizationMatrixTest.Fixture f) {
        String state = switch (role) {
            case ENTERPRISE -> "DRAFT";
            case COUNTY_OFFICER -> "SUBMITTED";
            default -> "COUNTY_APPROVED";
        };
        return Workflow.applicationIn(state, REGION, f.round());
    }

    private static Map<String, Object> inspectionOf(String application) {
        return Map.of("applicationId", application, "kind", "MATERIAL_REVIEW", "assessorKind", "EXPERT", "assessorId", "matrix-expert");
    }

    /** A fresh inspection by matrix-expert, of a fresh application under assessment. */
    private static String inspection(AuthorizationMatrixTest.Fixture f) {
        return city().contentType(ContentType.JSON).body(inspectionOf(Workflow.applicationIn("UNDER_ASSESSMENT", REGION, f.round())[0]))
                .post("/api/v1/inspections").then().statusCode(201).extract().path("id");
    }

    /** A fresh PROPOSED award: the one recognising a fresh application proposes. */
    private static String award() {
        String app = Workflow.applicationIn("UNDER_ASSESSMENT", REGION, Workflow.openRound())[0];
        return Workflow.act(city(), app, "RECOGNIZE").statusCode(200).extract().path("awards[0].id");
    }

    /** Finance approves; the city cancels. */
    private static Map<String, Object> awardAction(Role role) {
        return role == Role.FINANCE ? Map.of("action", "APPROVE") : Map.of("action", "CANCEL", "reason", "矩阵：撤回");
    }
}
