package cn.liaocheng.rdcoverage.enterprise;

import cn.liaocheng.rdcoverage.TestData;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static cn.liaocheng.rdcoverage.TestData.city;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

@QuarkusTest
class EnterpriseImportTest {
    static final String EN_HEADER = "creditCode,name,regionCode,industryCode,year,employees,revenue,aboveDesignatedSize,keyEnterprise,keyIndustry\n";
    static final String ZH_HEADER = "统一社会信用代码,企业名称,所属区县代码,行业代码,年度,从业人员,营业收入,是否规上,重点企业,重点行业\n";

    static io.restassured.response.ValidatableResponse post(String contentType, byte[] body, String query) {
        return city().config(TestData.RAW_CHARSET).contentType(contentType).body(body).when()
                .post("/api/v1/enterprises/import" + (query == null ? "" : "?" + query)).then();
    }

    static io.restassured.response.ValidatableResponse csv(String text, String query) {
        return post("text/csv", text.getBytes(StandardCharsets.UTF_8), query);
    }

    @Test
    void importsEnglishCsvAndReimportingChangesNothing() {
        String a = TestData.creditCode();
        String b = TestData.creditCode();
        String file = EN_HEADER
                + a + ",阿胶示范厂,371524,C1491,2024,1200,450000000,,true,false\n"
                + b + ",\"轴承,精密件有限公司\",371525,,2024,40,25000000,true,,\n";
        csv(file, null).statusCode(200)
                .body("received", equalTo(2)).body("created", equalTo(2)).body("updated", equalTo(0))
                .body("unchanged", equalTo(0)).body("rejected", equalTo(0)).body("committed", equalTo(true));
        city().get("/api/v1/enterprises/" + a).then().statusCode(200)
                .body("sizeClass", equalTo("LARGE")).body("keyEnterprise", equalTo(true)).body("industryCode", equalTo("C1491"));
        city().get("/api/v1/enterprises/" + b).then().statusCode(200)
                .body("name", equalTo("轴承,精密件有限公司")).body("sizeClass", equalTo("SMALL"));

        csv(file, null).statusCode(200)
                .body("created", equalTo(0)).body("updated", equalTo(0)).body("unchanged", equalTo(2));

        String changed = EN_HEADER + a + ",阿胶示范厂,371524,C1491,2024,1200,380000000,,true,false\n"
                + a + ",阿胶示范厂,371524,C1491,2025,1300,460000000,,true,false\n";
        csv(changed, null).statusCode(200).body("created", equalTo(1)).body("updated", equalTo(1)).body("unchanged", equalTo(0));
        city().get("/api/v1/enterprises/" + a + "/figures/2024").then().body("sizeClass", equalTo("MEDIUM"));
        city().get("/api/v1/enterprises/" + a).then().body("figuresYear", equalTo(2025)).body("sizeClass", equalTo("LARGE"));
    }

