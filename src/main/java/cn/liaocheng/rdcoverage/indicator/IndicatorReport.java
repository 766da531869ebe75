package cn.liaocheng.rdcoverage.indicator;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

/**
 * The programme's outcome in {@code year} against {@code previousYear}, city-wide and per region (GET /reports/indicators).
 * Enterprises with an institution are those covered on the year's last day, as in the coverage report: above designated
 * size in the year's figures and taking part in an institution recognised on or before that day and not revoked by then.
 * The institutions counted are those covering at least one such enterprise (in the region, for a region; a joint institution
 * counts in each of its participants' regions and once city-wide); their R&D expenditure and personnel are those of their
 * capacity for the year, their patents and new products those of their indicators for the year (nothing when not
 * reported). {@code revenue} is the covered enterprises' revenue in the year, and {@code rdIntensity} = rdExpenditure ÷
 * revenue (4 decimals; null without revenue). {@code city} is absent for a county officer or a supervisor.
 */
@Schema(name = "IndicatorReport")
public record IndicatorReport(int year, int previousYear,
                              @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(extensions = @Extension(name = "x-optional", value = "true")) Figures city, List<Figures> regions) {

    @Schema(name = "IndicatorFigures")
    public record Figures(@JsonInclude(JsonInclude.Include.NON_NULL) @Schema(extensions = @Extension(name = "x-optional", value = "true")) String regionCode,
                          @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(extensions = @Extension(name = "x-optional", value = "true")) String regionName,
                          Totals totals, Totals previous, Growth growth) {
    }

    /** Totals of one year. */
    @Schema(name = "IndicatorTotals")
    public record Totals(long institutions, long enterprises, ByBuildMode enterprisesByBuildMode, BigDecimal rdExpenditure,
                         long rdPersonnel, long patentApplications, long inventionPatentApplications, long patentsGranted,
                         long newProducts, BigDecimal revenue,
                         @Schema(nullable = true, description = "rdExpenditure ÷ revenue, 4 decimals; null without revenue") BigDecimal rdIntensity) {
    }

    /** Enterprises with an institution by its build mode (an enterprise in two modes counts under both). */
    @Schema(name = "IndicatorEnterprisesByBuildMode")
    public record ByBuildMode(@JsonProperty("SINGLE") long single, @JsonProperty("JOINT") long joint,
                              @JsonProperty("INDUSTRY") long industry) {
    }

    /** Change against the previous year: absolute, and in percent of the previous value (2 decimals; null from zero). */
    @Schema(name = "IndicatorChange")
    public record Change(BigDecimal absolute, @Schema(nullable = true, description = "in percent of the previous value, 2 decimals; null from zero") BigDecimal percent) {
    }

    @Schema(name = "IndicatorGrowth")
    public record Growth(Change institutions, Change enterprises, Change rdExpenditure, Change rdPersonnel,
                         Change patentApplications, Change inventionPatentApplications, Change patentsGranted,
                         Change newProducts,
                         @Schema(nullable = true, description = "null when either year has no rdIntensity") Change rdIntensity) {
    }
}
