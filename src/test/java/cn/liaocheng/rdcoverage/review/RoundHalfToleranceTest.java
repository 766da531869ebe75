package cn.liaocheng.rdcoverage.review;

import cn.liaocheng.rdcoverage.SuiteProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static cn.liaocheng.rdcoverage.TestData.city;
import static cn.liaocheng.rdcoverage.review.RoundHalfTest.create;
import static org.hamcrest.Matchers.equalTo;

/**
 * {@code rd.rounds.days-outside-half=15}: a round's dates may lie up to 15 days outside the half-year its id names (a
 * round opened a little ahead of its half), and not a day more. The rule with the production value 0: RoundHalfTest.
 */
@QuarkusTest
@TestProfile(RoundHalfToleranceTest.FifteenDays.class)
class RoundHalfToleranceTest {
    public static class FifteenDays extends SuiteProfile {
        public FifteenDays() {
            super(Map.of("rd.rounds.days-outside-half", "15"));
        }
    }

    /** A year whose first-half round no test has created (other tests pick round ids at random). */
    private static int freeFirstHalf() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int year = ThreadLocalRandom.current().nextInt(2030, 2100);
            if (city().get("/api/v1/rounds/" + year + "H1").then().extract().statusCode() == 404) {
                return year;
            }
        }
        throw new IllegalStateException("no free round id");
    }

    @Test
    void aRoundOpeningTenDaysBeforeItsHalfAndClosingFifteenAfterIsStored() {
        int year = freeFirstHalf();
        String id = year + "H1";
        String opensOn = (year - 1) + "-12-22";
        String closesOn = year + "-07-15";
        create("en", id, year, 1, opensOn, closesOn).statusCode(201)
                .body("opensOn", equalTo(opensOn)).body("closesOn", equalTo(closesOn));
        city().get("/api/v1/rounds/" + id).then().statusCode(200)
                .body("opensOn", equalTo(opensOn)).body("closesOn", equalTo(closesOn));
    }

    @Test
    void aDayBeyondTheToleranceIsRefused() {
        create("en", "2027H1", 2027, 1, "2026-12-16", "2027-07-16").statusCode(400)
                .body("errors.field", equalTo(List.of("opensOn", "closesOn")))
                .body("errors.code", equalTo(List.of("OUT_OF_RANGE", "OUT_OF_RANGE")))
                .body("errors[0].message", equalTo("must lie within the half-year of round 2027H1 (2027-01-01 to 2027-06-30)"
                        + " or at most 15 days outside it (2026-12-17 to 2027-07-15)"));
        create("zh-CN", "2027H2", 2027, 2, "2027-06-15", "2027-12-31").statusCode(400)
                .body("errors.field", equalTo(List.of("opensOn")))
                .body("errors[0].message", equalTo(
                        "须在评审批次 2027H2 所属的半年度（2027-07-01 至 2027-12-31）之内，或在其前后至多 15 天之内（2027-06-16 至 2028-01-15）"));
    }
}
