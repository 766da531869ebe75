package cn.liaocheng.rdcoverage.review;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import cn.liaocheng.rdcoverage.capacity.CapacityColumns;
import cn.liaocheng.rdcoverage.capacity.CapacityMapper;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** 材料审查 or 现场考察 by an expert panel or a third-party reviewer, with what it verified and its conclusion. */
@Entity
@Audited
@Table(name = "inspection")
public class Inspection extends PanacheEntityBase {
    @Schema(name = "InspectionKind")
    public enum InspectionKind { MATERIAL_REVIEW, ON_SITE }

    @Schema(name = "AssessorKind")
    public enum AssessorKind { EXPERT, THIRD_PARTY }

    @Schema(name = "InspectionStatus")
    public enum InspectionStatus { ASSIGNED, CONCLUDED, CANCELLED }

    @Schema(name = "InspectionConclusion")
    public enum Conclusion { PASS, FAIL, RECTIFY }

    @Id
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "id", length = 36)
    public UUID id;

    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "application_id", length = 36)
    public UUID applicationId;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind")
    public InspectionKind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "assessor_kind")
    public AssessorKind assessorKind;

    @Column(name = "assessor_id")
    public String assessorId;

    @Column(name = "assessor_name")
    public String assessorName;

    @Enumerated(EnumType.STRING)
    @Column(name = "status")
    public InspectionStatus status;

    @Column(name = "conducted_on")
    public LocalDate conductedOn;
    /** The capacity the assessor verified; null until recorded. */
    @Embedded
    public CapacityColumns capacity;

    @Column(name = "findings", length = 4000)
    public String findings;

    @Enumerated(EnumType.STRING)
    @Column(name = "conclusion")
    public Conclusion conclusion;

    @Version
    @Column(name = "version")
    public long version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public boolean hasVerifiedCapacity() {
        return CapacityMapper.present(capacity);
    }
}
