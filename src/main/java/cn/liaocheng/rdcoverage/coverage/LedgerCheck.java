package cn.liaocheng.rdcoverage.coverage;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The result of comparing the maintained coverage segments with a recomputation from scratch (issue #20). */
@Schema(name = "CoverageLedgerCheck", description = "The coverage segments compared with a recomputation from the "
        + "enterprises, figures and institutions; with repair: true the differing enterprises were rewritten")
public record LedgerCheck(
        @Schema(description = "Enterprises compared (every stored enterprise and every enterprise with segments)", required = true)
        long enterprisesChecked,
        @Schema(description = "Segment rows the recomputation gives", required = true) long rowsExpected,
        @Schema(description = "Segment rows that were stored before the check", required = true) long rowsStored,
        @Schema(description = "Enterprises whose stored segments differed from the recomputation", required = true)
        long enterprisesDiffering,
        @Schema(description = "Up to 100 credit codes of differing enterprises, in key order", required = true)
        List<String> differing,
        @Schema(description = "Whether the differing enterprises were rewritten (repair: true)", required = true)
        boolean repaired,
        @Schema(description = "Wall time of the check, milliseconds", required = true) long elapsedMillis) {
}
