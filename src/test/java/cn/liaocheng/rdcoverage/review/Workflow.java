package cn.liaocheng.rdcoverage.review;

import cn.liaocheng.rdcoverage.TestData;
import io.restassured.specification.RequestSpecification;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static cn.liaocheng.rdcoverage.TestData.city;

/** Drives the review workflow through HTTP for tests. */
public final class Workflow {
    public static final int YEAR = TestData.today().getYear();

    private Workflow() {
    }

    /**
     * An OPEN round with a fresh id (tests share one database) whose calendar holds today (applications are made
     * and submitted only between opensOn and closesOn).
     */
    public static String openRound() {
        return round(TestData.today().minusDays(60), TestData.today().plusDays(60));
    }

    /** A round with a fresh id and these dates. */
    public static String round(java.time.LocalDate opensOn, java.time.LocalDate closesOn) {
        for (int attempt = 0; attempt < 50; attempt++) {
            int year = ThreadLocalRandom.current().nextInt(2030, 2100);
            int half = ThreadLocalRandom.current().nextInt(1, 3);
            String id = year + "H" + half;
            int status = city().contentType("application/json").body(Map.of("id", id, "year", year, "half", half,
                    "opensOn", opensOn.toString(), "closesOn", closesOn.toString()))
                    .post("/api/v1/rounds").then().extract().statusCode();
            if (status == 201) {
                return id;
            }
        }
        throw new IllegalStateException("no free round id");
    }

    /** A registered enterprise with this year's figures. */
    public static String enterprise(String region, int employees, long revenue) {
        String code = TestData.creditCode(region);
        city().contentType("application/json").body(Map.of("creditCode", code, "name", "流程企业" + code.substring(11), "regionCode", region,
                "figures", List.of(Map.of("year", YEAR, "employees", employees, "revenue", revenue)))).post("/api/v1/enterprises")
                .then().statusCode(201);
        return code;
    }

    public static Map<String, Object> capacity(int personnel) {
        return Map.of("year", YEAR, "personnel", personnel, "equipmentValue", 600_000, "rdExpenditure", 520_000,
                "floorArea", 60, "projectCount", 3, "hasRules", true, "hasStableFunding", true);
    }

    /** A SINGLE institution meeting the MEDIUM standard, declared by the enterprise itself. */
    public static String institution(String creditCode) {
        return TestData.enterprise(creditCode).contentType("application/json").body(Map.of("name", "技术中心", "kind", "TECH_CENTER",
                        "buildMode", "SINGLE", "participants", List.of(creditCode), "capacity", capacity(6),
                        "cooperations", List.of(Map.of("partner", "聊城大学", "partnerKind", "UNIVERSITY", "signedOn", "2024-01-01",
                                "activities", "联合攻关"))))
                .post("/api/v1/institutions").then().statusCode(201).extract().path("id");
    }

    /**
     * A JOINT institution of {@code lead} and {@code other} meeting the LARGE standard, declared by the lead, with the
     * other's consent (so that the lead can submit it).
     */
    public static String jointInstitution(String lead, String other) {
        String id = TestData.enterprise(lead).contentType("application/json").body(Map.of("name", "联建中心", "kind", "TECH_CENTER",
                        "buildMode", "JOINT", "participants", List.of(lead, other), "capacity", capacity(10),
                        "cooperations", List.of(Map.of("partner", "聊城大学", "partnerKind", "UNIVERSITY", "signedOn", "2024-01-01",
                                "activities", "联合攻关"))))
                .post("/api/v1/institutions").then().statusCode(201).extract().path("id");
        TestData.enterprise(other).contentType("application/json").body(Map.of("creditCode", other))
                .post("/api/v1/institutions/" + id + "/consents").then().statusCode(200);
        return id;
    }

    /** An INDUSTRY (产业共建) institution of one enterprise, declared by the city: a platform and a service agreement, no capacity. */
    public static String industryInstitution(String creditCode) {
        return city().contentType("application/json").body(Map.of("name", "产业共建服务", "kind", "OTHER",
                        "buildMode", "INDUSTRY", "participants", List.of(creditCode),
                        "platform", Map.of("name", "聊城产业技术研究院", "kind", "INDUSTRY_INSTITUTE", "certificationLevel", "NONE"),
                        "serviceAgreement", Map.of("expert", "专家服务团", "signedOn", "2024-01-01")))
                .post("/api/v1/institutions").then().statusCode(201).extract().path("id");
    }

