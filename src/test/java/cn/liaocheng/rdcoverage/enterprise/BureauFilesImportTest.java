package cn.liaocheng.rdcoverage.enterprise;

import cn.liaocheng.rdcoverage.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static cn.liaocheng.rdcoverage.TestData.city;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

/** Issue 11: the import reads the files officials really have (units, county names, title rows, encodings, uploads). */
@QuarkusTest
class BureauFilesImportTest {
    static final RestAssuredConfig EXACT = TestData.RAW_CHARSET
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    static final String FIXTURE_CODES_PREFIX = "91371581MA3C0110";

    static RequestSpecification officer() {
        return city().config(EXACT);
    }

    static ValidatableResponse post(String contentType, byte[] body, String query) {
        return officer().contentType(contentType).body(body).when()
                .post("/api/v1/enterprises/import" + (query == null ? "" : "?" + query)).then();
    }

    static ValidatableResponse csv(String text, String query) {
        return post("text/csv", text.getBytes(StandardCharsets.UTF_8), query);
    }

    static ValidatableResponse figures(String code, int year) {
        return officer().get("/api/v1/enterprises/" + code + "/figures/" + year).then().statusCode(200);
    }

    static BigDecimal yuan(String v) {
        return new BigDecimal(v);
    }

    static byte[] resource(String name) {
        try (InputStream in = BureauFilesImportTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    @Test
    void theBureausGbkListWithATitleRowTenThousandYuanCountyNamesAndTrailingRows() {
        // no charset label: the GBK bytes are detected (GB18030, its superset)
        post("text/csv", resource("/import/liaocheng-2020-gbk.csv"), "dryRun=true").statusCode(200)
                .body("received", equalTo(5)).body("rejected", equalTo(0)).body("skipped", equalTo(4))
                .body("file.encoding", equalTo("GB18030")).body("file.encodingSource", equalTo("detected"))
                .body("file.headerRow", equalTo(2)).body("file.year", equalTo(2020)).body("file.yearSource", equalTo("title"))
                .body("file.columns.find { it.field == 'revenue' }.column", equalTo("营业收入"))
                .body("file.columns.find { it.field == 'revenue' }.unit", equalTo("万元"))
                .body("file.columns.find { it.field == 'revenue' }.factor", equalTo(10000))
                .body("file.columns.find { it.field == 'revenue' }.unitSource", equalTo("title"))
                .body("file.columns.find { it.field == 'regionCode' }.column", equalTo("县（市、区）"))
                .body("file.columns.find { it.field == 'name' }.column", equalTo("单位详细名称"))
                .body("file.ignoredColumns", hasItem("序号"));
        post("text/csv", resource("/import/liaocheng-2020-gbk.csv"), null).statusCode(200)
                .body("received", equalTo(5)).body("skipped", equalTo(4)).body("committed", equalTo(true));
        String c1 = FIXTURE_CODES_PREFIX + "1R";
        officer().get("/api/v1/enterprises/" + c1).then().statusCode(200)
                .body("name", equalTo("临清市鑫源轴承制造有限公司")).body("regionCode", equalTo("371581"))
                .body("industryCode", equalTo("C3451")).body("figuresYear", equalTo(2020));
        figures(c1, 2020).body("employees", equalTo(320)).body("revenue", comparesEqualTo(yuan("21000000")))
                .body("aboveDesignatedSize", equalTo(true));
        // below 20 M yuan, but on the bureau's list: above designated size for 2020
        String c2 = FIXTURE_CODES_PREFIX + "2W";
        officer().get("/api/v1/enterprises/" + c2).then().body("regionCode", equalTo("371571"));
        figures(c2, 2020).body("employees", equalTo(85)).body("revenue", comparesEqualTo(yuan("18505000")))
                .body("aboveDesignatedSize", equalTo(true));
        String c3 = FIXTURE_CODES_PREFIX + "30";
        officer().get("/api/v1/enterprises/" + c3).then().body("regionCode", equalTo("371502"));
        figures(c3, 2020).body("employees", equalTo(1210)).body("revenue", comparesEqualTo(yuan("23000000")));
        String c4 = FIXTURE_CODES_PREFIX + "43";
        officer().get("/api/v1/enterprises/" + c4).then().body("regionCode", equalTo("371572"));
        figures(c4, 2020).body("revenue", comparesEqualTo(yuan("30802500")));
        String c5 = FIXTURE_CODES_PREFIX + "56";
        officer().get("/api/v1/enterprises/" + c5).then().body("regionCode", equalTo("371581"));
        figures(c5, 2020).body("employees", equalTo(960)).body("revenue", comparesEqualTo(yuan("156000000")));
        // the same list again changes nothing
        post("text/csv; charset=GBK", resource("/import/liaocheng-2020-gbk.csv"), null).statusCode(200)
                .body("unchanged", equalTo(5)).body("file.encodingSource", equalTo("label"));
    }

    @Test
    void unitsInHeadersConvertToYuanExactly() {
        String a = TestData.creditCode();
        String b = TestData.creditCode();
        String c = TestData.creditCode();
        csv("统一社会信用代码,企业名称,所属区县代码,年度,从业人员（人）,营业收入（元）\n" + a + ",元企业,371502,2024,10,2100.05\n", null)
                .statusCode(200).body("file.columns.find { it.field == 'revenue' }.factor", equalTo(1))
                .body("file.columns.find { it.field == 'revenue' }.unitSource", equalTo("header"));
        csv("统一社会信用代码,企业名称,所属区县代码,年度,从业人员,营业收入(千元)\n" + b + ",千元企业,371502,2024,10,2100.123\n", null)
                .statusCode(200).body("file.columns.find { it.field == 'revenue' }.unit", equalTo("千元"));
        csv("统一社会信用代码,企业名称,所属区县代码,年度,从业人员, 营业收入 （ 万元 ） \n" + c + ",万元企业,371502,2024,10,2100\n", null)
                .statusCode(200).body("file.columns.find { it.field == 'revenue' }.factor", equalTo(10000));
        figures(a, 2024).body("revenue", comparesEqualTo(yuan("2100.05")));
        figures(b, 2024).body("revenue", comparesEqualTo(yuan("2100123")));
        figures(c, 2024).body("revenue", comparesEqualTo(yuan("21000000")));

        String d = TestData.creditCode();
        String e = TestData.creditCode();
        csv("creditCode,name,regionCode,year,employees,revenue_thousand_yuan\n" + d + ",Thousand Co,371502,2024,10,2100\n", null)
                .statusCode(200);
        csv("creditCode,name,regionCode,year,employees_persons,revenue_10k_yuan\n" + e + ",Wan Co,371502,2024,10,0.5\n", null)
                .statusCode(200);
        figures(d, 2024).body("revenue", comparesEqualTo(yuan("2100000")));
        figures(e, 2024).body("revenue", comparesEqualTo(yuan("5000")));
        // a unit in JSON keys too
        String f = TestData.creditCode();
        post("application/json", ("[{\"creditCode\":\"" + f + "\",\"name\":\"J\",\"regionCode\":\"371502\",\"year\":2024,"
                + "\"employees\":3,\"revenue_10k_yuan\":12.34}]").getBytes(StandardCharsets.UTF_8), null).statusCode(200);
        figures(f, 2024).body("revenue", comparesEqualTo(yuan("123400")));
    }

    @Test
    void anUnknownUnitIsRefusedNamingTheColumnAndTheUnit() {
        csv("统一社会信用代码,企业名称,所属区县代码,年度,从业人员,营业收入（亿美元）\n" + TestData.creditCode() + ",甲,371502,2024,10,1\n", null)
                .statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("营业收入（亿美元）")).body("detail", containsString("亿美元"))
                .body("unit", equalTo("亿美元")).body("errors[0].field", equalTo("revenue"));
        csv("统一社会信用代码,企业名称,所属区县代码,年度,从业人员（吨）,营业收入\n" + TestData.creditCode() + ",甲,371502,2024,10,1\n", null)
                .statusCode(400).body("unit", equalTo("吨")).body("errors[0].field", equalTo("employees"));
    }

    @Test
    void withoutAHeaderTheAnswerShowsTheRowReadAndTheNamesAccepted() {
        csv("编号,公司,地区\n1,甲,临清\n", null).statusCode(400).contentType("application/problem+json")
                .body("headerRead", equalTo(List.of("编号", "公司", "地区")))
                .body("accepted.creditCode", hasItems("creditCode", "统一社会信用代码"))
                .body("accepted.revenue", hasItems("revenue", "营业收入", "主营业务收入"));
        csv("统一社会信用代码,企业名称,县区\n" + TestData.creditCode() + ",甲,临清\n", null).statusCode(400)
                .body("errors.field", hasItems("employees", "revenue", "year"))
                .body("headerRead", equalTo(List.of("统一社会信用代码", "企业名称", "县区")));
    }

    @Test
    void countyNamesAliasesAndTheBureausCodesResolveToTheRegion() {
        String[][] cases = {{"临清市", "371581"}, {"临清", "371581"}, {"东昌府区", "371502"}, {"聊城经济技术开发区", "371571"},
                {"经开区", "371571"}, {"高新区", "371572"}, {"度假区", "371573"}, {"371581000000", "371581"},
                {"371581.0", "371581"}, {"３７１５２２", "371522"}, {"聊城市茌平区", "371503"}, {"371526101000", "371526"}};
        StringBuilder file = new StringBuilder("统一社会信用代码,企业名称,所属县区,统计年度,年末从业人员,主营业务收入\n");
        List<String> codes = new ArrayList<>();
        for (String[] c : cases) {
            String code = TestData.creditCode();
            codes.add(code);
            file.append(code).append(",县区企业,").append(c[0]).append(",2024,10,100\n");
        }
        String unknown = TestData.creditCode();
        file.append(unknown).append(",无名企业,火星区,2024,10,100\n");
        csv(file.toString(), "mode=partial").statusCode(200).body("created", equalTo(cases.length)).body("rejected", equalTo(1))
                .body("errors[0].line", equalTo(cases.length + 2)).body("errors[0].field", equalTo("regionCode"))
                .body("errors[0].message", containsString("火星区"));
        for (int i = 0; i < cases.length; i++) {
            officer().get("/api/v1/enterprises/" + codes.get(i)).then().statusCode(200).body("regionCode", equalTo(cases[i][1]));
        }
    }

    @Test
    void aListMarksItsEnterprisesAboveDesignatedSizeUnlessAColumnSaysOtherwise() {
        String small = TestData.creditCode();
        String no = TestData.creditCode();
        String cross = TestData.creditCode();
        String tick = TestData.creditCode();
        csv("统一社会信用代码,企业名称,区县代码,年度,从业人员,营业收入,是否规上\n"
                + small + ",名录内小企业,371502,2023,50,15000000,\n"
                + no + ",否企业,371502,2023,50,25000000,否\n"
                + cross + ",叉企业,371502,2023,50,25000000,×\n"
                + tick + ",勾企业,371502,2023,50,1000,√\n", null).statusCode(200).body("created", equalTo(4));
        figures(small, 2023).body("aboveDesignatedSize", equalTo(true));
        figures(no, 2023).body("aboveDesignatedSize", equalTo(false));
        figures(cross, 2023).body("aboveDesignatedSize", equalTo(false));
        figures(tick, 2023).body("aboveDesignatedSize", equalTo(true));
        // not a list of 规上 enterprises: derived from revenue, as for figures entered one by one
        String derived = TestData.creditCode();
        csv("统一社会信用代码,企业名称,区县代码,年度,从业人员,营业收入\n" + derived + ",派生企业,371502,2023,50,15000000\n", "listed=false")
                .statusCode(200);
        figures(derived, 2023).body("aboveDesignatedSize", equalTo(false));
    }

    @Test
    void whatExcelLeavesBehindIsReadOrSkipped() {
        String a = TestData.creditCode();
        String b = TestData.creditCode();
        String file = "2025年规模以上工业企业名录\n"
                + ",,,,,,\n"
                + "\u00A0统一社会信用代码\u3000,企业名称,所属区县代码,年度,从业人员,营业收入,\n"
                + "\u200B" + a + "\u00A0,\u3000空格企业\u3000,371502,2021年,\"1,234\",\"12,345,678.90\",\n"
                + toFullWidth(b) + ",全角企业,３７１５０２,２０２１,１２,１２３４５,\n"
                + ",,,,,,\n"
                + "\n"
                + "合计,,,,,,\n"
                + "注：数据截至2021年底\n";
        csv(file, null).statusCode(200).body("received", equalTo(2)).body("skipped", equalTo(4)).body("created", equalTo(2))
                .body("file.headerRow", equalTo(3)).body("file.title", equalTo("2025年规模以上工业企业名录"));
        officer().get("/api/v1/enterprises/" + a).then().statusCode(200).body("name", equalTo("空格企业"));
        figures(a, 2021).body("employees", equalTo(1234)).body("revenue", comparesEqualTo(yuan("12345678.90")));
        figures(b, 2021).body("employees", equalTo(12)).body("revenue", comparesEqualTo(yuan("12345")));
    }

    static String toFullWidth(String ascii) {
        StringBuilder b = new StringBuilder();
        for (char c : ascii.toCharArray()) {
            b.append((char) (c - 0x21 + 0xFF01));
        }
        return b.toString();
    }

    @Test
    void rowErrorsQuoteTheCellAndNameTheRowAsExcelShowsIt() {
        String good = TestData.creditCode();
        String file = "统一社会信用代码,企业名称,所属区县代码,年度,从业人员,营业收入\n"
                + good + ",\"多行\n名称\n企业\",371502,2024,10.5,100\n"
                + "9.13715E+17,科学计数企业,371502,2024,10,100\n"
                + TestData.creditCode() + ",人太多企业,371502,2024,20000000,100\n";
        csv(file, null).statusCode(422)
                .body("errors.find { it.field == 'employees' && it.line == 2 }.message", containsString("'10.5' is not a whole number"))
                .body("errors.find { it.field == 'creditCode' }.line", equalTo(3))
                .body("errors.find { it.field == 'creditCode' }.message", containsString("9.13715E+17"))
                .body("errors.find { it.field == 'creditCode' }.message", containsString("Text"))
                .body("errors.find { it.line == 4 }.message", containsString("at most 10000000"));
    }

    @Test
    void theYearComesFromTheQueryOrTheTitleAndTheAnswerSaysWhich() {
        String a = TestData.creditCode();
        csv("统一社会信用代码,企业名称,所属区县代码,从业人员,营业收入\n" + a + ",无年度企业,371502,10,100\n", "year=2022").statusCode(200)
                .body("file.year", equalTo(2022)).body("file.yearSource", equalTo("query"));
        figures(a, 2022).body("employees", equalTo(10));
        String b = TestData.creditCode();
        csv("2021年聊城市规模以上工业企业名录（单位：千元、人）\n统一社会信用代码,企业名称,所属区县代码,从业人员,营业收入\n"
                + b + ",标题年度企业,371502,10,100\n", null).statusCode(200)
                .body("file.year", equalTo(2021)).body("file.yearSource", equalTo("title"))
                .body("file.columns.find { it.field == 'revenue' }.unit", equalTo("千元"));
        figures(b, 2021).body("revenue", comparesEqualTo(yuan("100000")));
    }

    @Test
    void encodingsAByteOrderMarkDecidesALabelOfGbkIsReadAsGb18030() {
        // Excel's "Unicode text": UTF-16 LE with a BOM and tabs
        String a = TestData.creditCode();
        String tsv = "统一社会信用代码\t企业名称\t所属区县代码\t年度\t从业人员\t营业收入\r\n" + a + "\tUnicode文本企业\t371502\t2024\t5\t100\r\n";
        post("text/plain", concat(new byte[]{(byte) 0xFF, (byte) 0xFE}, tsv.getBytes(StandardCharsets.UTF_16LE)), null).statusCode(200)
                .body("file.encoding", equalTo("UTF-16LE")).body("file.encodingSource", equalTo("bom")).body("file.delimiter", equalTo("tab"));
        officer().get("/api/v1/enterprises/" + a).then().body("name", equalTo("Unicode文本企业"));
        String b = TestData.creditCode();
        String be = "统一社会信用代码,企业名称,所属区县代码,年度,从业人员,营业收入\n" + b + ",大端企业,371502,2024,5,100\n";
        post("text/csv; charset=GBK", concat(new byte[]{(byte) 0xFE, (byte) 0xFF}, be.getBytes(StandardCharsets.UTF_16BE)), null)
                .statusCode(200).body("file.encoding", equalTo("UTF-16BE"));
        // names with characters outside GBK, labelled GBK: decoded as GB18030
        String c = TestData.creditCode();
        String rare = "统一社会信用代码,企业名称,所属区县代码,年度,从业人员,营业收入\n" + c + ",聊城𬍛㭎机械有限公司,371502,2024,5,100\n";
        post("text/csv; charset=gb2312", rare.getBytes(Charset.forName("GB18030")), null).statusCode(200)
                .body("file.encoding", equalTo("GB18030"));
        officer().get("/api/v1/enterprises/" + c).then().body("name", equalTo("聊城𬍛㭎机械有限公司"));
        // unlabelled UTF-8 is detected as such
        String d = TestData.creditCode();
        csv("统一社会信用代码,企业名称,所属区县代码,年度,从业人员,营业收入\n" + d + ",𬍛企业,371502,2024,5,100\n", null).statusCode(200)
                .body("file.encoding", equalTo("UTF-8")).body("file.encodingSource", equalTo("detected"));
        // a decoding error names its row
        byte[] bad = concat(("统一社会信用代码,企业名称,所属区县代码,年度,从业人员,营业收入\n" + TestData.creditCode() + ",好,371502,2024,5,100\n")
                .getBytes(StandardCharsets.UTF_8), (TestData.creditCode() + ",").getBytes(StandardCharsets.UTF_8),
                "坏".getBytes(Charset.forName("GBK")), ",371502,2024,5,100\n".getBytes(StandardCharsets.UTF_8));
        post("text/csv; charset=UTF-8", bad, null).statusCode(400).body("detail", containsString("row 3"));
    }

    @Test
    void browserUploadsMultipartAndWindowsLabelsAreReadByContent() {
        String a = TestData.creditCode();
        byte[] gbk = ("统一社会信用代码,企业名称,所属区县代码,年度,从业人员,营业收入\n" + a + ",上传企业,371502,2024,5,100\n")
                .getBytes(Charset.forName("GBK"));
        officer().multiPart("note", "2024年名录").multiPart("file", "list-2024.csv", gbk, "application/vnd.ms-excel")
                .when().post("/api/v1/enterprises/import").then().statusCode(200)
                .body("created", equalTo(1)).body("file.fileName", equalTo("list-2024.csv")).body("file.encoding", equalTo("GB18030"));
        officer().get("/api/v1/enterprises/" + a).then().body("name", equalTo("上传企业"));

        String b = TestData.creditCode();
        byte[] xlsx = Xlsx.of(List.of(List.of("统一社会信用代码", "企业名称", "所属区县代码", "年度", "从业人员", "营业收入"),
                List.of(b, "表格上传企业", "371502", 2024, 5, 100)));
        officer().multiPart("file", "list.xlsx", xlsx, "application/octet-stream")
                .when().post("/api/v1/enterprises/import").then().statusCode(200).body("file.format", equalTo("xlsx"));
        officer().get("/api/v1/enterprises/" + b).then().statusCode(200);

        String c = TestData.creditCode();
        post("application/vnd.ms-excel", ("creditCode,name,regionCode,year,employees,revenue\n" + c + ",VndCo,371502,2024,5,100\n")
                .getBytes(StandardCharsets.UTF_8), null).statusCode(200).body("file.format", equalTo("csv"));

        post("application/pdf", new byte[]{1}, null).statusCode(415)
                .contentType("application/problem+json")
                .body("accepted", hasItems("text/csv", "multipart/form-data", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
    }

    @Test
    void xlsxImportsTheFirstSheetWithNumbersTextAndFormulas() {
        String a = TestData.creditCode();
        String b = TestData.creditCode();
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("2024年聊城市规模以上工业企业名录（单位：万元、人）"));
        rows.add(Arrays.asList("序号", "统一社会信用代码", "单位详细名称", "县（市、区）", "统计年度", "从业人员平均人数", "营业收入", null));
        rows.add(Arrays.asList(1, a, "数字格企业", "临清市", 2024, 320, 2100.5, null));
        rows.add(Arrays.asList(2, b, "公式格企业", new Xlsx.Formula("\"东昌\"&\"府区\"", "东昌府区", true), new Xlsx.Formula("2023+1", "2024", false),
                new Xlsx.Formula("40*2", "80", false), new Xlsx.Formula("1000+0.25", "1000.25", false), null));
        rows.add(Arrays.asList(3, new Xlsx.Num("9.13715E+17"), "数字代码企业", "临清市", 2024, 10, 10, null));
        rows.add(null);
        rows.add(Arrays.asList("注：单位为万元"));
        post("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Xlsx.of(rows), "mode=partial").statusCode(200)
                .body("file.format", equalTo("xlsx")).body("file.year", equalTo(2024)).body("created", equalTo(2))
                .body("rejected", equalTo(1)).body("skipped", equalTo(1))
                .body("errors[0].line", equalTo(5)).body("errors[0].field", equalTo("creditCode"))
                .body("errors[0].message", containsString("lost its digits"));
        figures(a, 2024).body("employees", equalTo(320)).body("revenue", comparesEqualTo(yuan("21005000")));
        officer().get("/api/v1/enterprises/" + b).then().body("regionCode", equalTo("371502"));
        figures(b, 2024).body("employees", equalTo(80)).body("revenue", comparesEqualTo(yuan("10002500")));
        post("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "not a zip".getBytes(StandardCharsets.UTF_8), null)
                .statusCode(400);
    }

    @Test
    void aDryRunAnswersWithTheStatusTheImportWould() {
        String file = "creditCode,name,regionCode,year,employees,revenue\n" + TestData.creditCode() + ",甲,371502,2024,5,-1\n";
        csv(file, "dryRun=true").statusCode(422).body("dryRun", equalTo(true)).body("committed", equalTo(false))
                .body("errors[0].field", equalTo("revenue"));
        csv(file, "dryRun=true&mode=partial").statusCode(200).body("rejected", equalTo(1));
    }

    @Test
    void extremeValuesAreRefusedByTheImportAndTheApiAlike() {
        String code = TestData.creditCode();
        csv("creditCode,name,regionCode,year,employees,revenue\n" + code + ",甲,371502,2024,20000000,1\n", null).statusCode(422)
                .body("errors[0].field", equalTo("employees"));
        officer().contentType("application/json").body("{\"name\":\"甲\",\"regionCode\":\"371502\",\"creditCode\":\"" + code + "\"}")
                .post("/api/v1/enterprises").then().statusCode(201);
        officer().contentType("application/json").body("{\"employees\":20000000,\"revenue\":1}")
                .put("/api/v1/enterprises/" + code + "/figures/2024").then().statusCode(400);
        officer().contentType("application/json").body("{\"employees\":1,\"revenue\":1e1000000}")
                .put("/api/v1/enterprises/" + code + "/figures/2024").then().statusCode(400);
        csv("creditCode,name,regionCode,year,employees,revenue\n" + code + ",甲,371502,2024,1,1e1000000\n", null).statusCode(422)
                .body("errors[0].field", equalTo("revenue"));
        post("application/x-ndjson", ("{\"creditCode\":\"" + code + "\",\"name\":\"甲\",\"regionCode\":\"371502\",\"year\":2024,"
                + "\"employees\":1,\"revenue\":1e1000000}\n").getBytes(StandardCharsets.UTF_8), null).statusCode(422)
                .body("errors[0].field", equalTo("revenue"));
    }

    @Test
    void anExportedListImportsBackUnchangedFromCsvAndXlsx() throws Exception {
        String tag = "往返" + System.nanoTime();
        StringBuilder file = new StringBuilder("creditCode,name,regionCode,industryCode,address,year,employees,revenue,keyEnterprise\n");
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String code = TestData.creditCode();
            codes.add(code);
            file.append(code).append(",").append(tag).append("企业").append(i).append("（集团）,371502,C3451,\"聊城市,东昌府区\",2024,")
                    .append(100 + i).append(",").append(i == 0 ? "15000000.5" : "25000000").append(",").append(i == 1).append("\n");
        }
        csv(file.toString(), "listed=false").statusCode(200).body("created", equalTo(3));
        byte[] exported = officer().accept("text/csv").queryParam("q", tag).get("/api/v1/enterprises").then().statusCode(200)
                .extract().asByteArray();
        post("text/csv", exported, null).statusCode(200).body("received", equalTo(3)).body("unchanged", equalTo(3))
                .body("file.yearSource", equalTo("column"));
        byte[] xlsx = officer().accept("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").queryParam("q", tag)
                .get("/api/v1/enterprises").then().statusCode(200)
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").extract().asByteArray();
        try (org.dhatim.fastexcel.reader.ReadableWorkbook wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(
                new java.io.ByteArrayInputStream(xlsx))) {
            List<org.dhatim.fastexcel.reader.Row> rows = wb.getFirstSheet().read();
            org.junit.jupiter.api.Assertions.assertEquals("creditCode", rows.get(0).getCellText(0));
            org.junit.jupiter.api.Assertions.assertEquals(org.dhatim.fastexcel.reader.CellType.STRING, rows.get(1).getCell(0).getType());
            org.junit.jupiter.api.Assertions.assertEquals(codes.get(0), rows.get(1).getCellText(0));
        }
        post("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx, null).statusCode(200)
                .body("received", equalTo(3)).body("unchanged", equalTo(3));
        // name search treats （集团） and (集团) alike
        officer().queryParam("q", tag + "企业0(集团)").get("/api/v1/enterprises").then().body("total", equalTo(1));
        officer().queryParam("q", "企业1（集团").queryParam("regionCode", "371502").get("/api/v1/enterprises").then()
                .body("items.creditCode", hasItem(codes.get(1)));
        officer().accept("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").get("/api/v1/reports/coverage")
                .then().statusCode(200).contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        figures(codes.get(0), 2024).body("aboveDesignatedSize", equalTo(false)).body("revenue", comparesEqualTo(yuan("15000000.5")));
    }

    @Test
    void aRequestWithoutContentTypeIs415() throws Exception {
        String token = TestData.token("CITY_OFFICER", null, null);
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + "/api/v1/enterprises/import"))
                        .header("Authorization", "Bearer " + token)
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("creditCode,name\n")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        org.junit.jupiter.api.Assertions.assertEquals(415, r.statusCode(), r.body());
        org.junit.jupiter.api.Assertions.assertTrue(r.body().contains("multipart/form-data"), r.body());
    }

    @Test
    void theSerialNumberAndUnknownColumnsAreNotRead() {
        String a = TestData.creditCode();
        csv("序号,统一社会信用代码,企业名称,所属区县代码,年度,从业人员,营业收入,备注说明\n1," + a + ",甲,371502,2024,5,100,随便写\n", null)
                .statusCode(200).body("file.ignoredColumns", equalTo(List.of("序号", "备注说明")))
                .body("file.columns.find { it.field == 'employees' }.unit", equalTo("人"))
                .body("file.columns.find { it.field == 'name' }.unit", nullValue());
    }

    @Test
    void twoOfficialsImportingTheSameNewRowsAtOnceGetNo500AndEachEnterpriseOnce() throws Exception {
        String tag = "并发" + System.nanoTime();
        StringBuilder file = new StringBuilder("creditCode,name,regionCode,year,employees,revenue\n");
        for (int i = 0; i < 300; i++) {
            file.append(TestData.creditCode()).append(',').append(tag).append(i).append(",371502,2024,10,100\n");
        }
        byte[] body = file.toString().getBytes(StandardCharsets.UTF_8);
        String token = TestData.token("CITY_OFFICER", null, null);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        try {
            java.util.concurrent.Callable<io.restassured.response.Response> task = () -> {
                start.await();
                return TestData.as(token).config(EXACT).contentType("text/csv").body(body).post("/api/v1/enterprises/import");
            };
            java.util.concurrent.Future<io.restassured.response.Response> first = pool.submit(task);
            java.util.concurrent.Future<io.restassured.response.Response> second = pool.submit(task);
            start.countDown();
            io.restassured.response.Response one = first.get();
            io.restassured.response.Response two = second.get();
            List<Integer> statuses = List.of(one.statusCode(), two.statusCode());
            String answers = statuses + " " + one.asString() + " " + two.asString();
            System.out.println("concurrent imports: " + answers);
            org.junit.jupiter.api.Assertions.assertTrue(statuses.contains(200), answers);
            for (int status : statuses) {
                org.junit.jupiter.api.Assertions.assertTrue(status == 200 || status == 409, answers);
            }
        } finally {
            pool.shutdownNow();
        }
        officer().queryParam("q", tag).queryParam("size", 1).get("/api/v1/enterprises").then().statusCode(200).body("total", equalTo(300));
    }

    /**
     * The list exported with Chinese headers (the default language) imports back unchanged: its 区县代码 and 所属县市区
     * columns are one field, the code read and the county's name not (an alternate header), 名称 and 数据年度 are read,
     * and a name the export guarded against spreadsheet formulas ('=…) comes back without the guard.
     */
    @Test
    void aListExportedInChineseImportsBackUnchanged() {
        String code = TestData.creditCode();
        String other = TestData.creditCode();
        String tag = "中文往返" + System.nanoTime();
        csv("creditCode,name,regionCode,year,employees,revenue\n" + code + ",=SUM(1)" + tag + "公司,371502,2024,120,25000000\n"
                + other + ",-" + tag + "二公司,371581,2024,80,21000000\n", "listed=false").statusCode(200).body("created", equalTo(2));
        byte[] exported = officer().header("Accept-Language", "zh-CN").accept("text/csv").queryParam("q", tag)
                .queryParam("regionCode", "371502").get("/api/v1/enterprises").then().statusCode(200).extract().asByteArray();
        String text = new String(exported, StandardCharsets.UTF_8);
        org.junit.jupiter.api.Assertions.assertTrue(text.contains("区县代码") && text.contains("所属县市区") && text.contains("'=SUM(1)" + tag + "公司"), text);
        post("text/csv", exported, null).statusCode(200).body("unchanged", equalTo(1)).body("updated", equalTo(0))
                .body("file.yearSource", equalTo("column"))
                .body("file.columns.find { it.column == '区县代码' }.field", equalTo("regionCode"))
                .body("file.ignoredColumns", hasItem("所属县市区"));
        officer().get("/api/v1/enterprises/" + code).then().statusCode(200).body("name", equalTo("=SUM(1)" + tag + "公司"))
                .body("regionCode", equalTo("371502"));
    }

    /** 营业收入 beside 主营业务收入, a county's name beside its code: the primary column is read, the alternate is not. */
    @Test
    void aPrimaryColumnWinsOverItsAlternate() {
        String code = TestData.creditCode();
        String byName = TestData.creditCode();
        csv("统一社会信用代码,单位详细名称,区县代码,所属县市区,年度,年末从业人员,从业人员平均人数,营业收入（千元）,主营业务收入（千元）\n"
                + code + ",主次列企业,371502,临清市,2024,150,140,\"21,000.5\",19000\n", "listed=false").statusCode(200)
                .body("created", equalTo(1)).body("file.ignoredColumns", hasItems("所属县市区", "从业人员平均人数", "主营业务收入（千元）"));
        officer().get("/api/v1/enterprises/" + code).then().body("regionCode", equalTo("371502"));
        figures(code, 2024).body("employees", equalTo(150)).body("revenue", comparesEqualTo(yuan("21000500")));
        // without the primary columns the alternates are read: the county by its name, revenue from 主营业务收入
        csv("统一社会信用代码,单位详细名称,所属县市区,年度,从业人员平均人数,主营业务收入（万元）\n"
                + byName + ",备选列企业,临清市,2024,140,2100\n", "listed=false").statusCode(200).body("created", equalTo(1));
        officer().get("/api/v1/enterprises/" + byName).then().body("regionCode", equalTo("371581"));
        figures(byName, 2024).body("employees", equalTo(140)).body("revenue", comparesEqualTo(yuan("21000000")));
        // two primary headers of one field are still refused, both named
        csv("统一社会信用代码,单位详细名称,区县代码,年度,年末从业人员,营业收入（千元）,营业收入（万元）\n"
                + code + ",两列,371502,2024,1,1,1\n", null).statusCode(400)
                .body("errors[0].field", equalTo("revenue"))
                .body("errors[0].message", containsString("'营业收入（千元）' and '营业收入（万元）'"));
    }

    /** Thousands separators only where they group by three: "1,2,3,4" is a row error, not 1234. */
    @Test
    void commasThatDoNotGroupThousandsAreNotANumber() {
        String code = TestData.creditCode();
        csv("creditCode,name,regionCode,year,employees,revenue_10k_yuan\n" + code + ",逗号企业,371502,2024,\"1,200\",\"1,2,3,4\"\n", null)
                .statusCode(422).body("errors[0].field", equalTo("revenue")).body("errors[0].message", containsString("1,2,3,4"));
        officer().get("/api/v1/enterprises/" + code).then().statusCode(404);
    }

    /** "聊城市统计局2025年3月编制：2024年规模以上工业企业名录": the list's year is 2024, the date of compilation is not it. */
    @Test
    void aTitleDatedByMonthGivesTheListsYearNotTheDate() {
        String code = TestData.creditCode();
        csv("聊城市统计局2025年3月编制：2024年规模以上工业企业名录（单位：千元、人）\n"
                + "统一社会信用代码,单位详细名称,区县代码,年末从业人员,营业收入\n" + code + ",标题年企业,371502,90,30000\n", null)
                .statusCode(200).body("file.year", equalTo(2024)).body("file.yearSource", equalTo("title"));
        figures(code, 2024).body("revenue", comparesEqualTo(yuan("30000000")));
    }

    /** A list grouped by county: section rows (一、临清市, 其中：高新区) and subtotals (临清市小计) are skipped, not row errors. */
    @Test
    void aListGroupedByCountySkipsItsSectionAndSubtotalRows() {
        String a = TestData.creditCode();
        String b = TestData.creditCode();
        String file = "序号,统一社会信用代码,单位详细名称,县（市、区）,年末从业人员,营业收入（万元）\n"
                + ",一、临清市,,,,\n"
                + "1," + a + ",分组甲企业,临清市,100,2500\n"
                + ",临清市小计,,,100,2500\n"
                + ",二、东昌府区,,,,\n"
                + ",其中：聊城经济技术开发区,,,,\n"
                + "2," + b + ",分组乙企业,经开区,80,2100\n"
                + ",东昌府区合计,,,80,2100\n"
                + ",总计,,,180,4600\n";
        csv(file, "year=2024").statusCode(200).body("created", equalTo(2)).body("rejected", equalTo(0)).body("skipped", equalTo(6));
        figures(a, 2024).body("revenue", comparesEqualTo(yuan("25000000")));
        officer().get("/api/v1/enterprises/" + b).then().body("regionCode", equalTo("371571"));
    }
}
