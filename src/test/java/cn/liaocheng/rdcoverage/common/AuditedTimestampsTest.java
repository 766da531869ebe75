package cn.liaocheng.rdcoverage.common;

import cn.liaocheng.rdcoverage.common.db.VersionedEntity;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.metamodel.EntityType;
import org.hibernate.envers.AuditOverride;
import org.hibernate.envers.Audited;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Envers audits the properties of {@link VersionedEntity} (a mapped superclass that is not itself {@code @Audited}) only
 * where the audited entity says {@code @AuditOverride(forClass = VersionedEntity.class)}; without it, the history of
 * that entity would silently lose {@code created_at} and {@code updated_at} (its {@code _aud} table keeps the columns,
 * Envers would write null). This test lists every audited entity of the persistence unit that extends it.
 */
@QuarkusTest
class AuditedTimestampsTest {
    @Inject
    EntityManager em;

    @Test
    void everyAuditedVersionedEntityAuditsItsTimestamps() {
        List<String> audited = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (EntityType<?> type : em.getMetamodel().getEntities()) {
            Class<?> java = type.getJavaType();
            if (!java.isAnnotationPresent(Audited.class) || !VersionedEntity.class.isAssignableFrom(java)) {
                continue;
            }
            audited.add(java.getSimpleName());
            boolean overridden = Arrays.stream(java.getAnnotationsByType(AuditOverride.class))
                    .anyMatch(o -> o.forClass() == VersionedEntity.class);
            if (!overridden) {
                missing.add(java.getSimpleName());
            }
        }
        assertTrue(audited.size() >= 8, "audited entities extending VersionedEntity: " + audited);
        assertEquals(List.of(), missing, "@AuditOverride(forClass = VersionedEntity.class) missing on");
    }
}
