package cn.liaocheng.rdcoverage.indicator;

import cn.liaocheng.rdcoverage.TestData;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static cn.liaocheng.rdcoverage.TestData.city;
import static cn.liaocheng.rdcoverage.TestData.county;
import static cn.liaocheng.rdcoverage.TestData.enterprise;
import static cn.liaocheng.rdcoverage.coverage.Coverage.institution;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** PUT/GET of an institution's yearly indicators, and their bulk import's rules. */
@QuarkusTest
class IndicatorApiTest {
    static Map<String, Object> values(int patents, int invention, int granted, int products) {
        return Map.of("patentApplications", patents, "inventionPatentApplications", invention, "patentsGranted", granted,
                "newProducts", products);
    }

    @Test
    void anInstitutionReportsItsYearlyIndicators() {
        String me = cn.liaocheng.rdcoverage.coverage.Coverage.enterprise("371581");
        String other = cn.liaocheng.rdcoverage.coverage.Coverage.enterprise("371581");
        String id = institution("SINGLE", me);
        city().contentType("application/json").body(Map.of("personnel", 7, "equipmentValue", 600000, "rdExpenditure", 820000,
                "floorArea", 60, "projectCount", 3, "hasRules", true, "hasStableFunding", true))
                .put("/api/v1/institutions/" + id + "/capacity/2024").then().statusCode(201);

        enterprise(me).contentType("application/json").body(values(5, 2, 1, 3))
                .put("/api/v1/institutions/" + id + "/indicators/2024").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/institutions/" + id + "/indicators/2024"))
                .header("ETag", equalTo("\"0\""))
                .body("patentApplications", equalTo(5)).body("inventionPatentApplications", equalTo(2))
                .body("patentsGranted", equalTo(1)).body("newProducts", equalTo(3))
                .body("rdExpenditure", equalTo(820000.0f)).body("rdPersonnel", equalTo(7));
        city().header("If-Match", "\"0\"").contentType("application/json").body(values(6, 2, 1, 3))
                .put("/api/v1/institutions/" + id + "/indicators/2024").then().statusCode(200).header("ETag", equalTo("\"1\""));
        city().header("If-Match", "\"0\"").contentType("application/json").body(values(7, 2, 1, 3))
                .put("/api/v1/institutions/" + id + "/indicators/2024").then().statusCode(412);
        county("371581").get("/api/v1/institutions/" + id + "/indicators/2024").then().statusCode(200)
                .body("patentApplications", equalTo(6));
        city().get("/api/v1/institutions/" + id + "/indicators").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].year", equalTo(2024));
        city().get("/api/v1/institutions/" + id + "/indicators/2023").then().statusCode(404).contentType("application/problem+json");

        // scope and roles
        enterprise(other).contentType("application/json").body(values(1, 0, 0, 0))
                .put("/api/v1/institutions/" + id + "/indicators/2024").then().statusCode(404);
        county("371581").contentType("application/json").body(values(1, 0, 0, 0))
                .put("/api/v1/institutions/" + id + "/indicators/2024").then().statusCode(403);
        county("371502").get("/api/v1/institutions/" + id + "/indicators").then().statusCode(404);

