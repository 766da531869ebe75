package cn.liaocheng.rdcoverage.enterprise;

import cn.liaocheng.rdcoverage.TestData;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static cn.liaocheng.rdcoverage.enterprise.BureauFilesImportTest.csv;
import static cn.liaocheng.rdcoverage.enterprise.BureauFilesImportTest.figures;
import static cn.liaocheng.rdcoverage.enterprise.BureauFilesImportTest.officer;
import static cn.liaocheng.rdcoverage.enterprise.BureauFilesImportTest.post;
import static cn.liaocheng.rdcoverage.enterprise.BureauFilesImportTest.yuan;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The bureau's forms as a county official sent them in a trial (issue 11): units named after the reporting office or
 * in a row under the header, credit codes Excel cut to zeros, cells shifted by an unquoted thousands separator, spaced
 * totals, an enterprise moved since its list was exported, and keys naming one field twice.
 */
@QuarkusTest
class BureauLayoutsTest {
    private static byte[] gbk(String text) {
        return text.getBytes(Charset.forName("GBK"));
    }

    @Test
    void aTitleUnitAfterTheReportingOfficeIsRead() {
        String code = TestData.creditCode("371581");
        post("text/csv", gbk("2020年聊城市规模以上工业企业名录,,,,\n填报单位：临清市统计局,,,,单位：千元\n"
                + "统一社会信用代码,单位详细名称,县（市、区）,年末从业人员,营业收入\n" + code + ",临清甲公司,临清市,320,25000\n"), null)
                .statusCode(200).body("created", equalTo(1))
                .body("file.columns.find { it.field == 'revenue' }.unit", equalTo("千元"))
                .body("file.columns.find { it.field == 'revenue' }.unitSource", equalTo("title"));
        figures(code, 2020).body("revenue", comparesEqualTo(yuan("25000000"))).body("sizeClass", not(equalTo("MICRO")));
    }

    @Test
    void theColumnNumberRowAndTheUnitRowUnderTheHeaderAreReadAsLayout() {
        String code = TestData.creditCode("371581");
        csv("统一社会信用代码,单位详细名称,县（市、区）,年末从业人员,营业收入\n甲,乙,丙,1,2\n计量单位,,,人,千元\n"
                + code + ",临清乙公司,临清市,320,25000\n", "year=2020").statusCode(200)
                .body("created", equalTo(1)).body("skipped", equalTo(2))
                .body("file.columns.find { it.field == 'revenue' }.factor", equalTo(1000))
                .body("file.columns.find { it.field == 'revenue' }.unitSource", equalTo("unit row"));
        figures(code, 2020).body("revenue", comparesEqualTo(yuan("25000000")));
        // a unit row contradicting the header's unit is refused, naming the column
        csv("统一社会信用代码,单位详细名称,县（市、区）,年末从业人员,营业收入（万元）\n,,,人,千元\n"
                + TestData.creditCode("371581") + ",临清丙公司,临清市,320,25000\n", "year=2020").statusCode(400)
                .body("errors[0].field", equalTo("revenue")).body("detail", containsString("unit row"));
        // a unit introduced as one inside the header's brackets
        String other = TestData.creditCode("371581");
        csv("统一社会信用代码,单位详细名称,县（市、区）,年末从业人员,营业收入（单位：万元）\n" + other + ",临清丁公司,临清市,320,2100\n",
                "year=2020").statusCode(200).body("file.columns.find { it.field == 'revenue' }.unit", equalTo("万元"));
        figures(other, 2020).body("revenue", comparesEqualTo(yuan("21000000")));
    }

    /** A valid all-digit code ending in 000, as Excel leaves a code it cut to 15 significant digits. */
    private static String cutCodeThatPassesTheCheck() {
        // a fresh one each call: the tests share one database, and a registered one imports
        for (int body = 1000000 + (int) (System.nanoTime() % 8000000); ; body++) {
            String code = "91371581" + body + "000";
            if (CreditCode.problem(code) == null) {
                return code;
            }
        }
    }

