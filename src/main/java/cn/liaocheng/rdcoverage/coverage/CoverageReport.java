package cn.liaocheng.rdcoverage.coverage;

import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.liaocheng.rdcoverage.common.FieldMessage;
import cn.liaocheng.rdcoverage.common.Localisable;
import cn.liaocheng.rdcoverage.common.ProblemLanguage;

import java.math.BigDecimal;
import java.util.Locale;
import java.time.LocalDate;
import java.util.List;

/**
 * Coverage against the targets on {@code asOf} (DESIGN.md section 5). {@code statisticalYear} is the year whose figures
 * decide who is above designated size: asOf's year when any figures of it are loaded, else the latest earlier year
 * ({@code statisticalYearFallback} true); null when no figures exist at all. Targets are those of {@code targetYear}
 * (asOf's year); {@code targetSet} false and {@code targetNote} say so plainly when that year has no city-wide target
 * (a stored snapshot from before this field has it null). {@code city} is absent for a county officer, whose report
 * holds only its own region.
 */
public record CoverageReport(LocalDate asOf, @Schema(nullable = true) Integer statisticalYear, boolean statisticalYearFallback, int targetYear,
                             @Schema(nullable = true) Boolean targetSet,
                             @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(extensions = @Extension(name = "x-optional", value = "true")) String targetNote,
                             @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(extensions = @Extension(name = "x-optional", value = "true")) Figures city, List<Figures> regions)
        implements Localisable {

    /** The note that {@code year} has no city-wide target, in English (as stored) or Chinese. */
    static String targetNote(int year, Locale locale) {
        return ProblemLanguage.message(FieldMessage.of("No target is set for " + year
                + ": targetRate and shortfall are empty. The city sets one with POST /api/v1/targets "
                + "{\"year\": " + year + ", \"coverageRate\": …, \"provincialIncrease\": …}", "note.target-missing", String.valueOf(year)), locale);
    }

    /** This report with its {@code targetNote} in the client's language (Accept-Language); the figures are the same. */
    @Override
    public CoverageReport in(Locale locale) {
        return targetNote == null ? this : new CoverageReport(asOf, statisticalYear, statisticalYearFallback, targetYear, targetSet,
                targetNote(targetYear, locale), city, regions);
    }

    /**
     * The figures of the city or of one region. {@code coverageRate} = covered / aboveSize (4 decimals, null without
     * above-size enterprises); {@code shortfall} = max(0, ceil(targetRate × aboveSize) − covered), null without a target;
     * a region without its own target uses the city-wide rate (and has no provincial target). The provincial counts
 * (designations of recognised institutions only) are split by institutions with a key-enterprise (重点企业) and a
 * key-industry (重点行业) participant, as the policy's target names them.
     */
    @Schema(name = "CoverageFigures")
    public record Figures(@JsonInclude(JsonInclude.Include.NON_NULL) @Schema(extensions = @Extension(name = "x-optional", value = "true")) String regionCode,
                          @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(extensions = @Extension(name = "x-optional", value = "true")) String regionName,
                          long aboveSizeEnterprises, long coveredEnterprises, @Schema(nullable = true) BigDecimal coverageRate,
                          @Schema(nullable = true) BigDecimal targetRate, @Schema(nullable = true) Long shortfall, ByBuildMode coveredByBuildMode,
                          long provincialActive, long provincialNew, @Schema(nullable = true) Integer provincialTarget,
                          long provincialActiveKeyEnterprise, long provincialActiveKeyIndustry,
                          long provincialNewKeyEnterprise, long provincialNewKeyIndustry) {
    }

    /** Covered enterprises by the build mode of the institutions covering them (one enterprise may count under two). */
    public record ByBuildMode(@JsonProperty("SINGLE") long single, @JsonProperty("JOINT") long joint,
                              @JsonProperty("INDUSTRY") long industry) {
    }
}
