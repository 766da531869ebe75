package cn.liaocheng.rdcoverage.coverage;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.time.LocalDate;

/** A stored snapshot; lists leave out {@code report}, which one snapshot carries as it was when taken. */
public record SnapshotView(String id, LocalDate asOf, Integer statisticalYear, SnapshotKind kind,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String period, Instant takenAt, String takenBy,
                           @JsonInclude(JsonInclude.Include.NON_NULL) CoverageReport report) {
}