    public static String apply(String creditCode, String institutionId, String round) {
        String app = TestData.enterprise(creditCode).contentType("application/json")
                .body(Map.of("institutionId", institutionId, "roundId", round))
                .post("/api/v1/applications").then().statusCode(201).extract().path("id");
        materials(creditCode, app);
        return app;
    }

    /** Adds a small PDF for every material kind the policy still requires (SUBMIT needs them). */
    public static void materials(String creditCode, String applicationId) {
        List<String> missing = TestData.enterprise(creditCode).get("/api/v1/applications/" + applicationId + "/attachments")
                .then().statusCode(200).extract().path("missingKinds");
        for (String kind : missing) {
            String body = "--wfB\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n" + kind
                    + "\r\n--wfB\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + kind + ".pdf\"\r\n\r\n"
                    + "%PDF-1.4\n%%EOF\n\r\n--wfB--\r\n";
            TestData.enterprise(creditCode).config(TestData.RAW_CHARSET).contentType("multipart/form-data; boundary=wfB")
                    .body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .post("/api/v1/applications/" + applicationId + "/attachments").then().statusCode(201);
        }
    }

    public static io.restassured.response.ValidatableResponse act(RequestSpecification who, String applicationId, String action) {
        return act(who, applicationId, Map.of("action", action));
    }

    public static io.restassured.response.ValidatableResponse act(RequestSpecification who, String applicationId, Map<String, Object> body) {
        return who.contentType("application/json").body(body).post("/api/v1/applications/" + applicationId + "/transitions").then();
    }

    /** An application of a fresh MEDIUM enterprise in {@code region}, moved to {@code status}. */
    public static String[] applicationIn(String status, String region, String round) {
        String code = enterprise(region, 350, 52_000_000);
        String inst = institution(code);
        String app = apply(code, inst, round);
        List<String> path = switch (status) {
            case "DRAFT" -> List.of();
            case "SUBMITTED" -> List.of("SUBMIT");
            case "RETURNED" -> List.of("SUBMIT", "RETURN");
            case "COUNTY_APPROVED" -> List.of("SUBMIT", "COUNTY_APPROVE");
            case "COUNTY_REJECTED" -> List.of("SUBMIT", "COUNTY_REJECT");
            case "UNDER_ASSESSMENT" -> List.of("SUBMIT", "COUNTY_APPROVE", "START_ASSESSMENT");
            case "RECOGNIZED" -> List.of("SUBMIT", "COUNTY_APPROVE", "START_ASSESSMENT", "RECOGNIZE");
            case "REJECTED" -> List.of("SUBMIT", "COUNTY_APPROVE", "START_ASSESSMENT", "REJECT");
            case "WITHDRAWN" -> List.of("WITHDRAW");
            default -> throw new IllegalArgumentException(status);
        };
        for (String action : path) {
            act(as(action, code, region), app, action).statusCode(200);
        }
        return new String[]{app, code, inst};
    }

    /** A token of the role that takes {@code action}, in scope of the enterprise and region. */
    public static RequestSpecification as(String action, String creditCode, String region) {
        return switch (action) {
            case "SUBMIT", "WITHDRAW" -> TestData.enterprise(creditCode);
            case "COUNTY_APPROVE", "RETURN", "COUNTY_REJECT" -> TestData.county(region);
            default -> city();
        };
    }

    /**
     * Moves an application's timeline {@code days} back (its creation, every step and its submission), as if it had been
     * made and moved then: the API dates each step today, and a decision is never dated before them.
     */
    public static void backdate(String applicationId, int days) {
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
            Application a = Application.findById(java.util.UUID.fromString(applicationId));
            a.createdAt = a.createdAt.minus(java.time.Duration.ofDays(days));
            a.submittedOn = a.submittedOn == null ? null : a.submittedOn.minusDays(days);
            List<Application.Event> moved = new java.util.ArrayList<>();
            for (Application.Event e : a.events) {
                e.at = e.at.minus(java.time.Duration.ofDays(days));
                moved.add(e);
            }
            a.events.clear();
            a.events.addAll(moved);
        });
    }
}
