package cn.liaocheng.rdcoverage.award;

import cn.liaocheng.rdcoverage.common.Versioned;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import cn.liaocheng.rdcoverage.eligibility.SizeClass;
import cn.liaocheng.rdcoverage.eligibility.Tier;
import com.fasterxml.jackson.annotation.JsonIgnore;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** An award as the API shows it; {@code basis} says how the amount was reached. */
public record AwardView(String id, Award.Program program, String creditCode, String regionCode, String institutionId,
                        @Schema(nullable = true) String applicationId, int fiscalYear, @Schema(nullable = true) SizeClass sizeClass, @Schema(nullable = true) Tier tier, BigDecimal amount,
                        Award.AwardStatus status, @Schema(nullable = true) String policyId, @Schema(nullable = true) String basis, @Schema(nullable = true) LocalDate proposedOn, @Schema(nullable = true) LocalDate approvedOn,
                        @Schema(nullable = true) LocalDate disbursedOn, @Schema(nullable = true) String voucherRef, @Schema(nullable = true) LocalDate cancelledOn, @Schema(nullable = true) String cancelReason,
                        Instant updatedAt, @JsonIgnore long version) implements Versioned {
    static AwardView of(Award a) {
        return new AwardView(a.id.toString(), a.program, a.creditCode, a.regionCode, a.institutionId.toString(),
                a.applicationId == null ? null : a.applicationId.toString(), a.fiscalYear, a.sizeClass, a.tier, a.amount,
                a.status, a.policyId, a.basis, a.proposedOn, a.approvedOn, a.disbursedOn, a.voucherRef, a.cancelledOn,
                a.cancelReason, a.updatedAt, a.version);
    }
}
