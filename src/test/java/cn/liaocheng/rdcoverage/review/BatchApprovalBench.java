package cn.liaocheng.rdcoverage.review;

import cn.liaocheng.rdcoverage.TestData;
import cn.liaocheng.rdcoverage.eligibility.BuildMode;
import cn.liaocheng.rdcoverage.institution.Institution;
import cn.liaocheng.rdcoverage.institution.InstitutionKind;
import cn.liaocheng.rdcoverage.institution.InstitutionStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;

/**
 * Not part of the suite (the name does not end in Test): bench/batch.sh runs it on MariaDB. 500 SUBMITTED
 * applications of one county (enterprises imported over HTTP, institutions and applications written directly),
 * then ONE POST /applications/transitions with 500 COUNTY_APPROVE items, timed by the wall clock around the call;
 * the same again with atomic=true on a second set. Figures go to stdout and target/batch-bench.txt.
 */
@QuarkusTest
class BatchApprovalBench {
    static final String REGION = "371581";
    static final int N = Integer.getInteger("bench.items", 500);

    @Test
    void fiveHundredApprovalsInOneRequest() throws Exception {
        StringBuilder report = new StringBuilder();
        for (boolean atomic : new boolean[]{false, true, false}) {
            List<String> ids = submitted(N);
            List<Map<String, Object>> items = new ArrayList<>();
            for (String id : ids) {
                items.add(Map.of("id", id, "action", "COUNTY_APPROVE", "comment", "批量审核通过"));
            }
            long start = System.nanoTime();
            TestData.county(REGION).contentType("application/json").body(Map.of("items", items, "atomic", atomic))
                    .post("/api/v1/applications/transitions").then().statusCode(200).body("applied", equalTo(N));
            long ms = (System.nanoTime() - start) / 1_000_000;
            String line = "batch: " + N + " COUNTY_APPROVE items, atomic=" + atomic + ": " + ms + " ms";
            System.out.println(line);
            report.append(line).append('\n');
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/batch-bench.txt"), report.toString(), StandardCharsets.UTF_8);
    }

    private static List<String> submitted(int n) {
        String round = Workflow.openRound();
        StringBuilder csv = new StringBuilder("creditCode,name,regionCode,year,employees,revenue\n");
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String code = TestData.creditCode(REGION);
            codes.add(code);
            csv.append(code).append(",临清批量企业").append(i).append(',').append(REGION).append(",2025,350,52000000\n");
        }
        TestData.city().config(TestData.RAW_CHARSET).contentType("text/csv").body(csv.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/enterprises/import").then().statusCode(200);
        return QuarkusTransaction.requiringNew().call(() -> {
            List<String> ids = new ArrayList<>();
            Instant now = Instant.now();
            for (String code : codes) {
                Institution inst = new Institution();
                inst.name = "批量技术中心";
                inst.kind = InstitutionKind.TECH_CENTER;
                inst.buildMode = BuildMode.SINGLE;
                inst.status = InstitutionStatus.DECLARED;
                inst.participants.add(code);
                inst.createdAt = now;
                inst.updatedAt = now;
                inst.persist();
                Application a = new Application();
                a.institutionId = inst.id;
                a.roundId = round;
                a.regionCode = REGION;
                a.status = ApplicationStatus.SUBMITTED;
                a.liveInstitutionId = inst.id;
                a.submittedOn = java.time.LocalDate.now();
                a.createdAt = now;
                a.updatedAt = now;
                a.persist();
                ids.add(a.id.toString());
            }
            return ids;
        });
    }
}