    @Test
    void creditCodesThatExcelCutToZerosAreRefusedUnlessTheEnterpriseIsRegistered() {
        String cut = cutCodeThatPassesTheCheck();
        String header = "统一社会信用代码,单位详细名称,县（市、区）,年末从业人员,营业收入（万元）\n";
        csv(header + cut + ",临清丙机械有限公司,临清市,150,2500\n", "year=2020").statusCode(422)
                .body("errors[0].field", equalTo("creditCode")).body("errors[0].code", equalTo("INVALID_CREDIT_CODE"))
                .body("errors[0].message", containsString("Excel cut"));
        officer().get("/api/v1/enterprises/" + cut).then().statusCode(404);
        // one failing the check character is told the same, not to change its last character
        String failing = cut.substring(0, 14) + (cut.charAt(14) == '1' ? "2" : "1") + "000";
        csv(header + failing + ",临清丁化工有限公司,临清市,150,2600\n", "year=2020").statusCode(422)
                .body("errors[0].message", containsString("Excel cut"));
        // beside an all-digit code that is whole, the column was not cut: a real code ending in 000 imports; so it does from JSON
        String other = cutCodeThatPassesTheCheck();
        String whole = null;
        for (int body = 1000000 + (int) (System.nanoTime() % 8000000); whole == null; body++) {
            for (char d = '0'; d <= '9' && whole == null; d++) { // a valid all-digit code that Excel did not cut
                String c = "91371581" + body + "12" + d;
                whole = CreditCode.problem(c) == null ? c : null;
            }
        }
        csv(header + other + ",临清整列一公司,临清市,150,2500\n" + whole + ",临清整列二公司,临清市,150,2500\n", "year=2020")
                .statusCode(200).body("created", equalTo(2));
        String json = cutCodeThatPassesTheCheck();
        officer().contentType("application/json").body(List.of(Map.of("creditCode", json, "name", "临清JSON公司", "regionCode", "371581",
                "year", 2020, "employees", 10, "revenue", 100))).post("/api/v1/enterprises/import").then().statusCode(200)
                .body("created", equalTo(1));
        // registered once through the API, the same code imports
        officer().contentType("application/json").body(Map.of("creditCode", cut, "name", "临清丙机械有限公司", "regionCode", "371581"))
                .post("/api/v1/enterprises").then().statusCode(201);
        csv(header + cut + ",临清丙机械有限公司,临清市,150,2500\n", "year=2020").statusCode(200).body("created", equalTo(1));
        figures(cut, 2020).body("revenue", comparesEqualTo(yuan("25000000")));
    }

    @Test
    void aCellBeyondTheHeaderIsARowErrorNotAShiftedValue() {
        String code = TestData.creditCode("371581");
        csv("统一社会信用代码,单位详细名称,县（市、区）,年末从业人员,营业收入（万元）\n" + code + ",临清癸机械有限公司,临清市,150,2,500\n",
                "year=2020").statusCode(422)
                .body("errors[0].line", equalTo(2)).body("errors[0].field", equalTo("row"))
                .body("errors[0].code", equalTo("INVALID_FORMAT")).body("errors[0].message", containsString("'500' in column F"));
        officer().get("/api/v1/enterprises/" + code).then().statusCode(404);
        // empty trailing cells are no data and are not read
        csv("统一社会信用代码,单位详细名称,县（市、区）,年末从业人员,营业收入（万元）\n" + code + ",临清癸机械有限公司,临清市,150,\"2,500\",,\n",
                "year=2020").statusCode(200);
        figures(code, 2020).body("revenue", comparesEqualTo(yuan("25000000")));
    }

    @Test
    void aQuoteLeftOpenAboveTheHeaderIsA400NamingTheRow() {
        post("text/csv", gbk("\"2020年聊城市“专精特新”企业名录,,,,\n统一社会信用代码,单位详细名称,县（市、区）,年末从业人员,营业收入\n"
                + TestData.creditCode("371581") + ",临清公司,临清市,10,100\n"), "year=2020")
                .statusCode(400).body("errors[0].code", equalTo("INVALID_FORMAT")).body("detail", containsString("well-formed CSV"));
        officer().header("Accept-Language", "zh-CN").contentType("text/csv").body("a,b\n\"x,y\n")
                .post("/api/v1/enterprises/import?year=2020").then().statusCode(400)
                .body("errors[0].message", containsString("引号未闭合"));
    }

