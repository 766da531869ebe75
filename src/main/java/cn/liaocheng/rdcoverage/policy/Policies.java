package cn.liaocheng.rdcoverage.policy;

import cn.liaocheng.rdcoverage.common.FieldMessage;
import cn.liaocheng.rdcoverage.events.Changes;
import cn.liaocheng.rdcoverage.events.EventType;
import cn.liaocheng.rdcoverage.common.ApiException;
import cn.liaocheng.rdcoverage.common.Problem;
import cn.liaocheng.rdcoverage.eligibility.Policy;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.agroal.api.AgroalDataSource;
import com.fasterxml.jackson.databind.JsonNode;
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

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
    @Inject ObjectMapper json;
    @Inject Clock clock;
    @Inject Event<PolicyChanged> changed;
    @Inject AgroalDataSource dataSource;

    /** Filled at start-up (before any request is served) and only ever replaced whole, never emptied. */
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

    /**
     * Every stored version by effective date, with plain JDBC: this runs on the start-up path, where a Hibernate session
     * and query (criteria or HQL) would load several hundred classes of Hibernate's query engine for it alone (issue
     * #14, start-up). The caller's requiringNew transaction keeps it off a transaction that has just committed.
     */
    private NavigableMap<LocalDate, Policy> readAll() {
        NavigableMap<LocalDate, Policy> map = new TreeMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select id, effective_from, parameters from policy")) {
            while (rs.next()) {
                map.put(rs.getObject(2, LocalDate.class), parse(rs.getString(1), rs.getString(3)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the policy versions", e);
        }
        return map;
    }

    /** The version in force on {@code date}, or 422 when none was yet. */
    public Policy inForce(LocalDate date) {
        NavigableMap<LocalDate, Policy> all = byDate;
        Map.Entry<LocalDate, Policy> entry = all.floorEntry(date);
        if (entry == null) {
            LocalDate first = all.isEmpty() ? null : all.firstKey();
            throw ApiException.unprocessable("no-policy-in-force",
                    "No policy was in force on " + date + (first == null ? "" : "; the first took effect on " + first),
                    first == null ? Map.of("asOf", date.toString()) : Map.of("asOf", date.toString(), "firstEffectiveFrom", first.toString())).zh(first == null ? "detail.no-policy-in-force.none" : "detail.no-policy-in-force.first", date, first);
        }
        return entry.getValue();
    }

    /** The version with this id from the versions in memory (what a stored result names), or null. */
    public Policy version(String id) {
        for (Policy p : byDate.values()) {
            if (p.id().equals(id)) {
                return p;
            }
        }
        return null;
    }

    /**
     * The version for classifying a statistical year: the one in force at the year's end, else the earliest
     * (statistical size classes predate the programme).
     */
    public Policy forStatisticalYear(int year) {
        NavigableMap<LocalDate, Policy> all = byDate;
        Map.Entry<LocalDate, Policy> entry = all.floorEntry(LocalDate.of(year, 12, 31));
        return entry != null ? entry.getValue() : all.firstEntry().getValue();
    }

    public List<PolicyView> list() {
        return QuarkusTransaction.joiningExisting().call(() -> {
            List<PolicyVersion> rows = PolicyVersion.listAll(Sort.by("effectiveFrom"));
            List<PolicyView> views = new ArrayList<>(rows.size());
            for (PolicyVersion row : rows) {
                views.add(PolicyView.of(parse(row.id, row.parameters), row.locked, row.version));
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
            return PolicyView.of(parse(row.id, row.parameters), row.locked, row.version);
        });
    }

    @Inject cn.liaocheng.rdcoverage.security.AuditHistory audit;

    /** Every recorded change of a policy version, oldest first. */
    public List<cn.liaocheng.rdcoverage.security.AuditHistory.Entry> history(String id) {
        get(id);
        return audit.of(List.of(new cn.liaocheng.rdcoverage.security.AuditHistory.Source<>(PolicyVersion.class, "policy",
                org.hibernate.envers.query.AuditEntity.id().eq(id), p -> p.id,
                p -> cn.liaocheng.rdcoverage.security.AuditHistory.state("effectiveFrom", p.effectiveFrom, "title", p.title,
                        "locked", p.locked, "parameters", p.parameters))));
    }

    /**
     * A policy document as sent, read with exact decimals (a float is a BigDecimal, never a double), so that the
     * amounts PolicyDocument checks are the amounts stored. Malformed JSON is the reader's exception (a 400).
     */
    public JsonNode read(String text) throws JsonProcessingException {
        return json.reader().with(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(text);
    }

    /** Publishes a new version from its document (a 400 names each missing or invalid parameter). */
    @Transactional
    public PolicyView create(JsonNode document) {
        Policy policy = validate(document);
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
    public PolicyView replace(String id, JsonNode document, String ifMatch) {
        Policy policy = validate(document); // a document that is no policy is a 400 whatever the version's state
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

    /**
     * The document as a policy: 400 naming every missing or invalid parameter and reference (PolicyDocument), and
     * naming an unknown field (the strict JSON reading); no parameter is filled in by Java.
     */
    private Policy validate(JsonNode document) {
        List<Problem.FieldError> errors = PolicyDocument.check(document);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        try {
            return json.treeToValue(document, Policy.class);
        } catch (com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException e) {
            throw ApiException.invalid(path(e), "is not a parameter of a policy document", cn.liaocheng.rdcoverage.common.FieldCodes.UNKNOWN_FIELD);
        } catch (JsonProcessingException e) {
            if (e.getCause() instanceof IllegalArgumentException invalid) {
                throw ApiException.invalid("body", FieldMessage.of(invalid.getMessage(), "field.INVALID_VALUE.policy-document",
                        invalid.getMessage()));
            }
            throw ApiException.invalid(e instanceof com.fasterxml.jackson.databind.JsonMappingException m ? path(m) : "body",
                    "has the wrong type or shape", cn.liaocheng.rdcoverage.common.FieldCodes.INVALID_TYPE);
        }
    }

    /** The dotted path of a mapping failure ({@code interpretations.bonus}), or "body". */
    private static String path(com.fasterxml.jackson.databind.JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (com.fasterxml.jackson.databind.JsonMappingException.Reference r : e.getPath()) {
            sb.append(sb.isEmpty() ? "" : ".").append(r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()));
        }
        return sb.isEmpty() ? "body" : sb.toString();
    }

    /**
     * A stored document as a policy. A version stored before parameters carried their clauses has no
     * {@code references}: it is read with none (shown as {}), never with invented ones.
     */
    private Policy parse(String id, String parameters) {
        try {
            JsonNode document = json.readTree(parameters);
            if (document instanceof com.fasterxml.jackson.databind.node.ObjectNode o && !o.has("references")) {
                o.putObject("references");
            }
            return json.treeToValue(document, Policy.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored parameters of policy " + id + " are unreadable", e);
        }
    }
}
