package cn.liaocheng.rdcoverage.coverage;

import cn.liaocheng.rdcoverage.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue #20, property style: random histories written through the service's own write paths (enterprises with
 * figures over several years, figures changed, deleted and moved to another region of the year, enterprises moved
 * between counties, the list import, historic recognitions, recognitions, corrections of participants, build mode and
 * service agreement, revocations, designations granted and revoked, declared institutions deleted), and after every
 * few steps the coverage report and the work list as the service answers them (from the maintained segments)
 * compared with the from-scratch definition written here by hand in SQL, for many dates. Runs on H2 and on MariaDB
 * ({@code -Dquarkus.test.profile=test,mariadb}). The comparison covers the whole database, so rows of other test
 * classes take part too.
 */
@QuarkusTest
class CoverageLedgerPropertyTest {
    static final String[] REGIONS = {"371502", "371503", "371521", "371522", "371524"};
    static final String[] MODES = {"SINGLE", "JOINT", "INDUSTRY"};

    @Inject
    EntityManager em;

    String cityToken;
    String adminToken;
    final List<String> enterprises = new ArrayList<>();
    final List<String> institutions = new ArrayList<>();
    final List<String> designations = new ArrayList<>();
    final Map<String, Integer> succeeded = new TreeMap<>();
    int comparisons;

    RequestSpecification city() {
        return TestData.as(cityToken);
    }

    @Test
    void maintainedCoverageEqualsTheFromScratchDefinition() {
        cityToken = TestData.token("CITY_OFFICER", null, null);
        adminToken = TestData.token("ADMIN", null, null);
        for (long seed : new long[]{20L, 2020L, 4242L}) {
            Random rnd = new Random(seed);
            for (int k = 0; k < 12; k++) {
                newEnterprise(rnd);
            }
            for (int step = 0; step < 90; step++) {
                step(rnd);
                if (step % 15 == 14) {
                    compare(rnd, 5);
                }
            }
            compare(rnd, 8);
        }
        // every kind of write ran, and often
        for (String op : List.of("enterprise", "figures", "deleteFigures", "move", "import", "historic", "recognize", "correct",
                "revoke", "designation", "revokeDesignation", "deleteDeclared")) {
            assertTrue(succeeded.getOrDefault(op, 0) >= 3, op + " succeeded only " + succeeded.getOrDefault(op, 0) + " times: " + succeeded);
        }
        assertTrue(comparisons >= 100, "compared " + comparisons + " dates");
        // and the rebuild command finds nothing to repair
        JsonPath check = TestData.as(adminToken).contentType(ContentType.JSON).body(Map.of("repair", false))
                .post("/api/v1/reports/coverage-ledger/checks").then().statusCode(200).extract().jsonPath();
        assertEquals(0, check.getLong("enterprisesDiffering"), check.prettify());
        assertEquals(check.getLong("rowsExpected"), check.getLong("rowsStored"));
        // nor in the institutions' rows of the indicators report, which the same write paths keep (issue #18)
        assertEquals(0, check.getLong("institutionsDiffering"), check.prettify());
        assertEquals(check.getLong("institutionRowsExpected"), check.getLong("institutionRowsStored"));
        assertTrue(check.getLong("institutionsChecked") >= institutions.size(), check.prettify());
    }

    private void ok(String op, Response r, int... expected) {
        int status = r.statusCode();
        assertNotEquals(500, status, op + ": " + r.asString());
        for (int e : expected) {
            if (status == e) {
                succeeded.merge(op, 1, Integer::sum);
                return;
            }
        }
    }

    private static <T> T pick(Random rnd, List<T> from) {
        return from.get(rnd.nextInt(from.size()));
    }

    private static String region(Random rnd) {
        return REGIONS[rnd.nextInt(REGIONS.length)];
    }

    private static LocalDate day(Random rnd) {
        return LocalDate.of(2020, 1, 1).plusDays(rnd.nextInt(6 * 365));
    }

    /** A day the historic register takes: from the policy's date (2020-04-26) to 2025-12-31. */
    private static LocalDate historicDay(Random rnd) {
        return LocalDate.of(2020, 4, 26).plusDays(rnd.nextInt(2075));
    }

    private static Map<String, Object> figures(Random rnd, int year) {
        boolean above = rnd.nextInt(4) != 0;
        Map<String, Object> f = new HashMap<>(Map.of("year", year, "employees", above ? 350 : 15,
                "revenue", above ? 52_000_000 : 1_500_000));
        if (rnd.nextInt(3) == 0) {
            f.put("regionCode", region(rnd));
        }
        return f;
    }

