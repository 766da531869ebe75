package cn.liaocheng.rdcoverage.capacity;

import cn.liaocheng.rdcoverage.TestData;
import cn.liaocheng.rdcoverage.review.Workflow;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.liaocheng.rdcoverage.TestData.city;
import static cn.liaocheng.rdcoverage.TestData.county;
import static cn.liaocheng.rdcoverage.review.Workflow.act;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The one capacity column group (issue 15): declared, snapshotted at submission and verified on site, each stored in
 * its table and its Envers {@code _aud} twin under the same column names; a year where a capacity has none is refused
 * as an unknown field. Expected values are the literals sent.
 */
@QuarkusTest
class CapacityColumnsTest {
    static final String REGION = "371524";
    static final List<Object> DECLARED = List.of(6, new BigDecimal("600000.00"), new BigDecimal("520000.00"),
            new BigDecimal("60.00"), 3, true, true);
    static final List<Object> VERIFIED = List.of(4, new BigDecimal("610000.50"), new BigDecimal("530000.00"),
            new BigDecimal("61.25"), 2, false, true);

    @Inject
    AgroalDataSource dataSource;

    @Test
    void declaredSubmittedAndVerifiedCapacityAreStoredAndAuditedInTheSameColumns() throws SQLException {
        String round = Workflow.openRound();
        String code = Workflow.enterprise(REGION, 350, 52_000_000);
        String inst = Workflow.institution(code);
        String app = Workflow.apply(code, inst, round);
        act(TestData.enterprise(code), app, "SUBMIT").statusCode(200)
                .body("capacity.year", equalTo(Workflow.YEAR)).body("capacity.personnel", equalTo(6));
        act(county(REGION), app, "COUNTY_APPROVE").statusCode(200);
        act(city(), app, "START_ASSESSMENT").statusCode(200);
        String inspection = city().contentType("application/json").body(Map.of("applicationId", app, "kind", "ON_SITE",
                        "assessorKind", "EXPERT", "assessorId", "expert-15c"))
                .post("/api/v1/inspections").then().statusCode(201).extract().path("id");
        var assessor = TestData.as(TestData.token("ASSESSOR", "assessorId", "expert-15c"));
        Map<String, Object> verified = new HashMap<>(Map.of("personnel", 4, "equipmentValue", new BigDecimal("610000.5"),
                "rdExpenditure", 530_000, "floorArea", new BigDecimal("61.25"), "projectCount", 2, "hasRules", false,
                "hasStableFunding", true));
        verified.put("year", Workflow.YEAR);
        assessor.contentType("application/json").body(Map.of("verifiedCapacity", verified))
                .patch("/api/v1/inspections/" + inspection).then().statusCode(400)
                .body("errors[0].field", equalTo("verifiedCapacity.year"))
                .body("errors[0].code", equalTo("UNKNOWN_FIELD"));
        verified.remove("year");
        assessor.contentType("application/json").body(Map.of("verifiedCapacity", verified))
                .patch("/api/v1/inspections/" + inspection).then().statusCode(200)
                .body("verifiedCapacity.year", nullValue())
                .body("verifiedCapacity.personnel", equalTo(4))
                .body("verifiedCapacity.hasRules", equalTo(false));

        assertEquals(List.of(DECLARED), capacityRows("institution_capacity", "institution_id", inst));
        assertEquals(List.of(DECLARED), capacityRows("institution_capacity_aud", "institution_id", inst));
        assertEquals(List.of(DECLARED), capacityRows("application", "id", app));
        assertEquals(DECLARED, last(capacityRows("application_aud", "id", app)));
        assertEquals(List.of(VERIFIED), capacityRows("inspection", "id", inspection));
        List<List<Object>> inspectionAudit = capacityRows("inspection_aud", "id", inspection);
        assertEquals(Arrays.asList(null, null, null, null, null, null, null), inspectionAudit.get(0).subList(0, 7));
        assertEquals(VERIFIED, last(inspectionAudit));
    }

    @Test
    void aWhatIfCapacityHasNoYear() {
        Map<String, Object> capacity = new HashMap<>(Workflow.capacity(6));
        city().contentType("application/json").body(Map.of("asOf", "2021-06-30", "buildMode", "SINGLE",
                        "participants", List.of(Map.of("creditCode", "91350100M000100Y43", "employees", 350,
                                "revenue", 52_000_000)), "capacity", capacity))
                .post("/api/v1/eligibility-assessments").then().statusCode(400)
                .body("errors[0].field", equalTo("capacity.year"));
    }

    private static List<Object> last(List<List<Object>> rows) {
        return rows.get(rows.size() - 1);
    }

    /** The seven capacity columns of the rows with {@code key = id}, in revision order for an audit table. */
    private List<List<Object>> capacityRows(String table, String key, String id) throws SQLException {
        String order = table.endsWith("_aud") ? " order by rev" : "";
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select personnel, equipment_value, rd_expenditure, floor_area, "
                     + "project_count, has_rules, has_stable_funding from " + table + " where " + key + " = ?" + order)) {
            ps.setString(1, id);
            List<List<Object>> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    row.add(rs.getObject(1) == null ? null : rs.getInt(1));
                    row.add(rs.getBigDecimal(2));
                    row.add(rs.getBigDecimal(3));
                    row.add(rs.getBigDecimal(4));
                    row.add(rs.getObject(5) == null ? null : rs.getInt(5));
                    row.add(rs.getObject(6) == null ? null : rs.getBoolean(6));
                    row.add(rs.getObject(7) == null ? null : rs.getBoolean(7));
                    rows.add(row);
                }
            }
            return rows;
        }
    }
}
