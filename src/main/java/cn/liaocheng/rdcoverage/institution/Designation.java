package cn.liaocheng.rdcoverage.institution;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
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

/**
 * A provincial or national designation of an institution (省企业技术中心, 国家重点实验室 …). It counts toward the
 * provincial-or-higher target from grantedOn until revokedOn (被撤销或摘牌), exclusive.
 */
@Entity
@Audited
@Table(name = "designation")
public class Designation extends PanacheEntityBase {
    @Id
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "id", length = 36)
    public UUID id;

    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "institution_id", length = 36)
    public UUID institutionId;

    @Enumerated(EnumType.STRING)
    @Column(name = "level")
    public DesignationLevel level;

    @Column(name = "program")
    public String program;

    @Column(name = "granted_on")
    public LocalDate grantedOn;

    @Column(name = "revoked_on")
    public LocalDate revokedOn;

    @Column(name = "revocation_reason")
    public String revocationReason;

    @Version
    @Column(name = "version")
    public long version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