    @Test
    void totalsSpacedApartAreSkipped() {
        String code = TestData.creditCode("371581");
        post("text/csv", gbk("统一社会信用代码,单位详细名称,县（市、区）,年末从业人员,营业收入（万元）\n" + code + ",临清子公司,临清市,100,2100\n"
                + "合　　计,,,100,2100\n总 计,,,100,2100\n"), "year=2020").statusCode(200)
                .body("created", equalTo(1)).body("skipped", equalTo(2));
    }

    @Test
    void anExportAfterAMoveImportsBackWithoutMovingThePastYear() {
        String code = TestData.creditCode("371581");
        String tag = "迁移" + System.nanoTime();
        csv("统一社会信用代码,单位详细名称,县（市、区）,年末从业人员,营业收入（万元）\n" + code + "," + tag + ",临清市,320,2100\n", "year=2020")
                .statusCode(200).body("created", equalTo(1));
        String etag = officer().get("/api/v1/enterprises/" + code).then().extract().header("ETag");
        officer().header("If-Match", etag).contentType("application/json")
                .body(Map.of("name", tag, "regionCode", "371502")).put("/api/v1/enterprises/" + code).then().statusCode(200);
        byte[] exported = officer().accept("text/csv").queryParam("q", tag).get("/api/v1/enterprises").then().statusCode(200)
                .extract().asByteArray();
        post("text/csv", exported, null).statusCode(200).body("received", equalTo(1)).body("unchanged", equalTo(1));
        figures(code, 2020).body("regionCode", equalTo("371581"));
        officer().get("/api/v1/enterprises/" + code).then().body("regionCode", equalTo("371502"));
        byte[] xlsx = officer().accept("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").queryParam("q", tag)
                .get("/api/v1/enterprises").then().statusCode(200).extract().asByteArray();
        post("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx, null).statusCode(200)
                .body("unchanged", equalTo(1));
        figures(code, 2020).body("regionCode", equalTo("371581"));
    }

    @Test
    void jsonKeysThatNameOneFieldTwiceAreRefused() {
        String code = TestData.creditCode("371524");
        officer().contentType("application/json").body(List.of(Map.of("creditCode", code, "name", "东阿丙", "regionCode", "371524",
                        "year", 2020, "employees", 10, "营业收入（万元）", 5, "revenue", 2100)))
                .post("/api/v1/enterprises/import").then().statusCode(400)
                .body("errors[0].field", equalTo("revenue")).body("errors[0].code", equalTo("DUPLICATE"));
        officer().get("/api/v1/enterprises/" + code).then().statusCode(404);
        // an alternate key (主营业务收入) gives way to the primary one, as a column does
        officer().contentType("application/json").body(List.of(Map.of("creditCode", code, "name", "东阿丙", "regionCode", "371524",
                        "year", 2020, "employees", 10, "营业收入（万元）", 5, "主营业务收入", 2100)))
                .post("/api/v1/enterprises/import").then().statusCode(200);
        figures(code, 2020).body("revenue", comparesEqualTo(yuan("50000")));
    }

    @Test
    void theCountyNameColumnStandsInForAnEmptyCodeCellAndMoreNamesResolve() {
        String a = TestData.creditCode("371571");
        String b = TestData.creditCode("371503");
        String c = TestData.creditCode("371572");
        csv("统一社会信用代码,单位详细名称,行政区划代码,县（市、区）,年末从业人员,营业收入（万元）\n"
                + a + ",开发区甲,,聊城经济开发区,10,2100\n" + b + ",茌平乙,371523000000,,10,2100\n" + c + ",高新丙,,高新技术开发区,10,2100\n",
                "year=2018").statusCode(200).body("created", equalTo(3));
        officer().get("/api/v1/enterprises/" + a).then().body("regionCode", equalTo("371571"));
        officer().get("/api/v1/enterprises/" + b).then().body("regionCode", equalTo("371503"));
        officer().get("/api/v1/enterprises/" + c).then().body("regionCode", equalTo("371572"));
    }

    @Test
    void anUpdateByImportIsNotStampedEarlierThanTheCreation() {
        String code = TestData.creditCode("371581");
        String header = "统一社会信用代码,单位详细名称,县（市、区）,年末从业人员,营业收入（万元）\n";
        csv(header + code + ",临清丑公司,临清市,10,2100\n", "year=2020").statusCode(200);
        Instant created = Instant.parse(figures(code, 2020).extract().path("updatedAt"));
        csv(header + code + ",临清丑公司,临清市,11,2100\n", "year=2020").statusCode(200).body("updated", equalTo(1));
        Instant updated = Instant.parse(figures(code, 2020).extract().path("updatedAt"));
        assertFalse(updated.isBefore(created), "updatedAt " + updated + " before createdAt " + created);
    }

    @Test
    void theSameChangeSentByFourOfficialsAtOnceIsOneChange() throws Exception {
        String tag = "同改" + System.nanoTime();
        List<String> codes = new java.util.ArrayList<>();
        StringBuilder before = new StringBuilder("creditCode,name,regionCode,year,employees,revenue\n");
        StringBuilder after = new StringBuilder(before);
        for (int i = 0; i < 200; i++) {
            String code = TestData.creditCode("371502");
            codes.add(code);
            before.append(code).append(',').append(tag).append(i).append(",371502,2024,10,100\n");
            after.append(code).append(',').append(tag).append(i).append(",371502,2024,11,100\n");
        }
        csv(before.toString(), null).statusCode(200).body("created", equalTo(200));
        byte[] body = after.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<io.restassured.response.Response>> answers = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                String token = TestData.token("CITY_OFFICER", null, null);
                answers.add(pool.submit(() -> {
                    start.await();
                    return TestData.as(token).contentType("text/csv").body(body).post("/api/v1/enterprises/import");
                }));
            }
            start.countDown();
            int updated = 0;
            StringBuilder seen = new StringBuilder();
            for (var f : answers) {
                io.restassured.response.Response r = f.get();
                seen.append(r.statusCode()).append(' ').append(r.asString(), 0, Math.min(200, r.asString().length())).append('\n');
                org.junit.jupiter.api.Assertions.assertTrue(r.statusCode() == 200 || r.statusCode() == 409, seen.toString());
                if (r.statusCode() == 200) {
                    updated += r.jsonPath().getInt("updated");
                }
            }
            org.junit.jupiter.api.Assertions.assertEquals(200, updated, "rows reported updated over the four answers\n" + seen);
        } finally {
            pool.shutdownNow();
        }
        officer().get("/api/v1/enterprises/" + codes.get(0) + "/history").then().statusCode(200)
                .body("items.findAll { it.resource == 'figures' && it.type == 'UPDATED' }.size()", equalTo(1));
    }

    @Test
    void aYearCellFormattedAsADateGivesItsYear() {
        String code = TestData.creditCode("371581");
        byte[] xlsx = Xlsx.of(List.of(List.of("统一社会信用代码", "单位详细名称", "县（市、区）", "统计年度", "年末从业人员", "营业收入（万元）"),
                List.of(code, "临清寅公司", "临清市", 44196, 10, 2100)));
        post("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx, null).statusCode(200).body("created", equalTo(1));
        figures(code, 2020).body("employees", equalTo(10));
    }

    @Test
    void rowErrorsOfAJsonArrayOnOneLineNameTheRecordsIndex() {
        // JSON.stringify(rows) from a portal: every record on line 1; the index says which
        String good = TestData.creditCode("371581");
        String json = "[{\"creditCode\":\"" + good + "\",\"name\":\"甲\",\"regionCode\":\"371581\",\"year\":2020,"
                + "\"employees\":3,\"revenue\":100},"
                + "{\"creditCode\":\"" + TestData.creditCode("371581") + "\",\"name\":\"乙\",\"regionCode\":\"371581\","
                + "\"year\":2020,\"employees\":-3,\"revenue\":100},"
                + "{\"creditCode\":\"" + good + "\",\"name\":\"甲\",\"regionCode\":\"371581\",\"year\":2020,"
                + "\"employees\":3,\"revenue\":100}]";
        post("application/json", json.getBytes(java.nio.charset.StandardCharsets.UTF_8), null).statusCode(422)
                .body("errors.size()", equalTo(2))
                .body("errors[0].line", equalTo(1)).body("errors[0].index", equalTo(1))
                .body("errors[0].field", equalTo("employees"))
                // the repeated code is the third record (index 2), the validator's and the reader's errors alike
                .body("errors[1].index", equalTo(2)).body("errors[1].field", equalTo("creditCode"))
                .body("errors[1].message", containsString("record 0"));
        // NDJSON: the index counts records, the line counts lines (a blank line between them)
        String nd = "{\"creditCode\":\"" + TestData.creditCode("371581") + "\",\"name\":\"丙\",\"regionCode\":\"371581\","
                + "\"year\":2020,\"employees\":3,\"revenue\":100}\n\n"
                + "{\"creditCode\":\"bad\",\"name\":\"丁\",\"regionCode\":\"371581\",\"year\":2020,\"employees\":3,\"revenue\":100}\n";
        post("application/x-ndjson", nd.getBytes(java.nio.charset.StandardCharsets.UTF_8), null).statusCode(422)
                .body("errors[0].line", equalTo(3)).body("errors[0].index", equalTo(1));
        // a table's row errors have no index
        csv("统一社会信用代码,单位详细名称,县（市、区）,年末从业人员,营业收入\nbad,戊,临清市,3,100\n", "year=2020").statusCode(422)
                .body("errors[0].line", equalTo(2)).body("errors[0]", not(org.hamcrest.Matchers.hasKey("index")));
    }

    @Test
    void anXlsxNumberFormatThatScalesIsReadAsExcelShowsIt() {
        // a 千元 list whose cells hold yuan shown in thousands (#,##0,): Excel shows 2,100 (千元), as its CSV would say
        String code = TestData.creditCode("371581");
        String millions = TestData.creditCode("371581");
        String plain = TestData.creditCode("371581");
        String small = TestData.creditCode("371581");
        String thousand = TestData.creditCode("371581");
        String wan = TestData.creditCode("371581");
        String conditional = "[>=1000000]0.0,,\"M\";[>=1000]0.0,\"K\";0";
        byte[] xlsx = Xlsx.of(List.of(List.of("2020年聊城市规模以上工业企业名录（单位：千元、人）"),
                List.of("统一社会信用代码", "单位详细名称", "县（市、区）", "年末从业人员", "营业收入"),
                List.of(code, "临清巳公司", "临清市", new Xlsx.Formatted("320", "#,##0_ ;[Red]\\-#,##0\\ "),
                        new Xlsx.Formatted("2100456", "#,##0,\"千\"")),
                List.of(millions, "临清午公司", "临清市", 12, new Xlsx.Formatted("30000000", "#,##0.0,,;\"-\"#,##0")),
                List.of(plain, "临清未公司", "临清市", 12, new Xlsx.Formatted("25000", "#,##0.00;-#,##0.00")),
                // a format with conditions: 500 shows as 500, 5000 as 5.0K
                List.of(small, "临清申公司", "临清市", 12, new Xlsx.Formatted("500", conditional)),
                List.of(thousand, "临清酉公司", "临清市", 12, new Xlsx.Formatted("5000", conditional)),
                // 万 shown with a literal decimal point (no real one): 12345678 shows as 1234.5678万
                List.of(wan, "临清戌公司", "临清市", 12, new Xlsx.Formatted("12345678", "0!.0000\"万\""))));
        post("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx, null).statusCode(200)
                .body("created", equalTo(6));
        figures(small, 2020).body("revenue", comparesEqualTo(yuan("500000")));
        figures(thousand, 2020).body("revenue", comparesEqualTo(yuan("5000")));
        figures(wan, 2020).body("revenue", comparesEqualTo(yuan("1234567.8")));
        // thousands of a 千元 title: the stored yuan again, exactly (2,100.456 千元), not 2,100,456 千元
        figures(code, 2020).body("revenue", comparesEqualTo(yuan("2100456"))).body("employees", equalTo(320));
        // two commas: Excel shows 30.0 (millions) under the 千元 title, and that is what is read: 30 千元
        figures(millions, 2020).body("revenue", comparesEqualTo(yuan("30000")));
        // a format without scale is read as stored
        figures(plain, 2020).body("revenue", comparesEqualTo(yuan("25000000")));
    }

    @Test
    void anUnknownUnitInAnAlternateColumnThatIsNotReadIsNoError() {
        String code = TestData.creditCode("371581");
        csv("统一社会信用代码,单位详细名称,县（市、区）,年末从业人员,营业收入（千元）,主营业务收入（千美元）\n"
                + code + ",临清卯公司,临清市,10,25000,3000\n", "year=2020").statusCode(200)
                .body("file.ignoredColumns", org.hamcrest.Matchers.hasItem("主营业务收入（千美元）"));
        figures(code, 2020).body("revenue", comparesEqualTo(yuan("25000000")));
        // alone, the alternate is read, and its unit must be known
        csv("统一社会信用代码,单位详细名称,县（市、区）,年末从业人员,主营业务收入（千美元）\n"
                + TestData.creditCode("371581") + ",临清辰公司,临清市,10,3000\n", "year=2020").statusCode(400)
                .body("errors[0].field", equalTo("revenue"));
    }

    @Test
    void aWesternCharsetLabelIsNotUsedTheBytesAreDetected() {
        String code = TestData.creditCode("371581");
        for (String charset : List.of("GBK", "UTF-8")) {
            String c = charset.equals("GBK") ? code : TestData.creditCode("371581");
            post("text/csv; charset=ISO-8859-1", ("统一社会信用代码,单位详细名称,县（市、区）,年末从业人员,营业收入（万元）\n" + c
                    + ",临清拉丁有限公司,临清市,10,2100\n").getBytes(Charset.forName(charset)), "year=2020")
                    .statusCode(200).body("file.encodingSource", equalTo("detected"));
            officer().get("/api/v1/enterprises/" + c).then().statusCode(200).body("name", equalTo("临清拉丁有限公司"));
        }
        post("text/csv; charset=koi8-r", gbk("统一社会信用代码\n"), "year=2020").statusCode(400).body("errors[0].field", equalTo("charset"));
    }

    @Test
    void theFirstVisibleSheetIsReadNotAHiddenOneBeforeIt() throws Exception {
        String hidden = TestData.creditCode("371526");
        String shown = TestData.creditCode("371526");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (org.dhatim.fastexcel.Workbook wb = new org.dhatim.fastexcel.Workbook(bytes, "test", "1.0")) {
            String[] header = {"统一社会信用代码", "单位详细名称", "县（市、区）", "年末从业人员", "营业收入（万元）"};
            org.dhatim.fastexcel.Worksheet old = wb.newWorksheet("旧表");
            org.dhatim.fastexcel.Worksheet current = wb.newWorksheet("2020年名录");
            for (int c = 0; c < header.length; c++) {
                old.value(0, c, header[c]);
                current.value(0, c, header[c]);
            }
            old.value(1, 0, hidden); old.value(1, 1, "旧表公司"); old.value(1, 2, "高唐县"); old.value(1, 3, 10); old.value(1, 4, 9999);
            current.value(1, 0, shown); current.value(1, 1, "名录公司"); current.value(1, 2, "高唐县"); current.value(1, 3, 10); current.value(1, 4, 2100);
            old.setVisibilityState(org.dhatim.fastexcel.VisibilityState.HIDDEN);
            wb.setActiveTab(1);
        }
        post("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bytes.toByteArray(), "year=2020").statusCode(200)
                .body("created", equalTo(1));
        figures(shown, 2020).body("revenue", comparesEqualTo(yuan("21000000")));
        officer().get("/api/v1/enterprises/" + hidden).then().statusCode(404);
    }

    @Test
    void anExportReusedAsNextYearsTemplatePutsTheNewYearInTheRowsCounty() {
        String code = TestData.creditCode("371526");
        String tag = "模板" + System.nanoTime();
        csv("统一社会信用代码,单位详细名称,县（市、区）,年末从业人员,营业收入（万元）\n" + code + "," + tag + ",高唐县,320,2100\n", "year=2021")
                .statusCode(200);
        String etag = officer().get("/api/v1/enterprises/" + code).then().extract().header("ETag");
        officer().header("If-Match", etag).contentType("application/json").body(Map.of("name", tag, "regionCode", "371502"))
                .put("/api/v1/enterprises/" + code).then().statusCode(200);
        String exported = officer().header("Accept-Language", "en").accept("text/csv").queryParam("q", tag).get("/api/v1/enterprises")
                .then().statusCode(200).extract().asString();
        // the official changes the year and the figures, nothing else: the 2022 figures lie in the enterprise's county now
        String template = exported.replace(",2021,320,", ",2022,330,");
        org.junit.jupiter.api.Assertions.assertNotEquals(exported, template, exported);
        post("text/csv", template.getBytes(java.nio.charset.StandardCharsets.UTF_8), null).statusCode(200).body("created", equalTo(1));
        figures(code, 2022).body("regionCode", equalTo("371502")).body("employees", equalTo(330));
        figures(code, 2021).body("regionCode", equalTo("371526"));
    }

    @Test
    void unitsThatContradictOrCannotBeAppliedAreRefusedAndDashesInAUnitRowAreBlank() {
        String header = "统一社会信用代码,单位详细名称,县（市、区）,年末从业人员,营业收入\n";
        String row = TestData.creditCode("371581") + ",临清巳公司,临清市,10,25000\n";
        post("text/csv", gbk("2020年名录（单位：千元）,,,,\n（单位：万元）,,,,\n" + header + row), null).statusCode(400)
                .body("detail", containsString("two units"));
        csv("统一社会信用代码,单位详细名称,县（市、区）,年末从业人员,营业收入,计量单位\n" + TestData.creditCode("371581")
                + ",临清午公司,临清市,10,25000,千元\n", "year=2020").statusCode(400).body("detail", containsString("计量单位"));
        String code = TestData.creditCode("371581");
        csv(header + "计量单位,—,—,人,千元\n" + code + ",临清未公司,临清市,10,25000\n", "year=2020").statusCode(200)
                .body("skipped", equalTo(1));
        figures(code, 2020).body("revenue", comparesEqualTo(yuan("25000000")));
    }

    @Test
    void aNumberExcelShowedInScientificNotationIsARowError() {
        String code = TestData.creditCode("371581");
        csv("统一社会信用代码,单位详细名称,县（市、区）,年末从业人员,营业收入\n" + code + ",临清申公司,临清市,10,1.23457E+11\n", "year=2020")
                .statusCode(422).body("errors[0].field", equalTo("revenue")).body("errors[0].code", equalTo("INVALID_FORMAT"))
                .body("errors[0].message", containsString("scientific notation"));
        // a JSON number is exact in any notation
        officer().contentType("application/json").body("[{\"creditCode\":\"" + code + "\",\"name\":\"临清申公司\",\"regionCode\":\"371581\","
                        + "\"year\":2020,\"employees\":10,\"revenue\":2.5E+7}]").post("/api/v1/enterprises/import").then().statusCode(200);
        figures(code, 2020).body("revenue", comparesEqualTo(yuan("25000000")));
    }

    @Test
    void rowErrorsComeInTheFilesOrderAndAControlCharacterInANameIsOne() {
        String header = "统一社会信用代码,单位详细名称,县（市、区）,年末从业人员,营业收入（万元）\n";
        String cut = cutCodeThatPassesTheCheck();
        csv(header + TestData.creditCode("371581") + ",临清\u0000酉公司,临清市,10,2100\n" + cut + ",临清戌公司,临清市,10,2100\n"
                + TestData.creditCode("371581") + ",临清亥公司,临清市,abc,2100\n", "year=2020&mode=partial").statusCode(200)
                .body("errors.line", equalTo(List.of(2, 3, 4)))
                .body("errors[0].field", equalTo("name")).body("errors[0].code", equalTo("INVALID_FORMAT"));
    }

    @Test
    void aFormulaWithoutASavedResultIsNamedNotReadAsEmpty() {
        String code = TestData.creditCode("371581");
        byte[] xlsx = Xlsx.of(List.of(List.of("统一社会信用代码", "单位详细名称", "县（市、区）", "年末从业人员", "营业收入（万元）", "是否规上"),
                List.of(code, "临清公式公司", "临清市", 10, 2100, new Xlsx.Formula("IF(E2>2000,\"是\",\"否\")", null, true))));
        post("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx, "year=2020").statusCode(400)
                .body("errors[0].code", equalTo("INVALID_FORMAT")).body("detail", containsString("F2"));
        officer().get("/api/v1/enterprises/" + code).then().statusCode(404);
        // an empty saved result (=IF(…,"",…)) is an empty cell
        byte[] empty = Xlsx.of(List.of(List.of("统一社会信用代码", "单位详细名称", "县（市、区）", "年末从业人员", "营业收入（万元）", "备注"),
                List.of(code, "临清公式公司", "临清市", 10, 2100, new Xlsx.Formula("IF(E2>9999,\"大\",\"\")", "", true))));
        post("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", empty, "year=2020").statusCode(200)
                .body("created", equalTo(1));
    }
}