    /**
     * Rows of one enterprise for several years in one file: the row of the latest year gives its current name, region
     * and address (as a PUT of each row in year order), whichever comes first in the file, for a new enterprise as
     * for a stored one; every row keeps its own region on its year's figures.
     */
    @Test
    void theLatestYearsRowGivesTheNameRegionAndAddress() {
        String laterFirst = TestData.creditCode();
        String inOrder = TestData.creditCode();
        String file = "creditCode,name,regionCode,year,employees,revenue,address\n"
                + laterFirst + ",临清新名轴承有限公司,371581,2025,120,30000000,临清市新华路8号\n"
                + laterFirst + ",东昌旧名轴承厂,371502,2024,100,25000000,东昌府区柳园路1号\n"
                + inOrder + ",东阿旧名阿胶厂,371524,2023,60,22000000,东阿县旧址\n"
                + inOrder + ",东阿新名阿胶有限公司,371525,2024,70,23000000,\n";
        csv(file, null).statusCode(200).body("created", equalTo(4)).body("updated", equalTo(0))
                .body("unchanged", equalTo(0)).body("rejected", equalTo(0));
        city().get("/api/v1/enterprises/" + laterFirst).then().statusCode(200)
                .body("name", equalTo("临清新名轴承有限公司")).body("regionCode", equalTo("371581"))
                .body("address", equalTo("临清市新华路8号")).body("figuresYear", equalTo(2025));
        city().get("/api/v1/enterprises/" + laterFirst + "/figures/2024").then().statusCode(200)
                .body("regionCode", equalTo("371502")).body("employees", equalTo(100)).body("revenue", equalTo(25000000f));
        city().get("/api/v1/enterprises/" + laterFirst + "/figures/2025").then().statusCode(200)
                .body("regionCode", equalTo("371581")).body("employees", equalTo(120));
        city().get("/api/v1/enterprises/" + laterFirst + "/history").then().statusCode(200)
                .body("items.findAll { it.resource == 'enterprise' }.type", equalTo(java.util.List.of("CREATED")))
                .body("items.findAll { it.resource == 'enterprise' }[0].state.name", equalTo("临清新名轴承有限公司"));
        // the later row has no address: the earlier row's stays, as for a stored enterprise
        city().get("/api/v1/enterprises/" + inOrder).then().statusCode(200)
                .body("name", equalTo("东阿新名阿胶有限公司")).body("regionCode", equalTo("371525"))
                .body("address", equalTo("东阿县旧址")).body("figuresYear", equalTo(2024));
        city().get("/api/v1/enterprises/" + inOrder + "/figures/2023").then().body("regionCode", equalTo("371524"));

        // a stored enterprise: an earlier year's row adds that year's figures and leaves the current name and region
        csv("creditCode,name,regionCode,year,employees,revenue,address\n"
                + laterFirst + ",更早的名称,371502,2023,90,21000000,更早的地址\n", null)
                .statusCode(200).body("created", equalTo(1)).body("updated", equalTo(0)).body("unchanged", equalTo(0));
        city().get("/api/v1/enterprises/" + laterFirst).then()
                .body("name", equalTo("临清新名轴承有限公司")).body("regionCode", equalTo("371581"))
                .body("address", equalTo("临清市新华路8号")).body("figuresYear", equalTo(2025));
        city().get("/api/v1/enterprises/" + laterFirst + "/figures/2023").then().statusCode(200)
                .body("regionCode", equalTo("371502")).body("employees", equalTo(90));
    }

    @Test
    void importsGbkCsvWithChineseHeadersAndUnits() {
        String a = TestData.creditCode("371581");
        String file = "统一社会信用代码,企业名称,所属区县代码,年度,从业人员（人）,营业收入（元）,是否规上,重点企业\n"
                + a + ",临清轴承股份有限公司,371581,2024,320,21000000,是,否\n";
        post("text/csv; charset=GBK", file.getBytes(Charset.forName("GBK")), null).statusCode(200)
                .body("created", equalTo(1));
        city().get("/api/v1/enterprises/" + a).then().statusCode(200)
                .body("name", equalTo("临清轴承股份有限公司")).body("regionName", equalTo("临清市"))
                .body("sizeClass", equalTo("MEDIUM")).body("aboveDesignatedSize", equalTo(true));
    }

