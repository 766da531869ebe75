package cn.liaocheng.rdcoverage.security;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.RevisionType;
import org.hibernate.envers.query.AuditEntity;
import org.hibernate.envers.query.criteria.AuditCriterion;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** Reads the audit trail: each revision of an object with who, when, what kind of change and which fields changed. */
@ApplicationScoped
public class AuditHistory {
    @Inject EntityManager em;

    /** One change. {@code state} is the object after the change (before it, for a deletion). */
    @Schema(name = "AuditEntry")
    public record Entry(long revision, Instant changedAt, @Schema(nullable = true) String changedBy, @Schema(nullable = true) String role, String resource,
                        String key, String type, List<String> changed, Map<String, Object> state) {
    }

    /** A kind of audited object, how to select its revisions, and how to show its state. */
    public record Source<T>(Class<T> type, String resource, AuditCriterion criterion,
                            Function<T, String> key, Function<T, Map<String, Object>> state) {
    }

    /** The merged history of several sources (e.g. an enterprise and its yearly figures), oldest first. */
    public List<Entry> of(List<Source<?>> sources) {
        List<Entry> entries = new ArrayList<>();
        for (Source<?> source : sources) {
            collect(source, entries);
        }
        entries.sort(Comparator.comparingLong(Entry::revision).thenComparing(Entry::resource).thenComparing(Entry::key));
        return entries;
    }

    @SuppressWarnings("unchecked")
    private <T> void collect(Source<T> source, List<Entry> into) {
        List<Object[]> rows = AuditReaderFactory.get(em).createQuery()
                .forRevisionsOfEntity(source.type(), false, true)
                .add(source.criterion())
                .addOrder(AuditEntity.revisionNumber().asc())
                .getResultList();
        Map<String, Map<String, Object>> previous = new HashMap<>();
        for (Object[] row : rows) {
            T entity = (T) row[0];
            AuditRevision rev = (AuditRevision) row[1];
            RevisionType type = (RevisionType) row[2];
            String key = source.key().apply(entity);
            Map<String, Object> state = source.state().apply(entity);
            Map<String, Object> before = previous.get(key);
            List<String> changed = new ArrayList<>();
            for (Map.Entry<String, Object> e : state.entrySet()) {
                if (before == null ? e.getValue() != null : !Objects.equals(comparable(before.get(e.getKey())), comparable(e.getValue()))) {
                    changed.add(e.getKey());
                }
            }
            previous.put(key, state);
            into.add(new Entry(rev.id, Instant.ofEpochMilli(rev.changedAt), rev.subject, rev.role, source.resource(), key,
                    switch (type) {
                        case ADD -> "CREATED";
                        case MOD -> "UPDATED";
                        case DEL -> "DELETED";
                    }, type == RevisionType.DEL ? List.of() : changed, state));
        }
    }

    private static Object comparable(Object v) {
        return v instanceof java.math.BigDecimal d ? d.stripTrailingZeros() : v;
    }

    /** An ordered map that keeps nulls, for state snapshots. */
    public static Map<String, Object> state(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }
}
