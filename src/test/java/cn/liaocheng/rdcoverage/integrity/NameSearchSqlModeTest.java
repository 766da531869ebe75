package cn.liaocheng.rdcoverage.integrity;

import cn.liaocheng.rdcoverage.SuiteProfile;
import cn.liaocheng.rdcoverage.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;

import java.util.List;
import java.util.Map;

import static cn.liaocheng.rdcoverage.TestData.city;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12, item 6: {@code ?q=} name search with LIKE wildcards and backslashes taken literally. On MariaDB
 * ({@code -Dquarkus.test.profile=test,mariadb}) every connection runs with {@code NO_BACKSLASH_ESCAPES} in its
 * session sql_mode, as managed MySQL often does; on H2 the same assertions hold.
 */
@QuarkusTest
@TestProfile(NameSearchSqlModeTest.NoBackslashEscapes.class)
class NameSearchSqlModeTest {
    public static class NoBackslashEscapes extends SuiteProfile {
        public NoBackslashEscapes() {
            super(mariadb() ? Map.of("quarkus.datasource.jdbc.additional-jdbc-properties.sessionVariables",
                    "sql_mode='NO_BACKSLASH_ESCAPES,STRICT_TRANS_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION'")
                    : Map.of());
        }
    }

    @Inject
    DataSource dataSource;

    /** Without this the test could pass on MariaDB with the mode silently not applied. */
    @Test
    void onMariaDbTheServicesConnectionsRunWithNoBackslashEscapes() throws Exception {
        if (!NoBackslashEscapes.mariadb()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); ResultSet rs = c.createStatement().executeQuery("SELECT @@SESSION.sql_mode")) {
            rs.next();
            assertTrue(rs.getString(1).contains("NO_BACKSLASH_ESCAPES"), "session sql_mode: " + rs.getString(1));
        }
    }

    @Test
    void wildcardsBackslashesAndTheEscapeCharacterAreLiteral() {
        String tag = Long.toString(System.nanoTime(), 36);
        List<String> names = List.of(tag + "百分%之百", tag + "下划_线", tag + "反斜\\杠", tag + "感叹!号", tag + "普通名称");
        for (String name : names) {
            city().contentType("application/json").body(Map.of("creditCode", TestData.creditCode("371525"), "name", name,
                    "regionCode", "371525")).post("/api/v1/enterprises").then().statusCode(201);
        }
        for (int k = 0; k < 4; k++) {
            String special = names.get(k).substring(tag.length() + 2, tag.length() + 3);
            city().queryParam("q", tag + names.get(k).substring(tag.length(), tag.length() + 3)).queryParam("regionCode", "371525")
                    .get("/api/v1/enterprises").then().statusCode(200)
                    .body("total", equalTo(1)).body("items[0].name", equalTo(names.get(k)));
            city().queryParam("q", special).queryParam("regionCode", "371525").queryParam("size", 500)
                    .get("/api/v1/enterprises").then().statusCode(200)
                    .body("items.findAll { it.name.startsWith('" + tag + "') }.name", equalTo(List.of(names.get(k))));
        }
        city().queryParam("q", tag).queryParam("regionCode", "371525").get("/api/v1/enterprises").then().statusCode(200)
                .body("total", equalTo(5));
    }
}