    @Test
    void aGbkFileLabelledUtf8IsExplainedWithItsRow() {
        String file = ZH_HEADER + TestData.creditCode() + ",临清轴承,371581,,2024,320,21000000,,,\n";
        post("text/csv; charset=UTF-8", file.getBytes(Charset.forName("GBK")), null).statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("charset=GBK")).body("detail", containsString("row 1"));
    }

    @Test
    void importsUtf8WithBom() {
        String a = TestData.creditCode();
        byte[] text = (ZH_HEADER + a + ",带BOM的企业,371502,,2024,25,3000000,否,,\n").getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        post("text/csv; charset=UTF-8", withBom, null).statusCode(200).body("created", equalTo(1));
        city().get("/api/v1/enterprises/" + a).then().body("sizeClass", equalTo("SMALL")).body("aboveDesignatedSize", equalTo(false));
    }

    @Test
    void importsJsonArraysAndNdjson() {
        String a = TestData.creditCode();
        String b = TestData.creditCode();
        String json = "[{\"creditCode\":\"" + a + "\",\"name\":\"数组企业\",\"regionCode\":\"371522\",\"year\":2024,\"employees\":301,\"revenue\":20000000.50}]";
        post("application/json", json.getBytes(StandardCharsets.UTF_8), null).statusCode(200).body("created", equalTo(1));
        city().get("/api/v1/enterprises/" + a).then().body("sizeClass", equalTo("MEDIUM"));
        city().get("/api/v1/enterprises/" + a + "/figures/2024").then().body("revenue", equalTo(20000000.50f));

        String nd = "{\"creditCode\":\"" + b + "\",\"name\":\"逐行企业\",\"regionCode\":\"371522\",\"year\":2023,\"employees\":10,\"revenue\":19999999}\n\n"
                + "{\"creditCode\":\"" + b + "\",\"name\":\"逐行企业\",\"regionCode\":\"371522\",\"year\":2024,\"employees\":10,\"revenue\":20000000}\n";
        post("application/x-ndjson", nd.getBytes(StandardCharsets.UTF_8), "listed=false").statusCode(200).body("created", equalTo(2));
        city().get("/api/v1/enterprises/" + b + "/figures/2023").then().body("aboveDesignatedSize", equalTo(false));
        city().get("/api/v1/enterprises/" + b + "/figures/2024").then().body("aboveDesignatedSize", equalTo(true));
    }

    @Test
    void anInvalidRowMeansNothingIsWrittenAndEveryBadRowIsListed() {
        String good = TestData.creditCode();
        String dup = TestData.creditCode();
        String file = EN_HEADER
                + good + ",好企业,371502,,2024,100,30000000,,,\n"
                + "91371502MA0000001Y,坏代码,371502,,2024,100,30000000,,,\n"
                + dup + ",区县不明,379999,,2024,-5,abc,maybe,,\n"
                + dup + ",重复甲,371502,,2099,100,30000000,,,\n"
                + good + ",重复乙,371502,,2024,100,30000000,,,\n";
        csv(file, null).statusCode(422)
                .contentType("application/problem+json")
                .body("received", equalTo(5)).body("rejected", equalTo(4)).body("created", equalTo(0)).body("committed", equalTo(false))
                .body("errors.findAll { it.line == 3 }.field", hasItem("creditCode"))
                .body("errors.findAll { it.line == 4 }.field", hasItems("regionCode", "employees", "revenue", "aboveDesignatedSize"))
                .body("errors.findAll { it.line == 5 }.field", hasItem("year"))
                .body("errors.findAll { it.line == 6 }.message", hasItem(containsString("line 2")));
        city().get("/api/v1/enterprises/" + good).then().statusCode(404);
    }

    @Test
    void partialModeKeepsTheValidRows() {
        String good = TestData.creditCode();
        String file = EN_HEADER + good + ",好企业,371502,,2024,100,30000000,,,\n"
                + TestData.creditCode() + ",坏企业,371502,,2024,100,-1,,,\n";
        csv(file, "mode=partial").statusCode(200)
                .body("created", equalTo(1)).body("rejected", equalTo(1)).body("mode", equalTo("partial"))
                .body("errors[0].line", equalTo(3)).body("errors[0].field", equalTo("revenue"));
        city().get("/api/v1/enterprises/" + good).then().statusCode(200);
    }

    @Test
    void aDryRunCountsButWritesNothing() {
        String a = TestData.creditCode();
        csv(EN_HEADER + a + ",试算企业,371502,,2024,100,30000000,,,\n", "dryRun=true").statusCode(200)
                .body("dryRun", equalTo(true)).body("created", equalTo(1)).body("committed", equalTo(false));
        city().get("/api/v1/enterprises/" + a).then().statusCode(404);
    }

    @Test
    void fileLevelProblemsAre400s() {
        csv("creditCode,name,year\n" + TestData.creditCode() + ",缺列,2024\n", null).statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("regionCode", "employees", "revenue"));
        csv("", null).statusCode(400).body("detail", containsString("empty"));
        post("application/json", "[{\"creditCode\": ".getBytes(StandardCharsets.UTF_8), null).statusCode(400)
                .body("errors[0].field", equalTo("body"));
        post("application/json", "{}".getBytes(StandardCharsets.UTF_8), null).statusCode(400)
                .body("detail", containsString("array"));
        post("application/pdf", new byte[]{1, 2, 3}, null).statusCode(415).contentType("application/problem+json");
        csv(EN_HEADER, "mode=some").statusCode(400).body("errors[0].field", equalTo("mode"));
        post("text/csv; charset=KLINGON", EN_HEADER.getBytes(StandardCharsets.UTF_8), null).statusCode(400)
                .body("errors[0].field", equalTo("charset"));
    }

    @Test
    void aMalformedLineInTheMiddleOfAJsonFileWritesNothing() {
        String a = TestData.creditCode();
        String json = "[{\"creditCode\":\"" + a + "\",\"name\":\"前\",\"regionCode\":\"371502\",\"year\":2024,\"employees\":1,\"revenue\":1},\n{oops}]";
        post("application/json", json.getBytes(StandardCharsets.UTF_8), "mode=partial").statusCode(400)
                .body("detail", containsString("line 2"));
        city().get("/api/v1/enterprises/" + a).then().statusCode(404);
    }
}
