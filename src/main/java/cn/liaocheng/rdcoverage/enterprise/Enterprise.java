package cn.liaocheng.rdcoverage.enterprise;

import cn.liaocheng.rdcoverage.common.db.VersionedEntity;
import cn.liaocheng.rdcoverage.eligibility.SizeClass;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import org.hibernate.envers.Audited;

/**
 * An industrial enterprise, identified by its credit code. {@code sizeClass}, {@code aboveDesignatedSize} and
 * {@code figuresYear} mirror its latest yearly figures and are only ever set from them.
 */
@Entity
@Audited
public class Enterprise extends VersionedEntity {
    @Id
    public String creditCode;

    public String name;

    public String regionCode;

    public String industryCode;

    public String address;

    public boolean keyEnterprise;

    public boolean keyIndustry;

    public Integer figuresYear;

    @Enumerated(EnumType.STRING)
    public SizeClass sizeClass;

    public Boolean aboveDesignatedSize;

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
