package cn.liaocheng.rdcoverage.coverage;

import java.time.LocalDate;

/** {@code {"asOf": "2026-10-31"}}; asOf defaults to today. */
public record SnapshotInput(LocalDate asOf) {
}
