package cn.liaocheng.rdcoverage.common;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Set;

/**
 * Marks a GET whose JSON answer is computed (a report, a work list, a summary) rather than read from one versioned row:
 * {@link ConditionalGet} gives it a weak ETag ({@code W/"r…"}, RFC 9110 8.8.1) digested from the JSON it serves,
 * without the {@code generatedAt} instant, so an unchanged report answers {@code If-None-Match} with 304.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ReportETag {
    /** The operations carrying it, for the contract ({@link ProblemOpenApiFilter}); ConditionalGetTest checks the list. */
    Set<String> OPERATIONS = Set.of("getCoverageReport", "getCoverageTrend", "listUncoveredEnterprises",
            "getRoundSummary", "getRoundAnnouncement", "getInstitutionEligibility", "getIndicatorReport", "getIndicatorTrend");
}
