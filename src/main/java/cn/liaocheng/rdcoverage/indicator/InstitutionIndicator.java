package cn.liaocheng.rdcoverage.indicator;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import cn.liaocheng.rdcoverage.institution.InstitutionYear;
import jakarta.persistence.IdClass;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** The outcome an institution reports for one year: patent applications (of which invention patents), grants, new products. */
@Entity
@IdClass(InstitutionYear.class)
public class InstitutionIndicator extends PanacheEntityBase {
    @Id
    public UUID institutionId;

    @Id
    public int year;

    public int patentApplications;

    public int inventionPatentApplications;

    public int patentsGranted;

    public int newProducts;

    @Version
    public long version;

    public Instant updatedAt;

    public String updatedBy;
}
