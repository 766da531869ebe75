package cn.liaocheng.rdcoverage.coverage;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * The result of comparing the maintained coverage segments (issue #20) and the institutions' rows the indicators report
 * reads (issue #18) with a recomputation from scratch.
 */
@Schema(name = "CoverageLedgerCheck", description = "The coverage segments and the institutions' coverage rows compared "
        + "with a recomputation from the enterprises, figures, institutions, capacities and indicators; with repair: true "
        + "the differing enterprises and institutions were rewritten")
public record LedgerCheck(
        @Schema(description = "Enterprises compared (every stored enterprise and every enterprise with segments)", required = true)
        long enterprisesChecked,
        @Schema(description = "Segment rows the recomputation gives", required = true) long rowsExpected,
        @Schema(description = "Segment rows that were stored before the check", required = true) long rowsStored,
        @Schema(description = "Enterprises whose stored segments differed from the recomputation", required = true)
        long enterprisesDiffering,
        @Schema(description = "Up to 100 credit codes of differing enterprises, in key order", required = true)
        List<String> differing,
        @Schema(description = "Institutions compared (every institution and every institution id in the indicators "
                + "report's rows, issue #18)", required = true)
        long institutionsChecked,
        @Schema(description = "Rows of the institutions' coverage (institution, year, region) the recomputation gives",
                required = true)
        long institutionRowsExpected,
        @Schema(description = "Rows of the institutions' coverage that were stored before the check", required = true)
        long institutionRowsStored,
        @Schema(description = "Institutions whose stored rows differed from the recomputation", required = true)
        long institutionsDiffering,
        @Schema(description = "Up to 100 ids of differing institutions, in key order", required = true)
        List<String> differingInstitutions,
        @Schema(description = "Whether the differing enterprises were rewritten (repair: true)", required = true)
        boolean repaired,
        @Schema(description = "Wall time of the check, milliseconds", required = true) long elapsedMillis) {
}
