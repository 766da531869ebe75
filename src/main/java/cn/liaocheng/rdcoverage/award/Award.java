package cn.liaocheng.rdcoverage.award;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import cn.liaocheng.rdcoverage.common.db.UuidEntity;
import cn.liaocheng.rdcoverage.eligibility.SizeClass;
import cn.liaocheng.rdcoverage.eligibility.Tier;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.hibernate.envers.Audited;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A one-time award: PROPOSED on recognition, APPROVED and DISBURSED by finance, or CANCELLED. {@code awardKey}
 * ("PROGRAM:creditCode") is set while the award is not cancelled and is unique in the database (不重复支持).
 */
@Entity
@Audited
public class Award extends UuidEntity {
    @Schema(name = "AwardProgram")
    public enum Program { CITY_FIRST_RECOGNITION, COUNTY_SUPPLEMENT }

    @Schema(name = "AwardStatus")
    public enum AwardStatus { PROPOSED, APPROVED, DISBURSED, CANCELLED }

    @Enumerated(EnumType.STRING)
    public Program program;

    public String creditCode;

    public String regionCode;

    public UUID institutionId;

    public UUID applicationId;

    public int fiscalYear;

    @Enumerated(EnumType.STRING)
    public SizeClass sizeClass;

    @Enumerated(EnumType.STRING)
    public Tier tier;

    public BigDecimal amount;

    @Enumerated(EnumType.STRING)
    public AwardStatus status;

    public String policyId;

    /** How the amount was reached, for people: policy, tier, county rule. */
    @Column(length = 500)
    public String basis;

    /** The same in Chinese ({@link AwardBasis}); null on awards proposed before it was stored (changeset 033). */
    @Column(name = "basis_zh", length = 500)
    public String basisZh;

    public String awardKey;

    public LocalDate proposedOn;
    public LocalDate approvedOn;
    public LocalDate disbursedOn;
    public String voucherRef;
    public LocalDate cancelledOn;
    @Column(length = 1000)
    public String cancelReason;

    public static String key(Program program, String creditCode) {
        return program.name() + ":" + creditCode;
    }
}
