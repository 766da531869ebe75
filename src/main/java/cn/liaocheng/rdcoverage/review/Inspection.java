package cn.liaocheng.rdcoverage.review;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import cn.liaocheng.rdcoverage.capacity.CapacityColumns;
import cn.liaocheng.rdcoverage.capacity.CapacityMapper;
import cn.liaocheng.rdcoverage.common.db.UuidEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.hibernate.envers.Audited;

import java.time.LocalDate;
import java.util.UUID;

/** 材料审查 or 现场考察 by an expert panel or a third-party reviewer, with what it verified and its conclusion. */
@Entity
@Audited
public class Inspection extends UuidEntity {
    @Schema(name = "InspectionKind")
    public enum InspectionKind { MATERIAL_REVIEW, ON_SITE }

    @Schema(name = "AssessorKind")
    public enum AssessorKind { EXPERT, THIRD_PARTY }

    @Schema(name = "InspectionStatus")
    public enum InspectionStatus { ASSIGNED, CONCLUDED, CANCELLED }

    @Schema(name = "InspectionConclusion")
    public enum Conclusion { PASS, FAIL, RECTIFY }

    public UUID applicationId;

    @Enumerated(EnumType.STRING)
    public InspectionKind kind;

    @Enumerated(EnumType.STRING)
    public AssessorKind assessorKind;

    public String assessorId;

    public String assessorName;

    @Enumerated(EnumType.STRING)
    public InspectionStatus status;

    public LocalDate conductedOn;
    /** The capacity the assessor verified; null until recorded. */
    @Embedded
    public CapacityColumns capacity;

    @Column(length = 4000)
    public String findings;

    @Enumerated(EnumType.STRING)
    public Conclusion conclusion;

    public boolean hasVerifiedCapacity() {
        return CapacityMapper.present(capacity);
    }
}
