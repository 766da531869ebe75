package cn.liaocheng.rdcoverage.common;

import cn.liaocheng.rdcoverage.common.db.VersionedEntity;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.metamodel.EntityType;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.envers.Audited;
import org.hibernate.metamodel.MappingMetamodel;
import org.hibernate.persister.entity.EntityPersister;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every audited entity that extends {@link VersionedEntity} has {@code createdAt} and {@code updatedAt} in the
 * entity Envers maps onto its {@code _aud} table (without them, its history would silently lose {@code created_at}
 * and {@code updated_at}: the table keeps the columns, Envers would write null); {@code VersionedEntity} says so once,
 * by being {@code @Audited}. An entity extending it that is not audited gets no audit entity.
 */
@QuarkusTest
class AuditedTimestampsTest {
    @Inject
    EntityManager em;

    @Test
    void everyAuditedVersionedEntityAuditsItsTimestamps() {
        MappingMetamodel mapping = em.getEntityManagerFactory().unwrap(SessionFactoryImplementor.class).getMappingMetamodel();
        List<String> audited = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        for (EntityType<?> type : em.getMetamodel().getEntities()) {
            Class<?> java = type.getJavaType();
            if (!VersionedEntity.class.isAssignableFrom(java)) {
                continue;
            }
            EntityPersister history = mapping.findEntityDescriptor(java.getName() + "_aud");
            if (!java.isAnnotationPresent(Audited.class)) {
                if (history != null) {
                    unexpected.add(java.getSimpleName());
                }
                continue;
            }
            audited.add(java.getSimpleName());
            for (String property : List.of("createdAt", "updatedAt")) {
                if (history == null || history.findAttributeMapping(property) == null) {
                    missing.add(java.getSimpleName() + "." + property);
                }
            }
        }
        assertTrue(audited.size() >= 8, "audited entities extending VersionedEntity: " + audited);
        assertEquals(List.of(), missing, "not in the audit entity");
        assertEquals(List.of(), unexpected, "audited though not @Audited");
    }
}
