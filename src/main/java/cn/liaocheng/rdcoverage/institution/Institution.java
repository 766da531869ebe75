package cn.liaocheng.rdcoverage.institution;

import cn.liaocheng.rdcoverage.common.db.UuidEntity;
import cn.liaocheng.rdcoverage.eligibility.BuildMode;
import cn.liaocheng.rdcoverage.eligibility.CertificationLevel;
import cn.liaocheng.rdcoverage.eligibility.PartnerKind;
import cn.liaocheng.rdcoverage.eligibility.PlatformKind;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import org.hibernate.envers.Audited;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** An R&amp;D institution: its build mode, participant enterprises, academic cooperations and, for INDUSTRY, platform and agreement. */
@Entity
@Audited
public class Institution extends UuidEntity {
    public String name;

    @Enumerated(EnumType.STRING)
    public InstitutionKind kind;

    @Enumerated(EnumType.STRING)
    public BuildMode buildMode;

    @Enumerated(EnumType.STRING)
    public InstitutionStatus status;

    public LocalDate recognizedOn;

    public LocalDate revokedOn;

    public String revocationReason;

    /** Why a city officer last corrected facts that a decision rested on (issue 12); null until then. */
    public String correctionReason;

    public String platformName;

    @Enumerated(EnumType.STRING)
    public PlatformKind platformKind;

    @Enumerated(EnumType.STRING)
    public CertificationLevel platformCertification;

    public String agreementExpert;

    public LocalDate agreementSignedOn;

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

    /** One 产学研 cooperation agreement. */
    @Embeddable
    public static class CooperationRow {
        public String partner;

        @Enumerated(EnumType.STRING)
        public PartnerKind partnerKind;

        public LocalDate signedOn;

        public LocalDate validUntil;

        @Column(length = 2000)
        public String activities;
    }
}
