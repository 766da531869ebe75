package cn.liaocheng.rdcoverage.policy;

import cn.liaocheng.rdcoverage.common.FieldMessage;
import cn.liaocheng.rdcoverage.events.Changes;
import cn.liaocheng.rdcoverage.events.EventType;
import cn.liaocheng.rdcoverage.common.ApiException;
import cn.liaocheng.rdcoverage.common.Problem;
import cn.liaocheng.rdcoverage.eligibility.Policy;
import cn.liaocheng.rdcoverage.eligibility.Tier;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The policy versions, read for the date in question (OpenFisca style). Parsed documents are held in memory by
 * effective date, so that evaluating needs no database access (the what-if assessment runs on the event loop):
 * loaded at start-up, reloaded after every committed write on this instance, and re-read every
 * {@code rd.policy.refresh-every} (30 s) to pick up writes made through other instances.
 */
@ApplicationScoped
public class Policies {
    @jakarta.inject.Inject Changes changes; // the change feed (issue 16)

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Inject
    Event<PolicyChanged> changed;

    private volatile NavigableMap<LocalDate, Policy> byDate;

    /** Fired inside a transaction that wrote a policy version; the cache is reloaded once it commits. */
    public record PolicyChanged(String id) {
    }

    void loadAtStart(@Observes StartupEvent start) {
        reload();
    }

