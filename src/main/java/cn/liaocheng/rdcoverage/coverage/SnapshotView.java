package cn.liaocheng.rdcoverage.coverage;

import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.time.LocalDate;

/** A stored snapshot; lists leave out {@code report}, which one snapshot carries as it was when taken. */
public record SnapshotView(String id, LocalDate asOf, @Schema(nullable = true) Integer statisticalYear, SnapshotKind kind,
                           @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(extensions = @Extension(name = "x-optional", value = "true")) String period, Instant takenAt, @Schema(nullable = true) String takenBy,
                           @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(extensions = @Extension(name = "x-optional", value = "true")) CoverageReport report) {
}