    private void newEnterprise(Random rnd) {
        String region = region(rnd);
        String code = TestData.creditCode(region);
        List<Map<String, Object>> years = new ArrayList<>();
        for (int y = 2021; y <= 2024; y++) {
            if (rnd.nextInt(3) != 0) {
                years.add(figures(rnd, y));
            }
        }
        Response r = city().contentType(ContentType.JSON)
                .body(Map.of("creditCode", code, "name", "性质" + code.substring(10), "regionCode", region, "figures", years))
                .post("/api/v1/enterprises");
        ok("enterprise", r, 201);
        if (r.statusCode() == 201) {
            enterprises.add(code);
        }
    }

    private List<String> participants(Random rnd, String mode) {
        int n = mode.equals("SINGLE") ? 1 : 2 + rnd.nextInt(2);
        List<String> out = new ArrayList<>();
        while (out.size() < n) {
            String c = pick(rnd, enterprises);
            if (!out.contains(c)) {
                out.add(c);
            }
        }
        return out;
    }

    private Map<String, Object> institution(Random rnd) {
        String mode = MODES[rnd.nextInt(MODES.length)];
        Map<String, Object> body = new HashMap<>(Map.of("name", "性质中心" + rnd.nextInt(1000), "kind", "TECH_CENTER",
                "buildMode", mode, "participants", participants(rnd, mode)));
        if (mode.equals("INDUSTRY")) {
            body.put("platform", Map.of("name", "聊城产业技术研究院", "kind", "INDUSTRY_INSTITUTE", "certificationLevel", "NONE"));
            Map<String, Object> agreement = new HashMap<>(Map.of("expert", "专家服务团", "signedOn", "2020-01-01"));
            if (rnd.nextBoolean()) {
                agreement.put("validUntil", day(rnd).toString());
            }
            body.put("serviceAgreement", agreement);
        }
        return body;
    }

    private String etag(String path) {
        return city().get(path).then().statusCode(200).extract().header("ETag");
    }

