package cn.liaocheng.rdcoverage.award;

import cn.liaocheng.rdcoverage.common.Localisable;
import cn.liaocheng.rdcoverage.common.ProblemLanguage;
import cn.liaocheng.rdcoverage.common.StoredDecimals;
import cn.liaocheng.rdcoverage.common.Versioned;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import cn.liaocheng.rdcoverage.eligibility.SizeClass;
import cn.liaocheng.rdcoverage.eligibility.Tier;
import com.fasterxml.jackson.annotation.JsonIgnore;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

/**
 * An award as the API shows it; {@code basis} says how the amount was reached, in the client's language
 * (Accept-Language: Chinese by default, or English; {@link AwardBasis}). The change feed and webhooks, which answer no
 * request, carry it in the configured default language ({@code rd.problems.default-language}).
 */
public record AwardView(String id, Award.Program program, String creditCode, String regionCode, String institutionId,
                        @Schema(nullable = true) String applicationId, int fiscalYear, @Schema(nullable = true) SizeClass sizeClass, @Schema(nullable = true) Tier tier, BigDecimal amount,
                        Award.AwardStatus status, @Schema(nullable = true) String policyId, @Schema(nullable = true) String basis, @Schema(nullable = true) LocalDate proposedOn, @Schema(nullable = true) LocalDate approvedOn,
                        @Schema(nullable = true) LocalDate disbursedOn, @Schema(nullable = true) String voucherRef, @Schema(nullable = true) LocalDate cancelledOn, @Schema(nullable = true) String cancelReason,
                        Instant updatedAt, @JsonIgnore long version,
                        @JsonIgnore @Schema(hidden = true) String basisEnglish, @JsonIgnore @Schema(hidden = true) String basisChinese)
        implements Versioned, Localisable {
    /** The amount (yuan) as stored, 2 decimals, also when proposed from a policy's whole-yuan amount. */
    public AwardView {
        amount = StoredDecimals.amount(amount);
    }

    /**
     * The award as stored, its basis in the configured default language (answers to requests are put in the client's
     * by {@link #in}). An award stored before the Chinese text existed has its English one in both.
     */
    static AwardView of(Award a) {
        return new AwardView(a.id.toString(), a.program, a.creditCode, a.regionCode, a.institutionId.toString(),
                a.applicationId == null ? null : a.applicationId.toString(), a.fiscalYear, a.sizeClass, a.tier, a.amount,
                a.status, a.policyId, a.basis, a.proposedOn, a.approvedOn, a.disbursedOn, a.voucherRef, a.cancelledOn,
                a.cancelReason, a.updatedAt, a.version, a.basis, a.basisZh == null ? a.basis : a.basisZh)
                .in(ProblemLanguage.defaultLanguage());
    }

    /** This award with its basis in {@code locale}. */
    @Override
    public AwardView in(Locale locale) {
        String text = ProblemLanguage.isChinese(locale) ? basisChinese : basisEnglish;
        return java.util.Objects.equals(text, basis) ? this : new AwardView(id, program, creditCode, regionCode,
                institutionId, applicationId, fiscalYear, sizeClass, tier, amount, status, policyId, text, proposedOn,
                approvedOn, disbursedOn, voucherRef, cancelledOn, cancelReason, updatedAt, version, basisEnglish, basisChinese);
    }
}
