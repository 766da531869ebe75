package cn.liaocheng.rdcoverage.institution;

import cn.liaocheng.rdcoverage.eligibility.BuildMode;
import cn.liaocheng.rdcoverage.eligibility.CertificationLevel;
import cn.liaocheng.rdcoverage.eligibility.PartnerKind;
import cn.liaocheng.rdcoverage.eligibility.PlatformKind;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import org.hibernate.envers.Audited;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.UuidGenerator;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** An R&amp;D institution: its build mode, participant enterprises, academic cooperations and, for INDUSTRY, platform and agreement. */
@Entity
@Audited
@Table(name = "institution")
public class Institution extends PanacheEntityBase {
    @Id
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "id", length = 36)
    public UUID id;

    @Column(name = "name")
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind")
    public InstitutionKind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "build_mode")
    public BuildMode buildMode;

    @Enumerated(EnumType.STRING)
    @Column(name = "status")
    public InstitutionStatus status;

    @Column(name = "recognized_on")
    public LocalDate recognizedOn;

    @Column(name = "revoked_on")
    public LocalDate revokedOn;

    @Column(name = "revocation_reason")
    public String revocationReason;

    /** Why a city officer last corrected facts that a decision rested on (issue 12); null until then. */
    @Column(name = "correction_reason")
    public String correctionReason;

    @Column(name = "platform_name")
    public String platformName;

    @Enumerated(EnumType.STRING)
    @Column(name = "platform_kind")
    public PlatformKind platformKind;

    @Enumerated(EnumType.STRING)
    @Column(name = "platform_certification")
    public CertificationLevel platformCertification;

    @Column(name = "agreement_expert")
    public String agreementExpert;

    @Column(name = "agreement_signed_on")
    public LocalDate agreementSignedOn;

    @Column(name = "agreement_valid_until")
    public LocalDate agreementValidUntil;

    /** Credit codes of the participant enterprises, in declared order. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "institution_participant", joinColumns = @JoinColumn(name = "institution_id"))
    @OrderColumn(name = "position")
    @Column(name = "credit_code")
    public List<String> participants = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "institution_cooperation", joinColumns = @JoinColumn(name = "institution_id"))
    @OrderColumn(name = "position")
    public List<CooperationRow> cooperations = new ArrayList<>();

    @Version
    @Column(name = "version")
    public long version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** One 产学研 cooperation agreement. */
    @Embeddable
    public static class CooperationRow {
        @Column(name = "partner")
        public String partner;

        @Enumerated(EnumType.STRING)
        @Column(name = "partner_kind")
        public PartnerKind partnerKind;

        @Column(name = "signed_on")
        public LocalDate signedOn;

        @Column(name = "valid_until")
        public LocalDate validUntil;

        @Column(name = "activities", length = 2000)
        public String activities;
    }
}