    private void step(Random rnd) {
        int op = rnd.nextInt(13);
        switch (op) {
            case 0 -> newEnterprise(rnd);
            case 1 -> {
                String code = pick(rnd, enterprises);
                int year = 2021 + rnd.nextInt(4);
                Map<String, Object> f = figures(rnd, year);
                f.remove("year");
                ok("figures", city().contentType(ContentType.JSON).body(f).put("/api/v1/enterprises/" + code + "/figures/" + year), 200, 201);
            }
            case 2 -> {
                String code = pick(rnd, enterprises);
                int year = 2021 + rnd.nextInt(4);
                Response g = city().get("/api/v1/enterprises/" + code + "/figures/" + year);
                if (g.statusCode() == 200) {
                    ok("deleteFigures", city().header("If-Match", g.header("ETag"))
                            .delete("/api/v1/enterprises/" + code + "/figures/" + year), 204);
                }
            }
            case 3 -> {
                String code = pick(rnd, enterprises);
                ok("move", city().contentType(ContentType.JSON).header("If-Match", etag("/api/v1/enterprises/" + code))
                        .body(Map.of("name", "性质" + code.substring(10), "regionCode", region(rnd))).put("/api/v1/enterprises/" + code), 200);
            }
            case 4 -> {
                StringBuilder csv = new StringBuilder("creditCode,name,regionCode,industryCode,year,employees,revenue,aboveDesignatedSize,keyEnterprise,keyIndustry\n");
                int year = 2022 + rnd.nextInt(3);
                List<String> seen = new ArrayList<>();
                for (int k = 0; k < 4; k++) {
                    String code = k == 0 ? TestData.creditCode(region(rnd)) : pick(rnd, enterprises);
                    if (seen.contains(code)) {
                        continue;
                    }
                    seen.add(code);
                    boolean above = rnd.nextInt(4) != 0;
                    csv.append(code).append(",导入").append(code, 10, 17).append(',').append(region(rnd)).append(",C3311,")
                            .append(year).append(',').append(above ? 400 : 12).append(',').append(above ? "61000000.00" : "900000.00")
                            .append(',').append(above).append(",false,false\n");
                    if (k == 0) {
                        enterprises.add(code);
                    }
                }
                ok("import", city().contentType("text/csv").body(csv.toString()).post("/api/v1/enterprises/import"), 200);
            }
            case 5 -> {
                Response r = city().contentType(ContentType.JSON).body(Map.of("institutions", List.of(
                        Map.of("institution", institution(rnd), "recognizedOn", historicDay(rnd).toString()))))
                        .post("/api/v1/institutions/historic-register");
                ok("historic", r, 200, 201);
                if (r.statusCode() == 200 || r.statusCode() == 201) {
                    institutions.addAll(r.jsonPath().getList("ids"));
                }
            }
            case 6 -> {
                Response r = city().contentType(ContentType.JSON).body(institution(rnd)).post("/api/v1/institutions");
                if (r.statusCode() == 201) {
                    String id = r.jsonPath().getString("id");
                    institutions.add(id);
                    if (rnd.nextInt(3) != 0) {
                        Coverage.recognize(id, day(rnd).toString());
                        succeeded.merge("recognize", 1, Integer::sum);
                    }
                }
            }
            case 7, 8 -> {
                if (institutions.isEmpty()) {
                    return;
                }
                String id = pick(rnd, institutions);
                ok("correct", city().contentType(ContentType.JSON).header("If-Match", etag("/api/v1/institutions/" + id))
                        .body(Map.of("institution", institution(rnd), "reason", "性质测试更正"))
                        .post("/api/v1/institutions/" + id + "/corrections"), 200);
            }
            case 9 -> {
                if (institutions.isEmpty()) {
                    return;
                }
                String id = pick(rnd, institutions);
                JsonPath i = city().get("/api/v1/institutions/" + id).then().extract().jsonPath();
                if ("RECOGNIZED".equals(i.getString("status"))) {
                    LocalDate on = LocalDate.parse(i.getString("recognizedOn")).plusDays(rnd.nextInt(900));
                    on = on.isAfter(TestData.today()) ? TestData.today() : on;   // a revocation is not dated in the future
                    ok("revoke", city().contentType(ContentType.JSON).body(Map.of("revokedOn", on.toString(), "reason", "性质测试撤销"))
                            .post("/api/v1/institutions/" + id + "/revocations"), 200);
                }
            }
            case 10 -> {
                if (institutions.isEmpty()) {
                    return;
                }
                String id = pick(rnd, institutions);
                Response r = city().contentType(ContentType.JSON)
                        .body(Map.of("level", rnd.nextBoolean() ? "PROVINCIAL" : "NATIONAL", "program", "省级企业技术中心",
                                "grantedOn", day(rnd).toString())).post("/api/v1/institutions/" + id + "/designations");
                ok("designation", r, 201);
                if (r.statusCode() == 201) {
                    designations.add(id + "/designations/" + r.jsonPath().getString("id"));
                }
            }
            case 11 -> {
                if (designations.isEmpty()) {
                    return;
                }
                String path = pick(rnd, designations);
                ok("revokeDesignation", city().contentType(ContentType.JSON)
                        .body(Map.of("revokedOn", day(rnd).toString(), "reason", "摘牌"))
                        .post("/api/v1/institutions/" + path + "/revocations"), 200);
            }
            default -> {
                if (institutions.isEmpty()) {
                    return;
                }
                String id = pick(rnd, institutions);
                Response g = city().get("/api/v1/institutions/" + id);
                if (g.statusCode() == 200 && "DECLARED".equals(g.jsonPath().getString("status"))) {
                    ok("deleteDeclared", city().header("If-Match", g.header("ETag")).delete("/api/v1/institutions/" + id), 204);
                    institutions.remove(id);
                }
            }
        }
    }

    // --- the from-scratch definition, by hand (as before issue #20) ---------------------------------------------

    record Counts(long above, long covered, long single, long joint, long industry) {
    }

    private Integer statisticalYear(LocalDate asOf) {
        Object y = em.createNativeQuery("select max(year) from enterprise_figures where year <= :y")
                .setParameter("y", asOf.getYear()).getSingleResult();
        return y == null ? null : ((Number) y).intValue();
    }

    static final String COVERED = """
            select p.credit_code as credit_code,
                   max(case when i.build_mode = 'SINGLE' then 1 else 0 end) as single_mode,
                   max(case when i.build_mode = 'JOINT' then 1 else 0 end) as joint_mode,
                   max(case when i.build_mode = 'INDUSTRY' then 1 else 0 end) as industry_mode
            from institution i join institution_participant p on p.institution_id = i.id
            where i.recognized_on <= :asOf and (i.revoked_on is null or i.revoked_on > :asOf)
              and i.status in ('RECOGNIZED', 'REVOKED')
              and (i.build_mode <> 'INDUSTRY' or i.agreement_valid_until is null or i.agreement_valid_until >= :asOf)
            group by p.credit_code""";

