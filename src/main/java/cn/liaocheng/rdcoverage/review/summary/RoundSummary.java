package cn.liaocheng.rdcoverage.review.summary;

import cn.liaocheng.rdcoverage.award.Award;
import cn.liaocheng.rdcoverage.eligibility.BuildMode;
import cn.liaocheng.rdcoverage.eligibility.SizeClass;
import cn.liaocheng.rdcoverage.review.ApplicationStatus;
import cn.liaocheng.rdcoverage.review.RoundStatus;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The round summary (汇总) the city task force takes to the government meeting: per region the applications by
 * status and the proposed awards, the recognition list with what each decision rested on, and the city-wide totals
 * (absent for a county officer, who sees its own region only). Money in yuan.
 */
public record RoundSummary(String roundId, RoundStatus roundStatus, Instant generatedAt, List<RegionTotals> regions,
                           @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(extensions = @Extension(name = "x-optional", value = "true")) RegionTotals city, List<Recognition> recognitions) {

    /**
     * One region (or the city): applications by status (by the lead participant's region), recognised institutions
     * and enterprises, and the awards proposed for this round's recognitions (by the enterprise's region; cancelled
     * awards are left out): city first-recognition awards and county supplements separately.
     */
    public record RegionTotals(@Schema(nullable = true, description = "null for the city") String regionCode,
                               @Schema(nullable = true, description = "null for the city") String regionName, Map<ApplicationStatus, Long> applications,
                               long applicationsTotal, long recognizedInstitutions, long recognizedEnterprises,
                               BigDecimal cityAwards, BigDecimal countySupplements, BigDecimal totalAwards) {
    }

    /** Where a recognition's capacity figures came from. */
    public enum Basis { DECLARED, VERIFIED }

    /**
     * One enterprise of a recognised institution: its size class and the decision's basis (declared capacity, or
     * verified by the named on-site inspection), any override with its reason, and the awards proposed for it.
     */
    public record Recognition(String applicationId, String regionCode, String regionName, String creditCode,
                              @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(extensions = @Extension(name = "x-optional", value = "true")) String enterpriseName,
                              String institutionId, String institutionName, BuildMode buildMode,
                              @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(extensions = @Extension(name = "x-optional", value = "true")) SizeClass sizeClass,
                              LocalDate decidedOn, String policyId, Basis basis,
                              @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(extensions = @Extension(name = "x-optional", value = "true")) String inspectionId,
                              boolean override, @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(extensions = @Extension(name = "x-optional", value = "true")) String overrideReason,
                              @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(extensions = @Extension(name = "x-optional", value = "true")) BigDecimal cityAward,
                              @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(extensions = @Extension(name = "x-optional", value = "true")) Award.AwardStatus cityAwardStatus,
                              @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(extensions = @Extension(name = "x-optional", value = "true")) BigDecimal countySupplement,
                              @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(extensions = @Extension(name = "x-optional", value = "true")) BigDecimal totalAward) {
    }

    /** 公示名单: the recognised institutions as the city publishes them, nothing confidential. */
    public record Announcement(String roundId, List<AnnouncementEntry> items) {
    }

    public record AnnouncementEntry(String enterpriseName, String institutionName, BuildMode buildMode, String regionCode,
                                    String regionName) {
    }
}
