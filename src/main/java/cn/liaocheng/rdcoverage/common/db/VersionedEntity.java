package cn.liaocheng.rdcoverage.common.db;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Version;
import org.hibernate.envers.Audited;

import java.time.Instant;

/**
 * What the entities that are edited through the API share: the optimistic-lock {@code version} (the ETag and
 * {@code If-Match} of their resource; a stale one is a 412) and when the row was created and last changed (UTC,
 * {@code created_at} and {@code updated_at}, set from the service's clock by the code that writes the row; equal on
 * insert, see {@link #lastChangedWhenCreated}).
 *
 * <p>Columns take their names from the physical naming strategy ({@code createdAt} is {@code created_at}, see
 * application.properties). This class is {@code @Audited}, so that every {@code @Audited} entity extending it has
 * {@code created_at} and {@code updated_at} in its {@code _aud} table without saying so itself; {@code version} never
 * is (Envers leaves the optimistic-lock field out). An entity that is not {@code @Audited} itself stays unaudited:
 * the annotation is not inherited, Envers reads a superclass's properties only for an audited entity.
 */
@MappedSuperclass
@Audited
public abstract class VersionedEntity extends PanacheEntityBase {
    @Version
    public long version;

    public Instant createdAt;

    public Instant updatedAt;

    /**
     * A new row was last changed when it was created: on insert {@code updatedAt} is {@code createdAt}, one instant,
     * whatever else the creating code set on the way (a second read of the clock would make a new resource look
     * changed after its creation, and a sync by {@code updatedSince} see two times for one event).
     */
    @PrePersist
    void lastChangedWhenCreated() {
        if (createdAt != null) {
            updatedAt = createdAt;
        }
    }
}