    private Map<String, Counts> expected(int year, LocalDate asOf) {
        Map<String, Counts> out = new TreeMap<>();
        for (Object row : em.createNativeQuery("""
                select coalesce(f.region_code, e.region_code), count(*), count(c.credit_code),
                       coalesce(sum(c.single_mode), 0), coalesce(sum(c.joint_mode), 0), coalesce(sum(c.industry_mode), 0)
                from enterprise_figures f join enterprise e on e.credit_code = f.credit_code
                left join (%s) c on c.credit_code = f.credit_code
                where f.year = :year and f.above_designated_size = true
                group by coalesce(f.region_code, e.region_code)""".formatted(COVERED))
                .setParameter("year", year).setParameter("asOf", asOf).getResultList()) {
            Object[] r = (Object[]) row;
            out.put((String) r[0], new Counts(n(r[1]), n(r[2]), n(r[3]), n(r[4]), n(r[5])));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private List<String> expectedUncovered(int year, LocalDate asOf, String region, int limit) {
        return em.createNativeQuery("""
                select f.credit_code from enterprise_figures f join enterprise e on e.credit_code = f.credit_code
                left join (%s) c on c.credit_code = f.credit_code
                where f.year = :year and f.above_designated_size = true and c.credit_code is null
                  and coalesce(f.region_code, e.region_code) = :region
                order by f.credit_code""".formatted(COVERED))
                .setParameter("year", year).setParameter("asOf", asOf).setParameter("region", region)
                .setMaxResults(limit).getResultList();
    }

    private static long n(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    private void compare(Random rnd, int dates) {
        for (int k = 0; k < dates; k++) {
            LocalDate asOf = day(rnd);
            compareOn(asOf);
            comparisons++;
        }
    }

    private void compareOn(LocalDate asOf) {
        Map<String, Counts> want = QuarkusTransaction.requiringNew().call(() -> {
            Integer year = statisticalYear(asOf);
            return year == null ? Map.<String, Counts>of() : expected(year, asOf);
        });
        JsonPath report = city().queryParam("asOf", asOf.toString()).get("/api/v1/reports/coverage").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Counts> got = new TreeMap<>();
        List<Map<String, Object>> regions = report.getList("regions");
        for (Map<String, Object> r : regions) {
            @SuppressWarnings("unchecked")
            Map<String, Object> modes = (Map<String, Object>) r.get("coveredByBuildMode");
            Counts c = new Counts(n(r.get("aboveSizeEnterprises")), n(r.get("coveredEnterprises")), n(modes.get("SINGLE")),
                    n(modes.get("JOINT")), n(modes.get("INDUSTRY")));
            if (c.above() > 0) {
                got.put((String) r.get("regionCode"), c);
            }
        }
        assertEquals(want, got, "coverage report as of " + asOf);
        long above = want.values().stream().mapToLong(Counts::above).sum();
        long covered = want.values().stream().mapToLong(Counts::covered).sum();
        assertEquals(above, report.getLong("city.aboveSizeEnterprises"), "city above size as of " + asOf);
        assertEquals(covered, report.getLong("city.coveredEnterprises"), "city covered as of " + asOf);

        // the work list of one region: its count and its first page in credit-code order
        String region = REGIONS[(int) (asOf.toEpochDay() % REGIONS.length)];
        Integer year = QuarkusTransaction.requiringNew().call(() -> statisticalYear(asOf));
        if (year == null) {
            return;
        }
        List<String> firstPage = QuarkusTransaction.requiringNew().call(() -> expectedUncovered(year, asOf, region, 20));
        Counts c = want.getOrDefault(region, new Counts(0, 0, 0, 0, 0));
        JsonPath page = city().queryParam("asOf", asOf.toString()).queryParam("regionCode", region).queryParam("size", 20)
                .queryParam("sort", "creditCode").get("/api/v1/reports/uncovered").then().statusCode(200).extract().jsonPath();
        assertEquals(c.above() - c.covered(), page.getLong("total"), "work list total of " + region + " as of " + asOf);
        assertEquals(firstPage, page.getList("items.creditCode"), "work list page of " + region + " as of " + asOf);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Map<String, Object> r : page.<Map<String, Object>>getList("regions")) {
            counts.put((String) r.get("regionCode"), n(r.get("uncovered")));
        }
        assertEquals(Map.of(region, c.above() - c.covered()), counts, "work list counts as of " + asOf);
    }
}
