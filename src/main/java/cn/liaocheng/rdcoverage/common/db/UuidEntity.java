package cn.liaocheng.rdcoverage.common.db;

import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import org.hibernate.annotations.UuidGenerator;

import java.util.UUID;

/**
 * A {@link VersionedEntity} identified by a UUID version 7 (RFC 9562, section 5.7: time-ordered, so new rows go to the
 * end of the primary key) that Hibernate generates on persist. Like every UUID of the model it is stored as
 * {@code varchar(36)} in its canonical text form ({@code quarkus.hibernate-orm.mapping.uuid.preferred-jdbc-type}).
 */
@MappedSuperclass
public abstract class UuidEntity extends VersionedEntity {
    @Id
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    public UUID id;
}
