package cn.liaocheng.rdcoverage.common.db;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

import java.time.Instant;

/**
 * What the entities that are edited through the API share: the optimistic-lock {@code version} (the ETag and
 * {@code If-Match} of their resource; a stale one is a 412) and when the row was created and last changed (UTC,
 * {@code created_at} and {@code updated_at}, set from the service's clock by the code that writes the row).
 *
 * <p>Columns take their names from the physical naming strategy ({@code createdAt} is {@code created_at}, see
 * application.properties). Hibernate Envers audits the properties of a mapped superclass only where the audited entity
 * says {@code @AuditOverride(forClass = VersionedEntity.class)}: {@code created_at} and {@code updated_at} are in its
 * {@code _aud} table, {@code version} never is (Envers leaves the optimistic-lock field out).
 */
@MappedSuperclass
public abstract class VersionedEntity extends PanacheEntityBase {
    @Version
    public long version;

    public Instant createdAt;

    public Instant updatedAt;
}
