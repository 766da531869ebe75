package cn.liaocheng.rdcoverage.eligibility;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Throughput of {@link Eligibility#evaluate} in process, one thread: the DESIGN example (a SINGLE institution of
 * a MEDIUM enterprise) evaluated in a plain loop for about 3 seconds after a warm-up. Not a test; run with
 * {@code java -cp target/classes:target/test-classes cn.liaocheng.rdcoverage.eligibility.EligibilityThroughput}.
 * Prints exactly one line: {@code in-process N evals/s}.
 *
 * <p>The policy is built in code with the values of db/policies/liaocheng-2020-referenced.json, its references taken from there (PolicyDocumentTest checks
 * that file), so that this class needs nothing but the module itself on the class path.
 */
public final class EligibilityThroughput {

    private static final long WARM_UP_NANOS = 2_000_000_000L;
    private static final long MEASURE_NANOS = 3_000_000_000L;
    private static final int BATCH = 4096;

    private EligibilityThroughput() {
    }

    public static void main(String[] args) {
        Policy policy = liaocheng2020();
        LocalDate asOf = LocalDate.of(2021, 6, 30);
        Facts facts = new Facts(BuildMode.SINGLE,
                List.of(new Participant("91371500MA3C00001J", 350, new BigDecimal("52000000"), null, false)),
                new Capacity(6, new BigDecimal("600000"), new BigDecimal("520000"), new BigDecimal("60"), 3, true, true),
                List.of(new Cooperation("聊城大学", PartnerKind.UNIVERSITY, LocalDate.of(2020, 9, 1), null,
                        "联合开展新材料中试与工艺改进")),
                null, null);

        Result expected = Eligibility.evaluate(facts, policy, asOf);
        if (!expected.qualified() || expected.participants().get(0).subsidyAmount().intValue() != 100_000) {
            throw new IllegalStateException("unexpected result " + expected);
        }

        run(facts, policy, asOf, WARM_UP_NANOS);
        long[] measured = run(facts, policy, asOf, MEASURE_NANOS);
        long evaluations = measured[0];
        long nanos = measured[1];
        if (measured[2] != evaluations * (expected.criteria().size() + 1)) {
            throw new IllegalStateException("results changed during the run");
        }
        System.out.println("in-process " + (evaluations * 1_000_000_000L / nanos) + " evals/s");
    }

    /** Evaluates in batches until {@code duration} has passed; returns {evaluations, nanos, checksum}. */
    private static long[] run(Facts facts, Policy policy, LocalDate asOf, long duration) {
        long evaluations = 0;
        long checksum = 0;
        long start = System.nanoTime();
        long elapsed;
        do {
            for (int i = 0; i < BATCH; i++) {
                Result result = Eligibility.evaluate(facts, policy, asOf);
                checksum += result.criteria().size() + (result.qualified() ? 1 : 0);
            }
            evaluations += BATCH;
            elapsed = System.nanoTime() - start;
        } while (elapsed < duration);
        return new long[] {evaluations, elapsed, checksum};
    }

    static Policy liaocheng2020() {
        return new Policy("liaocheng-2020", LocalDate.of(2020, 4, 26), "聊城市规模以上工业企业研发机构全覆盖行动方案",
                new SizeClassification(new SizeBound(1000, new BigDecimal("400000000")),
                        new SizeBound(300, new BigDecimal("20000000")), new SizeBound(20, new BigDecimal("3000000"))),
                new BigDecimal("20000000"), 1,
                Map.of(Tier.LARGE, new Standard(10, new BigDecimal("1000000"), new BigDecimal("2000000"),
                                new BigDecimal("100"), 5),
                        Tier.MEDIUM, new Standard(5, new BigDecimal("500000"), new BigDecimal("500000"),
                                new BigDecimal("50"), 3),
                        Tier.SMALL, new Standard(3, new BigDecimal("200000"), new BigDecimal("200000"),
                                new BigDecimal("20"), 1)),
                Map.of(Tier.LARGE, new BigDecimal("200000"), Tier.MEDIUM, new BigDecimal("100000"),
                        Tier.SMALL, new BigDecimal("50000")),
                new Interpretations(Tier.SMALL, true, false, false, false,
                        Map.of(PlatformKind.INDUSTRY_INSTITUTE, CertificationLevel.NONE,
                                PlatformKind.INNOVATION_COMMUNITY, CertificationLevel.CITY,
                                PlatformKind.INDUSTRY_ALLIANCE, CertificationLevel.CITY)),
                Fixtures.policy().references());
    }
}
