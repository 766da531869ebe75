package cn.liaocheng.rdcoverage.award;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import cn.liaocheng.rdcoverage.eligibility.SizeClass;
import cn.liaocheng.rdcoverage.eligibility.Tier;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.UuidGenerator;
import org.hibernate.envers.Audited;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A one-time award: PROPOSED on recognition, APPROVED and DISBURSED by finance, or CANCELLED. {@code awardKey}
 * ("PROGRAM:creditCode") is set while the award is not cancelled and is unique in the database (不重复支持).
 */
@Entity
@Audited
@Table(name = "award")
public class Award extends PanacheEntityBase {
    @Schema(name = "AwardProgram")
    public enum Program { CITY_FIRST_RECOGNITION, COUNTY_SUPPLEMENT }

    @Schema(name = "AwardStatus")
    public enum AwardStatus { PROPOSED, APPROVED, DISBURSED, CANCELLED }

    @Id
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "id", length = 36)
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(name = "program")
    public Program program;

    @Column(name = "credit_code")
    public String creditCode;

    @Column(name = "region_code")
    public String regionCode;

    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "institution_id", length = 36)
    public UUID institutionId;

    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "application_id", length = 36)
    public UUID applicationId;

    @Column(name = "fiscal_year")
    public int fiscalYear;

    @Enumerated(EnumType.STRING)
    @Column(name = "size_class")
    public SizeClass sizeClass;

    @Enumerated(EnumType.STRING)
    @Column(name = "tier")
    public Tier tier;

    @Column(name = "amount")
    public BigDecimal amount;

    @Enumerated(EnumType.STRING)
    @Column(name = "status")
    public AwardStatus status;

    @Column(name = "policy_id")
    public String policyId;

    /** How the amount was reached, for people: policy, tier, county rule. */
    @Column(name = "basis", length = 500)
    public String basis;

    @Column(name = "award_key")
    public String awardKey;

    @Column(name = "proposed_on")
    public LocalDate proposedOn;
    @Column(name = "approved_on")
    public LocalDate approvedOn;
    @Column(name = "disbursed_on")
    public LocalDate disbursedOn;
    @Column(name = "voucher_ref")
    public String voucherRef;
    @Column(name = "cancelled_on")
    public LocalDate cancelledOn;
    @Column(name = "cancel_reason", length = 1000)
    public String cancelReason;

    @Version
    @Column(name = "version")
    public long version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static String key(Program program, String creditCode) {
        return program.name() + ":" + creditCode;
    }
}
