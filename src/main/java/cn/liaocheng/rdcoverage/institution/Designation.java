package cn.liaocheng.rdcoverage.institution;

import cn.liaocheng.rdcoverage.common.db.UuidEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.hibernate.envers.Audited;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A provincial or national designation of an institution (省企业技术中心, 国家重点实验室 …). It counts toward the
 * provincial-or-higher target from grantedOn until revokedOn (被撤销或摘牌), exclusive.
 */
@Entity
@Audited
public class Designation extends UuidEntity {
    public UUID institutionId;

    @Enumerated(EnumType.STRING)
    public DesignationLevel level;

    public String program;

    public LocalDate grantedOn;

    public LocalDate revokedOn;

    public String revocationReason;
}
