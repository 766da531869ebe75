package cn.liaocheng.rdcoverage.assessment;

import cn.liaocheng.rdcoverage.capacity.CapacityInput;
import cn.liaocheng.rdcoverage.eligibility.BuildMode;
import cn.liaocheng.rdcoverage.eligibility.CertificationLevel;
import cn.liaocheng.rdcoverage.eligibility.PartnerKind;
import cn.liaocheng.rdcoverage.eligibility.PlatformKind;
import cn.liaocheng.rdcoverage.enterprise.EnterpriseLimits;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A what-if (自评): the facts of an institution, evaluated without storing anything. */
public record AssessmentRequest(
        @NotNull LocalDate asOf,
        @NotNull BuildMode buildMode,
        @NotNull @Size(max = 50) List<@Valid @NotNull ParticipantFacts> participants,
        @Valid CapacityInput capacity,
        @Size(max = 50) List<@Valid @NotNull CooperationFacts> cooperations,
        @Valid PlatformFacts platform,
        @Valid AgreementFacts serviceAgreement) {

    /** aboveDesignatedSize may be omitted: it is then derived from revenue. */
    public record ParticipantFacts(@NotBlank String creditCode,
                                   @NotNull @PositiveOrZero @Max(EnterpriseLimits.MAX_EMPLOYEES) Long employees,
                                   @NotNull @PositiveOrZero @Digits(integer = EnterpriseLimits.REVENUE_INTEGER_DIGITS, fraction = EnterpriseLimits.REVENUE_FRACTION_DIGITS) BigDecimal revenue,
                                   Boolean aboveDesignatedSize, Boolean previouslyAwarded) {
    }

    public record CooperationFacts(@NotBlank String partner, @NotNull PartnerKind partnerKind,
                                   @NotNull LocalDate signedOn, LocalDate validUntil, String activities) {
    }

    public record PlatformFacts(String name, @NotNull PlatformKind kind, @NotNull CertificationLevel certificationLevel) {
    }

    public record AgreementFacts(String expert, @NotNull LocalDate signedOn, LocalDate validUntil) {
    }
}
