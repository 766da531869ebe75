package cn.liaocheng.rdcoverage.institution;

import cn.liaocheng.rdcoverage.capacity.CapacityColumns;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import org.hibernate.envers.Audited;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;

import java.time.Instant;
import java.util.UUID;

/** The capacity an institution declared for one year (有场地、有人员、有投入、有设备、有项目、有制度). */
@Entity
@Audited
@IdClass(InstitutionYear.class)
public class InstitutionCapacity extends PanacheEntityBase {
    @Id
    public UUID institutionId;

    @Id
    public int year;

    /** The seven figures, all required (the columns are not null). */
    @Embedded
    public CapacityColumns capacity;

    public Instant updatedAt;
}
