package cn.liaocheng.rdcoverage.contract;

import cn.liaocheng.rdcoverage.TestData;
import cn.liaocheng.rdcoverage.review.Workflow;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static cn.liaocheng.rdcoverage.TestData.city;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue #13, "Problem messages in Chinese ... for titles, details": every 409 and 422 the service raises, also those
 * only officials and integrators meet (a duplicate round or target, a snapshot of the future, revoking what is not
 * recognised, a reused Idempotency-Key), has a Chinese detail under Accept-Language: zh-CN. The walk over the sources
 * finds every place a 409/422 is raised, so a new one without its Chinese text fails here.
 */
@QuarkusTest
class ChineseOfficialConflictsTest {
    private static final Pattern RAISE = Pattern.compile(
            "ApiException\\.conflict\\(|ApiException\\.unprocessable\\(|new ApiException\\(\\s*(409|422)");
    private static final Pattern KEY = Pattern.compile("\"(detail\\.[a-z0-9.-]+)\"");

    private static RequestSpecification zh(RequestSpecification who) {
        return who.header("Accept-Language", "zh-CN");
    }

    /** The statement from a raise to its semicolon, strings skipped. */
    private static String statement(String src, int from) {
        int depth = 0;
        for (int j = from; j < src.length(); j++) {
            char c = src.charAt(j);
            if (c == '"') {
                for (j++; src.charAt(j) != '"'; j++) {
                    if (src.charAt(j) == '\\') {
                        j++;
                    }
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ';' && depth <= 0) {
                return src.substring(from, j);
            }
        }
        throw new IllegalStateException("no end of statement at " + from);
    }

    @Test
    void everyRaised409And422HasAChineseDetail() throws IOException {
        Properties zh = new Properties();
        try (var in = getClass().getClassLoader().getResourceAsStream("ProblemMessages.properties")) {
            zh.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        List<String> missing = new ArrayList<>();
        int raises = 0;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")
                    && !f.getFileName().toString().equals("ApiException.java")).toList()) {
                String src = Files.readString(file);
                Matcher m = RAISE.matcher(src);
                while (m.find()) {
                    raises++;
                    String stmt = statement(src, m.start());
                    String where = file.getFileName() + ":" + (src.substring(0, m.start()).split("\n", -1).length);
                    int zhAt = stmt.indexOf(".zh(");
                    if (zhAt < 0) {
                        missing.add(where + " has no .zh(...)");
                        continue;
                    }
                    Matcher k = KEY.matcher(stmt.substring(zhAt));
                    boolean any = false;
                    while (k.find()) {
                        any = true;
                        String text = zh.getProperty(k.group(1));
                        if (text == null || text.codePoints().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
                            missing.add(where + ": " + k.group(1) + " has no Chinese text in ProblemMessages.properties");
                        }
                    }
                    if (!any) {
                        missing.add(where + ": .zh(...) names no detail key");
                    }
                }
            }
        }
        assertTrue(raises >= 40, "the walk found only " + raises + " raises");
        assertEquals(List.of(), missing);
    }

    @Test
    void aDuplicateRoundAndTargetInChinese() {
        String round = Workflow.openRound();
        zh(city()).contentType(ContentType.JSON).body(Map.of("id", round, "year", Integer.parseInt(round.substring(0, 4)),
                        "half", Integer.parseInt(round.substring(5)), "opensOn", "2030-01-01", "closesOn", "2030-02-01"))
                .post("/api/v1/rounds").then().statusCode(409)
                .body("type", equalTo("/problems/duplicate"))
                .body("detail", equalTo("评审批次 " + round + " 已存在"));

        // not 2037: CoverageReportTest reads 371526 with no target of its own in 2037
        int year = ThreadLocalRandom.current().nextInt(2000, 2010);
        Map<String, Object> target = Map.of("year", year, "regionCode", "371526", "coverageRate", 0.9, "provincialIncrease", 2);
        int first = city().contentType(ContentType.JSON).body(target).post("/api/v1/targets").then().extract().statusCode();
        assertTrue(first == 201 || first == 409, "first target: " + first);
        zh(city()).contentType(ContentType.JSON).body(target).post("/api/v1/targets").then().statusCode(409)
                .body("detail", equalTo("县区 371526 " + year + " 年的建设目标已存在；如需修改请使用 PUT"));
    }

    @Test
    void aSnapshotOfTheFutureInChineseAndEnglish() {
        String future = TestData.today().plusDays(10).toString();
        zh(city()).contentType(ContentType.JSON).body(Map.of("asOf", future)).post("/api/v1/reports/snapshots").then()
                .statusCode(422).body("type", equalTo("/problems/future-snapshot"))
                .body("detail", equalTo("快照日期 " + future + " 晚于今天（" + TestData.today() + "），届时的数据仍可能变化；"
                        + "请在该日当天或之后再生成快照"));
        city().header("Accept-Language", "en").contentType(ContentType.JSON).body(Map.of("asOf", future))
                .post("/api/v1/reports/snapshots").then().statusCode(422)
                .body("detail", containsString("would freeze figures that can still change"));
    }

    @Test
    void revokingAnInstitutionThatIsNotRecognizedInChinese() {
        String code = Workflow.enterprise("371526", 350, 52_000_000L);
        String institution = Workflow.institution(code);
        zh(city()).contentType(ContentType.JSON).body(Map.of("revokedOn", TestData.today().toString(), "reason", "材料不实"))
                .post("/api/v1/institutions/" + institution + "/revocations").then().statusCode(409)
                .body("type", equalTo("/problems/not-recognized"))
                .body("detail", equalTo("研发机构 " + institution + " 当前为 DECLARED 状态；只有已认定（RECOGNIZED）的研发机构可以撤销"));
    }

    @Test
    void aReusedIdempotencyKeyInChinese() {
        String key = UUID.randomUUID().toString();
        String a = TestData.creditCode("371526");
        city().header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(Map.of("creditCode", a, "name", "幂等企业甲", "regionCode", "371526")).post("/api/v1/enterprises")
                .then().statusCode(201);
        zh(city()).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(Map.of("creditCode", TestData.creditCode("371526"), "name", "幂等企业乙", "regionCode", "371526"))
                .post("/api/v1/enterprises").then().statusCode(422)
                .body("type", equalTo("/problems/idempotency-key-reused"))
                .body("detail", equalTo("该幂等键（Idempotency-Key）已用于另一个内容不同的请求；请使用新的幂等键"));
    }
}
