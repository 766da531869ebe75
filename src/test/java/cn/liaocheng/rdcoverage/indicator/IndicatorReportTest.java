package cn.liaocheng.rdcoverage.indicator;

import cn.liaocheng.rdcoverage.TestData;
import cn.liaocheng.rdcoverage.coverage.CoverageLedger;
import cn.liaocheng.rdcoverage.coverage.InstitutionCoverage;
import io.quarkus.arc.Arc;
import cn.liaocheng.rdcoverage.institution.Institution;
import cn.liaocheng.rdcoverage.capacity.CapacityColumns;
import cn.liaocheng.rdcoverage.institution.InstitutionCapacity;
import cn.liaocheng.rdcoverage.institution.InstitutionStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static cn.liaocheng.rdcoverage.TestData.city;
import static cn.liaocheng.rdcoverage.TestData.county;
import static cn.liaocheng.rdcoverage.coverage.Coverage.enterprise;
import static cn.liaocheng.rdcoverage.coverage.Coverage.figures;
import static cn.liaocheng.rdcoverage.coverage.Coverage.institution;
import static cn.liaocheng.rdcoverage.coverage.Coverage.recognized;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * The indicators report on a hand-computed fixture. Years 1997 (previous) and 1998, used by no other test; the
 * institutions are recognised and their capacity and indicators written straight to the database, as the API refuses
 * future years. Regions 371525 (冠县) and 371526 (高唐县).
 *
 * <pre>
 * E1 371525, E2 371525, E3 371526, E4 371526: above size in 1997 and 1998, revenue 52,000,000 each year; E5 371526 not above size.
 * I1 SINGLE [E1]      recognised 1997-03-01   capacity 1997 rd 1,000,000 / 10 people, 1998 rd 1,300,000 / 12
 *                                              indicators 1997 4/1/2/1, 1998 6/2/3/2 (patents/invention/granted/new products)
 * I2 JOINT [E2,E3,E5] recognised 1998-05-01   capacity 1998 rd 2,000,000 / 20; indicators 1998 10/4/5/3
 * I3 INDUSTRY [E3]    recognised 1997-01-01, revoked 1998-06-30; capacity 1997 rd 500,000 / 5; indicators 1997 2/0/1/0
 * I4 SINGLE [E4]      declared only (never recognised); capacity 1998 rd 9,000,000 / 90 — never counted
 *
 * 1998 city:  institutions I1, I2 = 2; enterprises E1 (SINGLE), E2, E3 (JOINT) = 3; rd 3,300,000; people 32; patents 16,
 *             invention 6, granted 8, new 5; revenue 156,000,000; intensity 3,300,000 / 156,000,000 = 0.02115 → 0.0212
 * 1997 city:  I1, I3 = 2; E1 (SINGLE), E3 (INDUSTRY) = 2; rd 1,500,000; people 15; patents 6, invention 1, granted 3, new 1;
 *             revenue 104,000,000; intensity 0.01442 → 0.0144
 * growth:     institutions 0 (0.00 %), enterprises +1 (50.00 %), rd +1,800,000 (120.00 %), people +17 (113.33 %),
 *             patents +10 (166.67 %), invention +5 (500.00 %), granted +5 (166.67 %), new +4 (400.00 %),
 *             intensity +0.0068 (47.22 %)
 * 371525 1998: I1, I2 = 2; E1, E2 = 2 (SINGLE 1, JOINT 1); rd 3,300,000; revenue 104,000,000; intensity 0.0317
 *        1997: I1 = 1; E1 = 1; rd 1,000,000; revenue 52,000,000; intensity 0.0192; rd +2,300,000 (230.00 %)
 * 371526 1998: I2 = 1; E3 = 1 (JOINT 1); rd 2,000,000; people 20; patents 10; revenue 52,000,000; intensity 0.0385
 *        1997: I3 = 1; E3 = 1 (INDUSTRY 1); rd 500,000; people 5; patents 2; intensity 0.0096; rd +1,500,000 (300.00 %)
 * </pre>
 */
