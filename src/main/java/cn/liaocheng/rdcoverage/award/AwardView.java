package cn.liaocheng.rdcoverage.award;

import cn.liaocheng.rdcoverage.eligibility.SizeClass;
import cn.liaocheng.rdcoverage.eligibility.Tier;
import com.fasterxml.jackson.annotation.JsonIgnore;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** An award as the API shows it; {@code basis} says how the amount was reached. */
public record AwardView(String id, Award.Program program, String creditCode, String regionCode, String institutionId,
                        String applicationId, int fiscalYear, SizeClass sizeClass, Tier tier, BigDecimal amount,
                        Award.Status status, String policyId, String basis, LocalDate proposedOn, LocalDate approvedOn,
                        LocalDate disbursedOn, String voucherRef, LocalDate cancelledOn, String cancelReason,
                        Instant updatedAt, @JsonIgnore long version) {
    static AwardView of(Award a) {
        return new AwardView(a.id.toString(), a.program, a.creditCode, a.regionCode, a.institutionId.toString(),
                a.applicationId == null ? null : a.applicationId.toString(), a.fiscalYear, a.sizeClass, a.tier, a.amount,
                a.status, a.policyId, a.basis, a.proposedOn, a.approvedOn, a.disbursedOn, a.voucherRef, a.cancelledOn,
                a.cancelReason, a.updatedAt, a.version);
    }
}
