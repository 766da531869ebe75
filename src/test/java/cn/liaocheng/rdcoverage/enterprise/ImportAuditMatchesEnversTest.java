package cn.liaocheng.rdcoverage.enterprise;

import cn.liaocheng.rdcoverage.TestData;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static cn.liaocheng.rdcoverage.TestData.city;
import static cn.liaocheng.rdcoverage.enterprise.EnterpriseImportTest.csv;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The import writes its audit rows itself (one revision per import, rows copied from what it stored); the API's
 * changes are recorded by Hibernate Envers. The same change made through the API to one enterprise and through an
 * import to another must leave the same rows in {@code enterprise_aud} and {@code enterprise_figures_aud}, column by
 * column, apart from the credit code, the revision id and the timestamps; and revisions by the same subject and role.
 */
@QuarkusTest
class ImportAuditMatchesEnversTest {
    private static final String HEADER = "creditCode,name,regionCode,industryCode,address,keyEnterprise,keyIndustry,year,employees,revenue\n";
    /** Differ between the two enterprises by construction. */
    private static final Set<String> IGNORED = Set.of("credit_code", "rev", "created_at", "updated_at");

    @Inject
    AgroalDataSource dataSource;

    @Test
    void createdChangedAndNewFiguresLeaveTheSameAuditRowsAsEnvers() throws SQLException {
        String api = TestData.creditCode();
        String imported = TestData.creditCode();

        // 1. created with its 2024 figures
        city().contentType("application/json").body("{\"creditCode\":\"" + api + "\",\"name\":\"审计甲企业\",\"regionCode\":\"371502\","
                        + "\"industryCode\":\"C3311\",\"address\":\"东昌路1号\",\"keyEnterprise\":true,\"keyIndustry\":false,"
                        + "\"figures\":[{\"year\":2024,\"employees\":50,\"revenue\":25000000.00}]}")
                .post("/api/v1/enterprises").then().statusCode(201);
        importRow(imported, "审计甲企业", "东昌路1号", 2024, 50, "25000000.00").body("created", equalTo(1));
        assertSameAudit(api, imported, List.of(0), List.of("2024:0"));

        // 2. new name and address, figures as they are
        city().contentType("application/json").body("{\"name\":\"审计甲企业有限公司\",\"regionCode\":\"371502\","
                        + "\"industryCode\":\"C3311\",\"address\":\"东昌路2号\",\"keyEnterprise\":true,\"keyIndustry\":false}")
                .put("/api/v1/enterprises/" + api).then().statusCode(200);
        importRow(imported, "审计甲企业有限公司", "东昌路2号", 2024, 50, "25000000.00").body("updated", equalTo(1));
        assertSameAudit(api, imported, List.of(0, 1), List.of("2024:0"));

        // 3. the 2024 figures change below the 规上 threshold (the enterprise's mirrored flag changes with them)
        city().contentType("application/json").body("{\"employees\":400,\"revenue\":1000000.50}")
                .put("/api/v1/enterprises/" + api + "/figures/2024").then().statusCode(200);
        importRow(imported, "审计甲企业有限公司", "东昌路2号", 2024, 400, "1000000.50").body("updated", equalTo(1));
        assertSameAudit(api, imported, List.of(0, 1, 1), List.of("2024:0", "2024:1"));

        // 4. a later year's figures
        city().contentType("application/json").body("{\"employees\":420,\"revenue\":30000000}")
                .put("/api/v1/enterprises/" + api + "/figures/2025").then().statusCode(201);
        importRow(imported, "审计甲企业有限公司", "东昌路2号", 2025, 420, "30000000").body("created", equalTo(1));
        assertSameAudit(api, imported, List.of(0, 1, 1, 1), List.of("2024:0", "2024:1", "2025:0"));
    }

    private static io.restassured.response.ValidatableResponse importRow(String code, String name, String address, int year,
                                                                          int employees, String revenue) {
        // listed=false: the 规上 flag is derived from the revenue, as for an entry through the API
        return csv(HEADER + code + "," + name + ",371502,C3311," + address + ",是,否," + year + "," + employees + "," + revenue + "\n",
                "listed=false").statusCode(200);
    }

    private void assertSameAudit(String api, String imported, List<Integer> enterpriseRevtypes, List<String> figuresRevtypes)
            throws SQLException {
        List<Map<String, Object>> apiEnterprise = rows("enterprise_aud", api);
        List<Map<String, Object>> apiFigures = rows("enterprise_figures_aud", api);
        assertEquals(enterpriseRevtypes, apiEnterprise.stream().map(r -> ((Number) r.get("revtype")).intValue()).toList());
        assertEquals(figuresRevtypes, apiFigures.stream().map(r -> r.get("year") + ":" + ((Number) r.get("revtype")).intValue()).toList());
        assertEquals(apiEnterprise, rows("enterprise_aud", imported));
        assertEquals(apiFigures, rows("enterprise_figures_aud", imported));
    }

    /** The audit rows of one enterprise, oldest first, without the ignored columns, with their revision's subject and role. */
    private List<Map<String, Object>> rows(String table, String code) throws SQLException {
        boolean figures = table.startsWith("enterprise_figures");
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select a.*, r.subject as revision_subject, r.role as revision_role from "
                     + table + " a join audit_revision r on r.id = a.rev where a.credit_code = ? order by a.rev"
                     + (figures ? ", a.year" : ""))) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                List<Map<String, Object>> rows = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> row = new TreeMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        String column = meta.getColumnLabel(i).toLowerCase(Locale.ROOT);
                        if (!IGNORED.contains(column)) {
                            row.put(column, rs.getObject(i));
                        }
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
    }
}