@QuarkusTest
class IndicatorReportTest {
    private static final RestAssuredConfig DECIMALS = TestData.RAW_CHARSET.jsonConfig(
            JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));

    static void capacity(String id, int year, String rd, int people) {
        QuarkusTransaction.requiringNew().run(() -> {
            InstitutionCapacity c = new InstitutionCapacity();
            c.institutionId = UUID.fromString(id);
            c.year = year;
            c.capacity = new CapacityColumns(people, new BigDecimal("100000"), new BigDecimal(rd), new BigDecimal("50"),
                    1, true, true);
            c.updatedAt = Instant.now();
            c.persist();
            // a write straight to the database keeps the indicators report's copy, as the service's write paths do
            Arc.container().instance(InstitutionCoverage.class).get().refresh(java.util.List.of(c.institutionId));
        });
    }

    static void indicators(String id, int year, int patents, int invention, int granted, int products) {
        QuarkusTransaction.requiringNew().run(() -> {
            InstitutionIndicator x = new InstitutionIndicator();
            x.institutionId = UUID.fromString(id);
            x.year = year;
            IndicatorService.apply(x, new IndicatorInput(patents, invention, granted, products), "test", Instant.now());
            x.persist();
            Arc.container().instance(InstitutionCoverage.class).get().refresh(java.util.List.of(x.institutionId));
        });
    }

    private static String both(String region) {
        String code = enterprise(region, 1997, true);
        figures(code, 1998, true);
        return code;
    }

    private static ValidatableResponse report(RequestSpecification as, String query) {
        return as.config(DECIMALS).get("/api/v1/reports/indicators?" + query).then().statusCode(200);
    }

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    @Test
    void totalsGrowthAndIntensityOnAHandComputedFixture() {
        String e1 = both("371525");
        String e2 = both("371525");
        String e3 = both("371526");
        String e4 = both("371526");
        String e5 = enterprise("371526", 1998, false);
        String i1 = recognized("SINGLE", "1997-03-01", e1);
        String i2 = recognized("JOINT", "1998-05-01", e2, e3, e5);
        String i3 = recognized("INDUSTRY", "1997-01-01", e3);
        QuarkusTransaction.requiringNew().run(() -> {
            Institution.update("status = ?1, revokedOn = ?2 where id = ?3",
                    InstitutionStatus.REVOKED, LocalDate.parse("1998-06-30"), UUID.fromString(i3));
            // a write straight to the database keeps the coverage segments, as the service's write paths do
            Arc.container().instance(CoverageLedger.class).get().refresh(java.util.List.of(e3));
        });
        String i4 = institution("SINGLE", e4);
        capacity(i1, 1997, "1000000", 10);
        capacity(i1, 1998, "1300000", 12);
        capacity(i2, 1998, "2000000", 20);
        capacity(i3, 1997, "500000", 5);
        capacity(i4, 1998, "9000000", 90);
        indicators(i1, 1997, 4, 1, 2, 1);
        indicators(i1, 1998, 6, 2, 3, 2);
        indicators(i2, 1998, 10, 4, 5, 3);
        indicators(i3, 1997, 2, 0, 1, 0);
        indicators(i4, 1998, 50, 50, 50, 50);

        report(city(), "year=1998")
                .body("year", equalTo(1998)).body("previousYear", equalTo(1997))
                .body("city.totals.institutions", equalTo(2)).body("city.totals.enterprises", equalTo(3))
                .body("city.totals.enterprisesByBuildMode.SINGLE", equalTo(1))
                .body("city.totals.enterprisesByBuildMode.JOINT", equalTo(2))
                .body("city.totals.enterprisesByBuildMode.INDUSTRY", equalTo(0))
                .body("city.totals.rdExpenditure", comparesEqualTo(d("3300000")))
                .body("city.totals.rdPersonnel", equalTo(32))
                .body("city.totals.patentApplications", equalTo(16))
                .body("city.totals.inventionPatentApplications", equalTo(6))
                .body("city.totals.patentsGranted", equalTo(8))
                .body("city.totals.newProducts", equalTo(5))
                .body("city.totals.revenue", comparesEqualTo(d("156000000")))
                .body("city.totals.rdIntensity", comparesEqualTo(d("0.0212")))
                .body("city.previous.institutions", equalTo(2)).body("city.previous.enterprises", equalTo(2))
                .body("city.previous.enterprisesByBuildMode.SINGLE", equalTo(1))
                .body("city.previous.enterprisesByBuildMode.INDUSTRY", equalTo(1))
                .body("city.previous.rdExpenditure", comparesEqualTo(d("1500000")))
                .body("city.previous.rdPersonnel", equalTo(15))
                .body("city.previous.patentApplications", equalTo(6))
                .body("city.previous.inventionPatentApplications", equalTo(1))
                .body("city.previous.patentsGranted", equalTo(3))
                .body("city.previous.newProducts", equalTo(1))
                .body("city.previous.revenue", comparesEqualTo(d("104000000")))
                .body("city.previous.rdIntensity", comparesEqualTo(d("0.0144")))
                .body("city.growth.institutions.absolute", equalTo(0)) // a count: a whole number
                .body("city.growth.institutions.percent", comparesEqualTo(d("0.00")))
                .body("city.growth.enterprises.absolute", equalTo(1)) // a count: a whole number
                .body("city.growth.enterprises.percent", comparesEqualTo(d("50.00")))
                .body("city.growth.rdExpenditure.absolute", comparesEqualTo(d("1800000")))
                .body("city.growth.rdExpenditure.percent", comparesEqualTo(d("120.00")))
                .body("city.growth.rdPersonnel.absolute", equalTo(17)) // a count: a whole number
                .body("city.growth.rdPersonnel.percent", comparesEqualTo(d("113.33")))
                .body("city.growth.patentApplications.absolute", equalTo(10)) // a count: a whole number
                .body("city.growth.patentApplications.percent", comparesEqualTo(d("166.67")))
                .body("city.growth.inventionPatentApplications.percent", comparesEqualTo(d("500.00")))
                .body("city.growth.patentsGranted.percent", comparesEqualTo(d("166.67")))
                .body("city.growth.newProducts.absolute", equalTo(4)) // a count: a whole number
                .body("city.growth.newProducts.percent", comparesEqualTo(d("400.00")))
                .body("city.growth.rdIntensity.absolute", comparesEqualTo(d("0.0068")))
                .body("city.growth.rdIntensity.percent", comparesEqualTo(d("47.22")))
                // regions
                .body("regions.find { it.regionCode == '371525' }.totals.institutions", equalTo(2))
                .body("regions.find { it.regionCode == '371525' }.totals.enterprises", equalTo(2))
                .body("regions.find { it.regionCode == '371525' }.totals.enterprisesByBuildMode.SINGLE", equalTo(1))
                .body("regions.find { it.regionCode == '371525' }.totals.enterprisesByBuildMode.JOINT", equalTo(1))
                .body("regions.find { it.regionCode == '371525' }.totals.rdExpenditure", comparesEqualTo(d("3300000")))
                .body("regions.find { it.regionCode == '371525' }.totals.revenue", comparesEqualTo(d("104000000")))
                .body("regions.find { it.regionCode == '371525' }.totals.rdIntensity", comparesEqualTo(d("0.0317")))
                .body("regions.find { it.regionCode == '371525' }.previous.institutions", equalTo(1))
                .body("regions.find { it.regionCode == '371525' }.previous.rdIntensity", comparesEqualTo(d("0.0192")))
                .body("regions.find { it.regionCode == '371525' }.growth.rdExpenditure.absolute", comparesEqualTo(d("2300000")))
                .body("regions.find { it.regionCode == '371525' }.growth.rdExpenditure.percent", comparesEqualTo(d("230.00")))
                .body("regions.find { it.regionCode == '371526' }.totals.institutions", equalTo(1))
                .body("regions.find { it.regionCode == '371526' }.totals.enterprises", equalTo(1))
                .body("regions.find { it.regionCode == '371526' }.totals.enterprisesByBuildMode.JOINT", equalTo(1))
                .body("regions.find { it.regionCode == '371526' }.totals.rdExpenditure", comparesEqualTo(d("2000000")))
                .body("regions.find { it.regionCode == '371526' }.totals.rdPersonnel", equalTo(20))
                .body("regions.find { it.regionCode == '371526' }.totals.patentApplications", equalTo(10))
                .body("regions.find { it.regionCode == '371526' }.totals.rdIntensity", comparesEqualTo(d("0.0385")))
                .body("regions.find { it.regionCode == '371526' }.previous.enterprisesByBuildMode.INDUSTRY", equalTo(1))
                .body("regions.find { it.regionCode == '371526' }.previous.rdPersonnel", equalTo(5))
                .body("regions.find { it.regionCode == '371526' }.previous.patentApplications", equalTo(2))
                .body("regions.find { it.regionCode == '371526' }.previous.rdIntensity", comparesEqualTo(d("0.0096")))
                .body("regions.find { it.regionCode == '371526' }.growth.rdExpenditure.percent", comparesEqualTo(d("300.00")))
                .body("regions.find { it.regionCode == '371502' }.totals.institutions", equalTo(0))
                .body("regions.find { it.regionCode == '371502' }.totals.rdIntensity", nullValue())
                .body("regions.find { it.regionCode == '371502' }.growth.rdExpenditure.percent", nullValue());

        // a county officer: its region, no city; another region is 404
        report(county("371526"), "year=1998").body("city", nullValue()).body("regions.size()", equalTo(1))
                .body("regions[0].totals.rdExpenditure", comparesEqualTo(d("2000000")));
        county("371526").get("/api/v1/reports/indicators?year=1998&regionCode=371525").then().statusCode(403); // as the coverage report: another county is 403 naming the caller's regions
        report(city(), "year=1998&regionCode=371525").body("regions.size()", equalTo(1)).body("city.totals.institutions", equalTo(2));

        // the trend: one point per year, the same totals
        city().config(DECIMALS).get("/api/v1/reports/indicators/trend?from=1997&to=1998").then().statusCode(200)
                .body("points.year", equalTo(java.util.List.of(1997, 1998)))
                .body("points[0].totals.rdExpenditure", comparesEqualTo(d("1500000")))
                .body("points[0].totals.institutions", equalTo(2))
                .body("points[1].totals.rdExpenditure", comparesEqualTo(d("3300000")))
                .body("points[1].growth.rdExpenditure.percent", comparesEqualTo(d("120.00")));
        county("371525").config(DECIMALS).get("/api/v1/reports/indicators/trend?from=1997&to=1998").then().statusCode(200)
                .body("regionCode", equalTo("371525"))
                .body("points[1].totals.rdIntensity", comparesEqualTo(d("0.0317")));

        // a snapshot keeps the indicators of its statistical year unchanged
        String snapshot = city().contentType("application/json").body(java.util.Map.of("asOf", "1998-12-31"))
                .post("/api/v1/reports/snapshots").then().statusCode(201).extract().path("id");
        // the write paths keep what the report reads (issue #18: institution_coverage, the revenue in the segments):
        // I1's 1998 patents 6 → 60: city 16 + 54 = 70
        city().contentType("application/json").body(java.util.Map.of("patentApplications", 60,
                        "inventionPatentApplications", 2, "patentsGranted", 3, "newProducts", 2))
                .put("/api/v1/institutions/" + i1 + "/indicators/1998").then().statusCode(200);
        report(city(), "year=1998").body("city.totals.patentApplications", equalTo(70));
        city().config(DECIMALS).get("/api/v1/reports/snapshots/" + snapshot + "/indicators").then().statusCode(200)
                .body("year", equalTo(1998)).body("city.totals.patentApplications", equalTo(16))
                .body("city.totals.rdIntensity", comparesEqualTo(d("0.0212")));
        county("371525").get("/api/v1/reports/snapshots/" + snapshot + "/indicators").then().statusCode(200)
                .body("city", nullValue()).body("regions.regionCode", equalTo(java.util.List.of("371525")));

        // bad input
        city().get("/api/v1/reports/indicators?year=next").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("year"));
        city().get("/api/v1/reports/indicators/trend?from=1998&to=1997").then().statusCode(400).body("errors[0].field", equalTo("to"));
        city().get("/api/v1/reports/indicators/trend?to=1997").then().statusCode(400).body("errors[0].field", equalTo("from"));
        city().get("/api/v1/reports/indicators?year=1998&regionCode=999999").then().statusCode(400)
                .body("errors[0].field", equalTo("regionCode"));

        // CSV: the city first
        String csv = new String(city().accept("text/csv").get("/api/v1/reports/indicators?year=1998").then().statusCode(200)
                .extract().asByteArray(), java.nio.charset.StandardCharsets.UTF_8);
        String[] lines = csv.substring(1).split("\r\n");
        String[] cityLine = lines[1].split(",", -1);
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of("CITY", "", "", "1998", "2", "3", "1", "2", "0"),
                java.util.List.of(cityLine).subList(0, 9), lines[1]);
        // rdExpenditure, rdPersonnel, patents (I1's 1998 corrected to 60 above: 60 + 10 = 70), invention, granted, new
        // products, revenue, intensity, rd growth and %, then personnel growth, and patent growth 70 − 6 = 64, 64 ÷ 6 = 1066.67 %
        org.junit.jupiter.api.Assertions.assertEquals(0, d("3300000").compareTo(d(cityLine[9])), lines[1]);
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of("32", "70", "6", "8", "5"),
                java.util.List.of(cityLine).subList(10, 15), lines[1]);
        org.junit.jupiter.api.Assertions.assertEquals(0, d("156000000").compareTo(d(cityLine[15])), lines[1]);
        org.junit.jupiter.api.Assertions.assertEquals(0, d("0.0212").compareTo(d(cityLine[16])), lines[1]);
        org.junit.jupiter.api.Assertions.assertEquals(0, d("1800000").compareTo(d(cityLine[17])), lines[1]);
        org.junit.jupiter.api.Assertions.assertEquals(0, d("120.00").compareTo(d(cityLine[18])), lines[1]);
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of("17", "113.33", "64", "1066.67"),
                java.util.List.of(cityLine).subList(19, 23), lines[1]);

        // E1's 1998 revenue 52,000,000 → 78,000,000: city 182,000,000, intensity 3,300,000 / 182,000,000 = 0.01813 → 0.0181
        city().contentType("application/json").body(java.util.Map.of("employees", 350, "revenue", 78_000_000,
                "aboveDesignatedSize", true)).put("/api/v1/enterprises/" + e1 + "/figures/1998").then().statusCode(200);
        report(city(), "year=1998").body("city.totals.revenue", comparesEqualTo(d("182000000")))
                .body("city.totals.rdIntensity", comparesEqualTo(d("0.0181")));
        // I1's 1998 capacity corrected by the city, rd 1,300,000 → 2,300,000: city rd 4,300,000, intensity
        // 4,300,000 / 182,000,000 = 0.02363 → 0.0236; 371525 rd 4,300,000 / revenue 130,000,000 = 0.03308 → 0.0331
        String etag = city().get("/api/v1/institutions/" + i1).then().statusCode(200).extract().header("ETag");
        java.util.Map<String, Object> corrected = new java.util.HashMap<>(java.util.Map.of("name", "SINGLE中心", "kind", "TECH_CENTER",
                "buildMode", "SINGLE", "participants", java.util.List.of(e1)));
        corrected.put("capacity", java.util.Map.of("year", 1998, "personnel", 12, "equipmentValue", 100000,
                "rdExpenditure", 2300000, "floorArea", 50, "projectCount", 1, "hasRules", true, "hasStableFunding", true));
        city().header("If-Match", etag).contentType("application/json")
                .body(java.util.Map.of("institution", corrected, "reason", "研发投入更正"))
                .post("/api/v1/institutions/" + i1 + "/corrections").then().statusCode(200);
        report(city(), "year=1998").body("city.totals.rdExpenditure", comparesEqualTo(d("4300000")))
                .body("city.totals.rdPersonnel", equalTo(32))
                .body("city.totals.rdIntensity", comparesEqualTo(d("0.0236")))
                .body("regions.find { it.regionCode == '371525' }.totals.rdExpenditure", comparesEqualTo(d("4300000")))
                .body("regions.find { it.regionCode == '371525' }.totals.rdIntensity", comparesEqualTo(d("0.0331")));
    }

    /**
     * The ledger check compares the institutions' rows (the report's copy, issue #18) too: a row changed and rows removed
     * by hand in the database are found without repair (and stay as they are), and rewritten with repair. Years 1992
     * and 1993, used by no other test. A [371524] and B [371524], SINGLE, recognised 1992-03-01; capacity 1993 rd
     * 700,000 / 7 people and 300,000 / 3; indicators 1993 3/1/1/1 and 2/0/0/0. 371524 1993: 2 institutions, rd
     * 1,000,000, people 10, patents 5.
     */
    @Test
    void theLedgerCheckComparesAndRepairsTheInstitutionsRows() {
        String ea = enterprise("371524", 1992, true);
        figures(ea, 1993, true);
        String eb = enterprise("371524", 1993, true);
        String a = recognized("SINGLE", "1992-03-01", ea);
        String b = recognized("SINGLE", "1992-03-01", eb);
        capacity(a, 1993, "700000", 7);
        capacity(b, 1993, "300000", 3);
        indicators(a, 1993, 3, 1, 1, 1);
        indicators(b, 1993, 2, 0, 0, 0);
        String r24 = "regions.find { it.regionCode == '371524' }.totals.";
        report(city(), "year=1993").body(r24 + "institutions", equalTo(2)).body(r24 + "patentApplications", equalTo(5))
                .body(r24 + "rdExpenditure", comparesEqualTo(d("1000000"))).body(r24 + "rdPersonnel", equalTo(10));

        // by hand in the database: A's 1993 patents 3 → 99, B's rows gone; the report reads what is stored
        QuarkusTransaction.requiringNew().run(() -> {
            jakarta.persistence.EntityManager em = Arc.container().instance(jakarta.persistence.EntityManager.class).get();
            em.createNativeQuery("update institution_coverage set patent_applications = 99 where institution_id = :id and year = 1993")
                    .setParameter("id", a).executeUpdate();
            em.createNativeQuery("delete from institution_coverage where institution_id = :id").setParameter("id", b).executeUpdate();
        });
        report(city(), "year=1993").body(r24 + "institutions", equalTo(1)).body(r24 + "patentApplications", equalTo(99));

        io.restassured.path.json.JsonPath found = check(false);
        org.junit.jupiter.api.Assertions.assertTrue(found.getList("differingInstitutions").containsAll(java.util.List.of(a, b)),
                found.prettify());
        org.junit.jupiter.api.Assertions.assertTrue(found.getLong("institutionsDiffering") >= 2, found.prettify());
        org.junit.jupiter.api.Assertions.assertTrue(found.getLong("institutionRowsExpected") > found.getLong("institutionRowsStored"),
                found.prettify());
        org.junit.jupiter.api.Assertions.assertFalse(found.getBoolean("repaired"));
        // without repair nothing changed
        report(city(), "year=1993").body(r24 + "institutions", equalTo(1)).body(r24 + "patentApplications", equalTo(99));

        io.restassured.path.json.JsonPath repaired = check(true);
        org.junit.jupiter.api.Assertions.assertTrue(repaired.getList("differingInstitutions").containsAll(java.util.List.of(a, b)),
                repaired.prettify());
        report(city(), "year=1993").body(r24 + "institutions", equalTo(2)).body(r24 + "patentApplications", equalTo(5))
                .body(r24 + "rdExpenditure", comparesEqualTo(d("1000000"))).body(r24 + "rdPersonnel", equalTo(10));
        io.restassured.path.json.JsonPath after = check(false);
        org.junit.jupiter.api.Assertions.assertFalse(after.getList("differingInstitutions").contains(a), after.prettify());
        org.junit.jupiter.api.Assertions.assertFalse(after.getList("differingInstitutions").contains(b), after.prettify());
    }

    private static io.restassured.path.json.JsonPath check(boolean repair) {
        return TestData.role("ADMIN").contentType("application/json").body(java.util.Map.of("repair", repair))
                .post("/api/v1/reports/coverage-ledger/checks").then().statusCode(200).extract().jsonPath();
    }

    /** An enterprise registered through the API with its 1994 and 1995 figures, each year with its own region. */
    private static String registered(String current, String region1994, String region1995) {
        String code = TestData.creditCode(current);
        city().contentType("application/json").body(java.util.Map.of("creditCode", code, "name", "迁移" + code.substring(10),
                "regionCode", current, "figures", java.util.List.of(
                        java.util.Map.of("year", 1994, "employees", 350, "revenue", 52_000_000, "regionCode", region1994),
                        java.util.Map.of("year", 1995, "employees", 350, "revenue", 52_000_000, "regionCode", region1995))))
                .post("/api/v1/enterprises").then().statusCode(201);
        return code;
    }

    private static void putIndicators(String id, int year, int patents, int invention, int granted, int products) {
        city().contentType("application/json").body(java.util.Map.of("patentApplications", patents,
                        "inventionPatentApplications", invention, "patentsGranted", granted, "newProducts", products))
                .put("/api/v1/institutions/" + id + "/indicators/" + year).then().statusCode(201);
    }

    /**
     * Enterprises that moved county count in the region of the statistical year (the coverage segments' region), not in
     * their current one. Years 1994 and 1995, used by no other test.
     * <pre>
     * M: 1994 and 1995 in 371525 (冠县); moved to 371502 (东昌府区) afterwards, through the API. I1 SINGLE [M] recognised 1994-02-01,
     *    capacity 1994 rd 400,000 / 4 people, 1995 800,000 / 8; indicators 1994 2/1/1/0, 1995 3/1/1/1
     * N: 1994 in 371526 (高唐县), 1995 in 371525 (its current region). I2 SINGLE [N] recognised 1994-06-01,
     *    capacity 1994 rd 100,000 / 1, 1995 300,000 / 3; indicators 1994 1/0/0/0, 1995 5/2/2/1
     * revenue 52,000,000 each enterprise and year
     *
     * 371525 1995: I1, I2 = 2; M, N = 2 (SINGLE 2); rd 1,100,000; people 11; patents 8, invention 3, granted 3, new 2;
     *              revenue 104,000,000; intensity 1,100,000 / 104,000,000 = 0.010577 → 0.0106
     *        1994: I1 = 1; M = 1; rd 400,000; people 4; patents 2; revenue 52,000,000; intensity 0.0076923 → 0.0077
     *        growth rd +700,000 (175.00 %), patents +6 (300.00 %)
     * 371526 1995: nothing; 1994: I2 = 1; N = 1; rd 100,000; patents 1; intensity 0.0019230 → 0.0019; rd −100,000 (−100.00 %)
     * 371502 (M's region now): nothing in either year
     * city   1995: 2 institutions, 2 enterprises, rd 1,100,000; 1994: 2, 2, rd 500,000; rd +600,000 (120.00 %)
     * </pre>
     */
    @Test
    void anEnterpriseThatMovedCountsInTheRegionOfTheStatisticalYear() {
        String m = registered("371525", "371525", "371525");
        String n = registered("371525", "371526", "371525");
        String i1 = recognized("SINGLE", "1994-02-01", m);
        String i2 = recognized("SINGLE", "1994-06-01", n);
        capacity(i1, 1994, "400000", 4);
        capacity(i1, 1995, "800000", 8);
        capacity(i2, 1994, "100000", 1);
        capacity(i2, 1995, "300000", 3);
        putIndicators(i1, 1994, 2, 1, 1, 0);
        putIndicators(i1, 1995, 3, 1, 1, 1);
        putIndicators(i2, 1994, 1, 0, 0, 0);
        putIndicators(i2, 1995, 5, 2, 2, 1);
        // M moves to 东昌府区 now: its 1994 and 1995 figures keep 冠县
        String etag = city().get("/api/v1/enterprises/" + m).then().statusCode(200).extract().header("ETag");
        city().contentType("application/json").header("If-Match", etag).body(java.util.Map.of("name", "迁移企业", "regionCode", "371502"))
                .put("/api/v1/enterprises/" + m).then().statusCode(200).body("regionCode", equalTo("371502"));

        String r25 = "regions.find { it.regionCode == '371525' }.";
        String r26 = "regions.find { it.regionCode == '371526' }.";
        String r02 = "regions.find { it.regionCode == '371502' }.";
        report(city(), "year=1995")
                .body(r25 + "totals.institutions", equalTo(2)).body(r25 + "totals.enterprises", equalTo(2))
                .body(r25 + "totals.enterprisesByBuildMode.SINGLE", equalTo(2))
                .body(r25 + "totals.rdExpenditure", comparesEqualTo(d("1100000")))
                .body(r25 + "totals.rdPersonnel", equalTo(11))
                .body(r25 + "totals.patentApplications", equalTo(8))
                .body(r25 + "totals.inventionPatentApplications", equalTo(3))
                .body(r25 + "totals.patentsGranted", equalTo(3))
                .body(r25 + "totals.newProducts", equalTo(2))
                .body(r25 + "totals.revenue", comparesEqualTo(d("104000000")))
                .body(r25 + "totals.rdIntensity", comparesEqualTo(d("0.0106")))
                .body(r25 + "previous.institutions", equalTo(1)).body(r25 + "previous.enterprises", equalTo(1))
                .body(r25 + "previous.rdExpenditure", comparesEqualTo(d("400000")))
                .body(r25 + "previous.rdPersonnel", equalTo(4))
                .body(r25 + "previous.patentApplications", equalTo(2))
                .body(r25 + "previous.rdIntensity", comparesEqualTo(d("0.0077")))
                .body(r25 + "growth.rdExpenditure.absolute", comparesEqualTo(d("700000")))
                .body(r25 + "growth.rdExpenditure.percent", comparesEqualTo(d("175.00")))
                .body(r25 + "growth.patentApplications.percent", comparesEqualTo(d("300.00")))
                .body(r26 + "totals.institutions", equalTo(0)).body(r26 + "totals.enterprises", equalTo(0))
                .body(r26 + "previous.institutions", equalTo(1)).body(r26 + "previous.enterprises", equalTo(1))
                .body(r26 + "previous.rdExpenditure", comparesEqualTo(d("100000")))
                .body(r26 + "previous.patentApplications", equalTo(1))
                .body(r26 + "previous.rdIntensity", comparesEqualTo(d("0.0019")))
                .body(r26 + "growth.rdExpenditure.absolute", comparesEqualTo(d("-100000")))
                .body(r26 + "growth.rdExpenditure.percent", comparesEqualTo(d("-100.00")))
                .body(r02 + "totals.institutions", equalTo(0)).body(r02 + "totals.enterprises", equalTo(0))
                .body(r02 + "previous.institutions", equalTo(0)).body(r02 + "previous.enterprises", equalTo(0))
                .body("city.totals.institutions", equalTo(2)).body("city.totals.enterprises", equalTo(2))
                .body("city.previous.institutions", equalTo(2)).body("city.previous.enterprises", equalTo(2))
                .body("city.totals.rdExpenditure", comparesEqualTo(d("1100000")))
                .body("city.previous.rdExpenditure", comparesEqualTo(d("500000")))
                .body("city.growth.rdExpenditure.absolute", comparesEqualTo(d("600000")))
                .body("city.growth.rdExpenditure.percent", comparesEqualTo(d("120.00")));
        // the county officer of 冠县 reads M's and N's 1995 figures; 东昌府区's (M's region now) has none of them
        report(county("371525"), "year=1995").body("regions[0].totals.enterprises", equalTo(2));
        report(county("371502"), "year=1995").body("regions[0].totals.enterprises", equalTo(0));
    }
}
