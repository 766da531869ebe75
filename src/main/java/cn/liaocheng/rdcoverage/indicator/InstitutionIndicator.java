package cn.liaocheng.rdcoverage.indicator;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import cn.liaocheng.rdcoverage.institution.InstitutionYear;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** The outcome an institution reports for one year: patent applications (of which invention patents), grants, new products. */
@Entity
@Table(name = "institution_indicator")
@IdClass(InstitutionYear.class)
public class InstitutionIndicator extends PanacheEntityBase {
    @Id
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "institution_id", length = 36)
    public UUID institutionId;

    @Id
    @Column(name = "year")
    public int year;

    @Column(name = "patent_applications")
    public int patentApplications;

    @Column(name = "invention_patent_applications")
    public int inventionPatentApplications;

    @Column(name = "patents_granted")
    public int patentsGranted;

    @Column(name = "new_products")
    public int newProducts;

    @Version
    @Column(name = "version")
    public long version;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;
}