    void reloadAfterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) PolicyChanged change) {
        reload();
    }

    @Scheduled(identity = "policy-refresh", every = "${rd.policy.refresh-every:30s}", delayed = "${rd.policy.refresh-every:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            reload();
        } catch (RuntimeException e) {
            Log.warnf(e, "Could not re-read the policy versions; the ones read before stay in use");
        }
    }

    /** Reads every version afresh and swaps the map in whole; readers see the old map or the new one. */
    void reload() {
        byDate = QuarkusTransaction.requiringNew().call(this::readAll);
    }

    private NavigableMap<LocalDate, Policy> readAll() {
        NavigableMap<LocalDate, Policy> map = new TreeMap<>();
        // A criteria query, not HQL text: this runs on the start-up path, and the HQL parser (some 700 classes)
        // would be loaded there for it alone (issue #14).
        jakarta.persistence.EntityManager em = PolicyVersion.getEntityManager();
        jakarta.persistence.criteria.CriteriaQuery<PolicyVersion> all = em.getCriteriaBuilder().createQuery(PolicyVersion.class);
        all.select(all.from(PolicyVersion.class));
        for (PolicyVersion row : em.createQuery(all).getResultList()) {
            map.put(row.effectiveFrom, parse(row));
        }
        return map;
    }

    /** The version in force on {@code date}, or 422 when none was yet. */
    public Policy inForce(LocalDate date) {
        Map.Entry<LocalDate, Policy> entry = cache().floorEntry(date);
        if (entry == null) {
            LocalDate first = cache().isEmpty() ? null : cache().firstKey();
            throw ApiException.unprocessable("no-policy-in-force",
                    "No policy was in force on " + date + (first == null ? "" : "; the first took effect on " + first),
                    first == null ? Map.of("asOf", date.toString()) : Map.of("asOf", date.toString(), "firstEffectiveFrom", first.toString())).zh(first == null ? "detail.no-policy-in-force.none" : "detail.no-policy-in-force.first", date, first);
        }
        return entry.getValue();
    }

    /**
     * The version for classifying a statistical year: the one in force at the year's end, else the earliest
     * (statistical size classes predate the programme).
     */
    public Policy forStatisticalYear(int year) {
        NavigableMap<LocalDate, Policy> all = cache();
        Map.Entry<LocalDate, Policy> entry = all.floorEntry(LocalDate.of(year, 12, 31));
        return entry != null ? entry.getValue() : all.firstEntry().getValue();
    }

    public List<PolicyView> list() {
        return QuarkusTransaction.joiningExisting().call(() -> {
            List<PolicyVersion> rows = PolicyVersion.listAll(Sort.by("effectiveFrom"));
            List<PolicyView> views = new ArrayList<>(rows.size());
            for (PolicyVersion row : rows) {
                views.add(PolicyView.of(parse(row), row.locked, row.version));
            }
            return views;
        });
    }

    public PolicyView get(String id) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            PolicyVersion row = PolicyVersion.findById(id);
            if (row == null) {
                throw ApiException.notFound("Policy", id);
            }
            return PolicyView.of(parse(row), row.locked, row.version);
        });
    }

    @Inject
    cn.liaocheng.rdcoverage.security.AuditHistory audit;

    /** Every recorded change of a policy version, oldest first. */
    public List<cn.liaocheng.rdcoverage.security.AuditHistory.Entry> history(String id) {
        get(id);
        return audit.of(List.of(new cn.liaocheng.rdcoverage.security.AuditHistory.Source<>(PolicyVersion.class, "policy",
                org.hibernate.envers.query.AuditEntity.id().eq(id), p -> p.id,
                p -> cn.liaocheng.rdcoverage.security.AuditHistory.state("effectiveFrom", p.effectiveFrom, "title", p.title,
                        "locked", p.locked, "parameters", p.parameters))));
    }

    @Transactional
    public PolicyView create(Policy policy) {
        validate(policy);
        if (PolicyVersion.findById(policy.id()) != null) {
            throw ApiException.conflict("duplicate", "Policy " + policy.id() + " already exists").zh("detail.duplicate.policy", policy.id());
        }
        if (PolicyVersion.count("effectiveFrom", policy.effectiveFrom()) > 0) {
            throw ApiException.conflict("duplicate", "Another policy already takes effect on " + policy.effectiveFrom()).zh("detail.duplicate.policy-date", policy.effectiveFrom());
        }
        PolicyVersion row = new PolicyVersion();
        row.id = policy.id();
        row.createdAt = Instant.now(clock);
        write(row, policy);
        row.persist();
        changed.fire(new PolicyChanged(row.id));
        return changes.recorded(EventType.POLICY_PUBLISHED, row.id, PolicyView.of(policy, false, row.version));
    }

    @Transactional
    public PolicyView replace(String id, Policy policy, String ifMatch) {
        PolicyVersion row = PolicyVersion.findById(id);
        if (row == null) {
            throw ApiException.notFound("Policy", id);
        }
        cn.liaocheng.rdcoverage.common.ETags.checkIfMatch(ifMatch, row.version);
        if (row.locked) {
            throw ApiException.conflict("policy-locked", "Policy " + id
                    + " was used by a stored decision and cannot change; publish a new version with a later effective date").zh("detail.policy-locked", id);
        }
        if (!id.equals(policy.id())) {
            throw ApiException.invalid("id", FieldMessage.of("must equal the id in the path (" + id + ")", "field.INVALID_VALUE.path-id", id));
        }
        validate(policy);
        write(row, policy);
        row.persistAndFlush();
        changed.fire(new PolicyChanged(row.id));
        return changes.recorded(EventType.POLICY_PUBLISHED, row.id, PolicyView.of(policy, false, row.version));
    }

    /**
     * Marks a version as used by a stored decision; from then on it is read-only. A plain read first, then an
     * unversioned update only while it is unlocked: concurrent first decisions queue on the row instead of
     * failing each other's optimistic check.
     */
    @Transactional
    public void lock(String id) {
        Boolean locked = PolicyVersion.getEntityManager()
                .createQuery("select p.locked from PolicyVersion p where p.id = :id", Boolean.class)
                .setParameter("id", id).getResultStream().findFirst().orElse(Boolean.TRUE);
        if (!locked) {
            PolicyVersion.update("locked = true, updatedAt = ?2 where id = ?1 and locked = false", id, Instant.now(clock));
        }
    }

    private void write(PolicyVersion row, Policy policy) {
        row.effectiveFrom = policy.effectiveFrom();
        row.title = policy.title();
        row.updatedAt = Instant.now(clock);
        try {
            row.parameters = json.writeValueAsString(policy);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void validate(Policy p) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (p.id() == null || !p.id().matches("[a-z0-9][a-z0-9-]{1,39}")) {
            errors.add(new Problem.FieldError("id", FieldMessage.of("must be 2-40 lower-case letters, digits or dashes", "field.INVALID_FORMAT.policy-id")));
        }
        if (p.effectiveFrom() == null) {
            errors.add(new Problem.FieldError("effectiveFrom", FieldMessage.of("is required", "field.REQUIRED.plain")));
        }
        if (p.title() == null || p.title().isBlank()) {
            errors.add(new Problem.FieldError("title", FieldMessage.of("is required", "field.REQUIRED.plain")));
        }
        if (p.sizeClassification() == null) {
            errors.add(new Problem.FieldError("sizeClassification", FieldMessage.of("is required", "field.REQUIRED.plain")));
        }
        if (p.aboveDesignatedSizeRevenue() == null || p.aboveDesignatedSizeRevenue().signum() < 0) {
            errors.add(new Problem.FieldError("aboveDesignatedSizeRevenue", FieldMessage.of("is required and must be 0 or more", "field.REQUIRED.non-negative")));
        }
        if (p.interpretations() == null) {
            errors.add(new Problem.FieldError("interpretations", FieldMessage.of("is required", "field.REQUIRED.plain")));
        }
        for (Tier tier : Tier.values()) {
            if (p.standards() == null || p.standards().get(tier) == null) {
                errors.add(new Problem.FieldError("standards." + tier, FieldMessage.of("is required", "field.REQUIRED.plain")));
            }
            BigDecimal award = p.awards() == null ? null : p.awards().get(tier);
            if (award == null || award.signum() < 0) {
                errors.add(new Problem.FieldError("awards." + tier, FieldMessage.of("is required and must be 0 or more", "field.REQUIRED.non-negative")));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    private Policy parse(PolicyVersion row) {
        try {
            return json.readValue(row.parameters, Policy.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored parameters of policy " + row.id + " are unreadable", e);
        }
    }

    /** Filled at start-up (before any request is served) and only ever replaced whole, never emptied. */
    private NavigableMap<LocalDate, Policy> cache() {
        return byDate;
    }
}
