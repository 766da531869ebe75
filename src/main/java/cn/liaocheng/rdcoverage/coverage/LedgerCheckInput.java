package cn.liaocheng.rdcoverage.coverage;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What to do with differences found by a check of the coverage segments. */
@Schema(name = "CoverageLedgerCheckInput")
public record LedgerCheckInput(
        @NotNull @Schema(description = "true: rewrite the segments of every differing enterprise; false: only report",
                required = true) Boolean repair) {
}
