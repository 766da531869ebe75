package cn.liaocheng.rdcoverage.enterprise;

import cn.liaocheng.rdcoverage.eligibility.SizeClass;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import org.hibernate.envers.Audited;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/**
 * An industrial enterprise, identified by its credit code. {@code sizeClass}, {@code aboveDesignatedSize} and
 * {@code figuresYear} mirror its latest yearly figures and are only ever set from them.
 */
@Entity
@Audited
@Table(name = "enterprise")
public class Enterprise extends PanacheEntityBase {
    @Id
    @Column(name = "credit_code")
    public String creditCode;

    @Column(name = "name")
    public String name;

    @Column(name = "region_code")
    public String regionCode;

    @Column(name = "industry_code")
    public String industryCode;

    @Column(name = "address")
    public String address;

    @Column(name = "key_enterprise")
    public boolean keyEnterprise;

    @Column(name = "key_industry")
    public boolean keyIndustry;

    @Column(name = "figures_year")
    public Integer figuresYear;

    @Enumerated(EnumType.STRING)
    @Column(name = "size_class")
    public SizeClass sizeClass;

    @Column(name = "above_designated_size")
    public Boolean aboveDesignatedSize;

    @Version
    @Column(name = "version")
    public long version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Mirrors the latest figures (or none) onto the enterprise. */
    void mirror(EnterpriseFigures latest) {
        figuresYear = latest == null ? null : latest.year;
        sizeClass = latest == null ? null : latest.sizeClass;
        aboveDesignatedSize = latest == null ? null : latest.aboveDesignatedSize;
    }

    /**
     * Takes the enterprise's row lock until the transaction ends (a plain SELECT ... FOR UPDATE: Hibernate's lock hint
     * renders "FOR UPDATE OF alias", which MariaDB rejects). Serialises decisions about one enterprise across instances.
     */
    public static void lockForUpdate(String creditCode) {
        getEntityManager()
                .createNativeQuery("select credit_code from enterprise where credit_code = ?1 for update")
                .setParameter(1, creditCode)
                .getResultList();
    }
}
