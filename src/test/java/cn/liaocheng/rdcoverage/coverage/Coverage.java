package cn.liaocheng.rdcoverage.coverage;

import cn.liaocheng.rdcoverage.TestData;
import cn.liaocheng.rdcoverage.eligibility.SizeClass;
import cn.liaocheng.rdcoverage.enterprise.EnterpriseFigures;
import cn.liaocheng.rdcoverage.institution.Institution;
import cn.liaocheng.rdcoverage.institution.InstitutionStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.liaocheng.rdcoverage.TestData.city;

/**
 * Test data for the coverage reports. Each test uses its own far-away statistical year (2031 and later) so that its
 * counts are exact although all test classes share one database; the API refuses figures of future years and a
 * recognition decided after today (ApplicationLifecycle: decidedOn not after today), so both are written straight to the
 * database here. Recognition through the API (round, application, inspection, decision) is tested in ReviewWorkflowTest.
 */
public final class Coverage {
    private Coverage() {
    }

    /** An enterprise registered through the API, without figures. */
    public static String enterprise(String region) {
        String code = TestData.creditCode(region);
        city().contentType(ContentType.JSON).body(Map.of("creditCode", code, "name", "覆盖" + code.substring(10), "regionCode", region))
                .post("/api/v1/enterprises").then().statusCode(201);
        return code;
    }

    /** An enterprise with one year of figures, above designated size or not. */
    public static String enterprise(String region, int year, boolean aboveSize) {
        String code = enterprise(region);
        figures(code, year, aboveSize);
        return code;
    }

    public static void figures(String code, int year, boolean aboveSize) {
        QuarkusTransaction.requiringNew().run(() -> {
            EnterpriseFigures f = new EnterpriseFigures();
            f.creditCode = code;
            f.year = year;
            f.employees = aboveSize ? 350 : 15;
            f.revenue = new BigDecimal(aboveSize ? "52000000" : "1500000");
            f.aboveDesignatedSize = aboveSize;
            f.aboveSizeDeclared = true;
            f.sizeClass = aboveSize ? SizeClass.MEDIUM : SizeClass.MICRO;
            f.updatedAt = Instant.now();
            f.persist();
            ledger().refresh(List.of(code));
        });
    }

    /** Writes straight to the database keep the coverage segments, as the service's write paths do (issue #20). */
    static CoverageLedger ledger() {
        return io.quarkus.arc.Arc.container().instance(CoverageLedger.class).get();
    }

    /** A DECLARED institution of these participants (SINGLE for one, JOINT for more; INDUSTRY when asked). */
    public static String institution(String mode, String... participants) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", mode + "中心", "kind", "TECH_CENTER", "buildMode", mode,
                "participants", List.of(participants)));
        if (mode.equals("INDUSTRY")) {
            body.put("platform", Map.of("name", "聊城产业技术研究院", "kind", "INDUSTRY_INSTITUTE", "certificationLevel", "NONE"));
            body.put("serviceAgreement", Map.of("expert", "专家服务团", "signedOn", "2024-01-01"));
        }
        return city().contentType(ContentType.JSON).body(body).post("/api/v1/institutions").then().statusCode(201).extract().path("id");
    }

    /** Sets an institution RECOGNIZED on a date (which may lie in the future), as a RECOGNIZE decision does. */
    public static void recognize(String id, String on) {
        QuarkusTransaction.requiringNew().run(() -> {
            Institution.update("status = ?1, recognizedOn = ?2 where id = ?3",
                    InstitutionStatus.RECOGNIZED, LocalDate.parse(on), UUID.fromString(id));
            Institution i = Institution.findById(UUID.fromString(id));
            Institution.getEntityManager().refresh(i);
            ledger().refresh(i.participants);
        });
    }

    public static String recognized(String mode, String on, String... participants) {
        String id = institution(mode, participants);
        recognize(id, on);
        return id;
    }

    /**
     * Revokes a RECOGNIZED institution on a date that may lie in the future (the API refuses those), as a revocation
     * does: status, date, reason and the coverage segments.
     */
    public static void revoke(String id, String on, String reason) {
        QuarkusTransaction.requiringNew().run(() -> {
            Institution.update("status = ?1, revokedOn = ?2, revocationReason = ?3 where id = ?4",
                    InstitutionStatus.REVOKED, LocalDate.parse(on), reason, UUID.fromString(id));
            Institution i = Institution.findById(UUID.fromString(id));
            Institution.getEntityManager().refresh(i);
            ledger().refresh(i.participants);
        });
    }

    /** Revokes (delists) a designation on a date that may lie in the future (the API refuses those). */
    public static void revokeDesignation(String designationId, String on, String reason) {
        QuarkusTransaction.requiringNew().run(() -> cn.liaocheng.rdcoverage.institution.Designation.update(
                "revokedOn = ?1, revocationReason = ?2 where id = ?3", LocalDate.parse(on), reason, UUID.fromString(designationId)));
    }
}