        // bad input, each naming its field
        city().contentType("application/json").body(values(1, 2, 0, 0)).put("/api/v1/institutions/" + id + "/indicators/2024")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("inventionPatentApplications"));
        city().contentType("application/json").body(values(-1, 0, 0, 0)).put("/api/v1/institutions/" + id + "/indicators/2024")
                .then().statusCode(400).body("errors.field", hasItem(org.hamcrest.Matchers.containsString("patentApplications")));
        city().contentType("application/json").body(Map.of("patentApplications", 1)).put("/api/v1/institutions/" + id + "/indicators/2024")
                .then().statusCode(400).body("errors.size()", equalTo(3));
        int next = TestData.today().getYear() + 1;
        city().contentType("application/json").body(values(1, 0, 0, 0)).put("/api/v1/institutions/" + id + "/indicators/" + next)
                .then().statusCode(400).body("errors[0].field", equalTo("year"));
    }

    @Test
    void theBulkImportIsAllOrNothingByDefaultWithRowErrorsAndADryRun() {
        String a = institution("SINGLE", cn.liaocheng.rdcoverage.coverage.Coverage.enterprise("371521"));
        String b = institution("SINGLE", cn.liaocheng.rdcoverage.coverage.Coverage.enterprise("371521"));
        Charset gbk = Charset.forName("GBK");
        String good = "研发机构编号,年度,专利申请数（件）,发明专利申请数,专利授权数,新产品新工艺数\n"
                + a + ",2023,8,3,2,1\n"
                + b + ",2023,\"1,200\",100,50,4\n";
        String bad = good
                + "00000000-0000-7000-8000-000000000000,2023,1,0,0,0\n"
                + a + ",2023,9,3,2,1\n"
                + b + ",2022,1,2,0,0\n"
                + "not-an-id,20x3,-1,0,0,0\n";
        // all-or-nothing: 422, every bad row listed, nothing written
        city().config(TestData.RAW_CHARSET).contentType("text/csv; charset=GBK").body(bad.getBytes(gbk))
                .post("/api/v1/institutions/indicators/import").then().statusCode(422).contentType("application/problem+json")
                .body("received", equalTo(6)).body("rejected", equalTo(4)).body("committed", equalTo(false))
                .body("errors.find { it.line == 4 }.field", equalTo("institutionId"))
                .body("errors.find { it.line == 5 }.field", equalTo("year"))
                .body("errors.find { it.line == 6 }.field", equalTo("inventionPatentApplications"))
                .body("errors.findAll { it.line == 7 }.field", equalTo(List.of("institutionId", "year", "patentApplications")));
        city().get("/api/v1/institutions/" + a + "/indicators").then().body("total", equalTo(0));
        // dry run: counted, nothing written
        city().config(TestData.RAW_CHARSET).contentType("text/csv; charset=GBK").body(good.getBytes(gbk))
                .post("/api/v1/institutions/indicators/import?dryRun=true").then().statusCode(200)
                .body("created", equalTo(2)).body("dryRun", equalTo(true)).body("committed", equalTo(false));
        city().get("/api/v1/institutions/" + a + "/indicators").then().body("total", equalTo(0));
        // partial keeps the valid rows (the first of the repeated pair)
        city().config(TestData.RAW_CHARSET).contentType("text/csv; charset=GBK").body(bad.getBytes(gbk))
                .post("/api/v1/institutions/indicators/import?mode=partial").then().statusCode(200)
                .body("created", equalTo(2)).body("rejected", equalTo(4)).body("committed", equalTo(true));
        city().get("/api/v1/institutions/" + b + "/indicators/2023").then().statusCode(200)
                .body("patentApplications", equalTo(1200)).body("inventionPatentApplications", equalTo(100));
        // again in English, UTF-8 with BOM: one unchanged, one updated
        String english = "\uFEFFinstitutionId,year,patentApplications,inventionPatentApplications,patentsGranted,newProducts\n"
                + a + ",2023,8,3,2,1\n" + b + ",2023,1300,100,50,4\n";
        city().config(TestData.RAW_CHARSET).contentType("text/csv").body(english.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/institutions/indicators/import").then().statusCode(200)
                .body("created", equalTo(0)).body("updated", equalTo(1)).body("unchanged", equalTo(1))
                .body("file.encoding", equalTo("UTF-8")).body("file.encodingSource", equalTo("bom"));
        city().get("/api/v1/institutions/" + b + "/indicators/2023").then().body("patentApplications", equalTo(1300));
        // a GBK file without a charset label is detected, as in the enterprise import; a title row above the header
        // and a note row below the data are passed over
        String titled = "2023年研发机构指标\n" + good + "注：数据来源于各县市区\n";
        city().config(TestData.RAW_CHARSET).contentType("text/csv").body(titled.getBytes(gbk))
                .post("/api/v1/institutions/indicators/import?dryRun=true").then().statusCode(200)
                .body("file.encoding", equalTo("GB18030")).body("file.encodingSource", equalTo("detected"))
                .body("file.headerRow", equalTo(2)).body("skipped", equalTo(1))
                .body("unchanged", equalTo(1)).body("updated", equalTo(1)).body("committed", equalTo(false));
        // an invalid row stops a dry run too (422), as in the enterprise import
        city().config(TestData.RAW_CHARSET).contentType("text/csv; charset=GBK").body(bad.getBytes(gbk))
                .post("/api/v1/institutions/indicators/import?dryRun=true").then().statusCode(422)
                .body("dryRun", equalTo(true)).body("rejected", equalTo(4));
        // xlsx, numbers stored as numbers, Chinese headers with units
        byte[] workbook = cn.liaocheng.rdcoverage.enterprise.Xlsx.of(List.of(
                List.of("研发机构编号", "年度", "专利申请数（件）", "发明专利申请数（件）", "专利授权数（件）", "新产品新工艺数（项）"),
                List.of(a, new cn.liaocheng.rdcoverage.enterprise.Xlsx.Num("2022"), new cn.liaocheng.rdcoverage.enterprise.Xlsx.Num("7"),
                        new cn.liaocheng.rdcoverage.enterprise.Xlsx.Num("2"), new cn.liaocheng.rdcoverage.enterprise.Xlsx.Num("1"),
                        new cn.liaocheng.rdcoverage.enterprise.Xlsx.Num("0"))));
        city().config(TestData.RAW_CHARSET).contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .body(workbook).post("/api/v1/institutions/indicators/import").then().statusCode(200)
                .body("created", equalTo(1)).body("file.format", equalTo("xlsx"));
        city().get("/api/v1/institutions/" + a + "/indicators/2022").then().statusCode(200)
                .body("patentApplications", equalTo(7)).body("inventionPatentApplications", equalTo(2))
                .body("patentsGranted", equalTo(1)).body("newProducts", equalTo(0));
        // file-level problems: 400 naming the column; JSON is not a table (415)
        city().config(TestData.RAW_CHARSET).contentType("text/csv").body("institutionId,year\n".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/institutions/indicators/import").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("patentApplications"));
        city().config(TestData.RAW_CHARSET).contentType("text/csv").body("名称,数量\nx,1\n".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/institutions/indicators/import").then().statusCode(400).body("errors[0].field", equalTo("institutionId"));
        // the JSON form, keys named as headers are; a number out of range is a row error naming its field
        city().contentType("application/json").body("[{\"研发机构编号\":\"" + a + "\",\"年度\":2023,\"专利申请数\":8,"
                        + "\"inventionPatentApplications\":3,\"patentsGranted\":2,\"newProducts\":1}]")
                .post("/api/v1/institutions/indicators/import?dryRun=true").then().statusCode(200)
                .body("unchanged", equalTo(1)).body("file.format", equalTo("json"));
        city().contentType("application/json").body("[{\"institutionId\":\"" + a + "\",\"year\":2023,\"patentApplications\":1e999999999,"
                        + "\"inventionPatentApplications\":3,\"patentsGranted\":2,\"newProducts\":1}]")
                .post("/api/v1/institutions/indicators/import").then().statusCode(422)
                .body("errors[0].field", equalTo("patentApplications")).body("errors[0].line", equalTo(1))
                .body("errors[0].index", equalTo(0));
        // one line, three records: the index names which one (a valid one, a bad count, an unknown institution)
        city().contentType("application/json").body("[{\"institutionId\":\"" + a + "\",\"year\":2023,\"patentApplications\":8,"
                        + "\"inventionPatentApplications\":3,\"patentsGranted\":2,\"newProducts\":1},"
                        + "{\"institutionId\":\"" + a + "\",\"year\":2022,\"patentApplications\":-1,"
                        + "\"inventionPatentApplications\":3,\"patentsGranted\":2,\"newProducts\":1},"
                        + "{\"institutionId\":\"" + java.util.UUID.randomUUID() + "\",\"year\":2023,\"patentApplications\":1,"
                        + "\"inventionPatentApplications\":0,\"patentsGranted\":0,\"newProducts\":0}]")
                .post("/api/v1/institutions/indicators/import?dryRun=true").then().statusCode(422)
                .body("errors.index", equalTo(List.of(1, 2)))
                .body("errors.field", equalTo(List.of("patentApplications", "institutionId")));
        city().config(TestData.RAW_CHARSET).contentType("text/csv").body(english.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/institutions/indicators/import?mode=some").then().statusCode(400).body("errors[0].field", equalTo("mode"));
        county("371521").config(TestData.RAW_CHARSET).contentType("text/csv").body(english.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/institutions/indicators/import").then().statusCode(403);
    }

    @Test
    void theImportTakesAnIdempotencyKey() {
        String a = institution("SINGLE", cn.liaocheng.rdcoverage.coverage.Coverage.enterprise("371521"));
        String file = "institutionId,year,patentApplications,inventionPatentApplications,patentsGranted,newProducts\n"
                + a + ",2021,4,1,1,1\n";
        String key = "indicators-" + java.util.UUID.randomUUID();
        city().config(TestData.RAW_CHARSET).header("Idempotency-Key", key).contentType("text/csv")
                .body(file.getBytes(StandardCharsets.UTF_8)).post("/api/v1/institutions/indicators/import").then().statusCode(200)
                .body("created", equalTo(1));
        // the retry gets the first answer (created 1), not a second run's (unchanged 1)
        city().config(TestData.RAW_CHARSET).header("Idempotency-Key", key).contentType("text/csv")
                .body(file.getBytes(StandardCharsets.UTF_8)).post("/api/v1/institutions/indicators/import").then().statusCode(200)
                .header("Idempotent-Replayed", "true").body("created", equalTo(1)).body("unchanged", equalTo(0));
        // the same key with another file is refused
        city().config(TestData.RAW_CHARSET).header("Idempotency-Key", key).contentType("text/csv")
                .body(file.replace(",4,1,1,1", ",5,1,1,1").getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/institutions/indicators/import").then().statusCode(422)
                .body("type", org.hamcrest.Matchers.endsWith("idempotency-key-reused"));
        city().get("/api/v1/institutions/" + a + "/indicators/2021").then().body("patentApplications", equalTo(4));
    }

    /** A browser retrying a FormData upload draws a new boundary: the retry with the same key is a replay, not a 422. */
    @Test
    void aMultipartRetryWithANewBoundaryIsAReplay() {
        String a = institution("SINGLE", cn.liaocheng.rdcoverage.coverage.Coverage.enterprise("371521"));
        String file = "institutionId,year,patentApplications,inventionPatentApplications,patentsGranted,newProducts\n"
                + a + ",2021,6,2,1,1\n";
        String key = "indicators-" + java.util.UUID.randomUUID();
        for (String boundary : new String[]{"----WebKitFormBoundaryAAAAAAAAAAAAAAAA", "----WebKitFormBoundaryBBBBBBBBBBBBBBBB"}) {
            String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"indicators.csv\"\r\n"
                    + "Content-Type: text/csv\r\n\r\n" + file + "\r\n--" + boundary + "--\r\n";
            var answer = city().config(TestData.RAW_CHARSET).header("Idempotency-Key", key)
                    .contentType("multipart/form-data; boundary=" + boundary).body(body.getBytes(StandardCharsets.UTF_8))
                    .post("/api/v1/institutions/indicators/import").then().statusCode(200).body("created", equalTo(1));
            if (boundary.endsWith("B")) {
                answer.header("Idempotent-Replayed", "true");
            }
        }
        city().get("/api/v1/institutions/" + a + "/indicators/2021").then().body("patentApplications", equalTo(6));
    }

    /** A file of 200,000 rows is read (here: every row names an unknown institution, 422); one more row is refused whole. */
    @Test
    void aFileHoldsAtMost200000Rows() {
        StringBuilder file = new StringBuilder("institutionId,year,patentApplications,inventionPatentApplications,patentsGranted,newProducts\n");
        String row = "00000000-0000-7000-8000-000000000000,2020,1,0,0,0\n";
        file.append(row.repeat(200_000));
        city().config(TestData.RAW_CHARSET).contentType("text/csv").body(file.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/institutions/indicators/import").then().statusCode(422).contentType("application/problem+json")
                .body("received", equalTo(200_000)).body("rejected", equalTo(200_000))
                .body("errors.size()", equalTo(1000)).body("errorsOmitted", equalTo(199_000))
                .body("errors[0].field", equalTo("institutionId"));
        file.append(row);
        city().config(TestData.RAW_CHARSET).contentType("text/csv").body(file.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/institutions/indicators/import").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("200000 rows"));
    }
}
