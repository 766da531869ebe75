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
 * Not part of the suite (the name does not end in Test): bench/batch.sh runs it on MariaDB. Sets of 500 SUBMITTED
 * applications of one county (enterprises imported over HTTP, institutions and applications written directly). The
 * baseline, in the same run: the 500 COUNTY_APPROVE as 500 single-item requests one after the other; then ONE POST
 * /applications/transitions with 500 items (atomic=false, then atomic=true on a fresh set), each timed by the wall
 * clock around the calls. Prints the times and the ratio batch/singles; also written to target/batch-bench.txt.
 */
@QuarkusTest
class BatchApprovalBench {
    static final String REGION = "371581";
    static final int N = Integer.getInteger("bench.items", 500);

    @Test
    void fiveHundredApprovalsInOneRequest() throws Exception {
        StringBuilder report = new StringBuilder();
        // warm-up: a small batch and a few single requests, so that neither side pays the JIT alone
        approveOneByOne(submitted(20));
        batch(submitted(20), false);
        // the baseline in the same run: the same N approvals as N single-item requests, one after the other
        long singles = approveOneByOne(submitted(N));
        line(report, "batch: baseline " + N + " single POST /applications/{id}/transitions: " + singles + " ms");
        long nonAtomic = batch(submitted(N), false);
        line(report, "batch: " + N + " COUNTY_APPROVE items in one request, atomic=false: " + nonAtomic + " ms");
        long atomic = batch(submitted(N), true);
        line(report, "batch: " + N + " COUNTY_APPROVE items in one request, atomic=true: " + atomic + " ms");
        line(report, String.format(java.util.Locale.ROOT, "batch: ratio batch/singles atomic=false %.2f, atomic=true %.2f",
                (double) nonAtomic / singles, (double) atomic / singles));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/batch-bench.txt"), report.toString(), StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder report, String line) {
        System.out.println(line);
        report.append(line).append('\n');
    }

    private static long batch(List<String> ids, boolean atomic) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (String id : ids) {
            items.add(Map.of("id", id, "action", "COUNTY_APPROVE", "comment", "批量审核通过"));
        }
        long start = System.nanoTime();
        TestData.county(REGION).contentType("application/json").body(Map.of("items", items, "atomic", atomic))
                .post("/api/v1/applications/transitions").then().statusCode(200).body("applied", equalTo(ids.size()));
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static long approveOneByOne(List<String> ids) {
        long start = System.nanoTime();
        for (String id : ids) {
            TestData.county(REGION).contentType("application/json").body(Map.of("action", "COUNTY_APPROVE", "comment", "逐件审核通过"))
                    .post("/api/v1/applications/" + id + "/transitions").then().statusCode(200);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    static List<String> submitted(int n) {
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
