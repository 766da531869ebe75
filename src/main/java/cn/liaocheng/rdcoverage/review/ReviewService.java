package cn.liaocheng.rdcoverage.review;

import cn.liaocheng.rdcoverage.region.Regions;
import cn.liaocheng.rdcoverage.award.AwardService;
import cn.liaocheng.rdcoverage.capacity.CapacityMapper;
import cn.liaocheng.rdcoverage.capacity.CapacityView;
import cn.liaocheng.rdcoverage.common.PageQuery;
import cn.liaocheng.rdcoverage.common.PageResult;
import cn.liaocheng.rdcoverage.common.Sorting;
import cn.liaocheng.rdcoverage.common.SyncFilter;
import cn.liaocheng.rdcoverage.common.StateMachine;
import cn.liaocheng.rdcoverage.common.Where;
import cn.liaocheng.rdcoverage.institution.Institution;
import cn.liaocheng.rdcoverage.review.ReviewViews.ApplicationView;
import cn.liaocheng.rdcoverage.review.ReviewViews.DecisionView;
import cn.liaocheng.rdcoverage.review.ReviewViews.EventView;
import cn.liaocheng.rdcoverage.security.AuditHistory;
import cn.liaocheng.rdcoverage.security.Caller;
import cn.liaocheng.rdcoverage.security.Scope;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.hibernate.envers.query.AuditEntity;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Applications (申报及审核) as read: one application, its history, the list in the caller's scope, and the served view
 * with the actions the caller may take. Owns who sees an application ({@link Scope#application}: the reviewing county,
 * the institution's scope, the assigned assessors; 404 outside it) and who takes an action on it ({@link #callerTakes}).
 * Making and moving applications is {@link ApplicationLifecycle}'s, the recognition {@link RecognitionDecision}'s and
 * rounds {@link RoundService}'s.
 */
@ApplicationScoped
public class ReviewService {
    static final Map<String, String> SORTABLE = Map.of("currentStatus", "a.status", "roundId", "a.roundId",
            "submittedOn", "a.submittedOn", "createdAt", "a.createdAt", "updatedAt", "a.updatedAt");

    @Inject AwardService awards;
    @Inject Caller caller;
    @Inject Regions regions;

    /** What the caller sees and acts for (one definition per kind). */
    @Inject Scope scope;
    @Inject ObjectMapper json;
    @Inject AuditHistory audit;

    public ApplicationView get(String rawId) {
        return view(find(rawId));
    }

    /** List filters of /applications. */
    public static class Filter extends SyncFilter {
        @jakarta.ws.rs.QueryParam("roundId")
        public String roundId;
        @jakarta.ws.rs.QueryParam("status")
        @Parameter(schema = @Schema(implementation = ApplicationStatus.class))
        public String status;
        @jakarta.ws.rs.QueryParam("regionCode")
        public String regionCode;
        @jakarta.ws.rs.QueryParam("institutionId")
        public String institutionId;
    }

    public PageResult<ApplicationView> list(Filter f, PageQuery paging) {
        paging.validate();
        // the reviewing county, every participant's county, the participants, the assigned assessors (Scope)
        Where w = scope.applications(new Where(), "a");
        if (w.has(f.roundId)) {
            w.and("a.roundId = :round", "round", f.roundId.trim());
        }
        if (w.has(f.status)) {
            w.and("a.status = :status", "status", Where.parseEnum(ApplicationStatus.class, "status", f.status));
        }
        if (w.has(f.regionCode)) {
            w.and("a.regionCode = :region", "region", regions.code("regionCode", f.regionCode));
        }
        if (w.has(f.institutionId)) {
            w.and("a.institutionId = :inst", "inst", Where.parseId("institutionId", f.institutionId));
        }
        w.updatedSince("a", f.updatedSince);
        return paging.of(Application.<Application>find("from Application a" + w.clause() + " order by "
                + Sorting.orderBy(paging.sort, SORTABLE, "a.id"), w.params()), this::view);
    }

    /** Every recorded change of the application and of its inspections, oldest first. */
    public List<AuditHistory.Entry> history(String rawId) {
        Application app = find(rawId);
        return audit.of(List.of(
                new AuditHistory.Source<>(Application.class, "application", AuditEntity.id().eq(app.id),
                        a -> a.id.toString(), a -> AuditHistory.state("status", a.status, "roundId", a.roundId,
                                "submittedOn", a.submittedOn, "decidedOn", a.decidedOn, "decisionPolicyId", a.decisionPolicyId,
                                "override", a.overrideApplied, "overrideReason", a.overrideReason)),
                new AuditHistory.Source<>(Inspection.class, "inspection",
                        AuditEntity.property("applicationId").eq(app.id), i -> i.id.toString(),
                        i -> AuditHistory.state("kind", i.kind, "assessorId", i.assessorId, "status", i.status,
                                "conductedOn", i.conductedOn, "personnel", i.capacity == null ? null : i.capacity.personnel, "conclusion", i.conclusion))));
    }

    /** The application when the caller's scope covers it, else 404 (the same rule as every application read). */
    public Application visibleApplication(String rawId) {
        return find(rawId);
    }

    Application find(String rawId) {
        return Where.findOr404("Application", rawId, id -> Application.findById(id), this::visible);
    }

    /** {@link Scope#application}: the reviewing county, the institution's scope, the assigned assessors. */
    boolean visible(Application a) {
        Institution i = Institution.findById(a.institutionId);
        return scope.application(a.regionCode, i == null ? List.of() : i.participants,
                () -> Inspection.count("applicationId = ?1 and assessorId = ?2", a.id, caller.assessorId()) > 0);
    }

    /**
     * Whether one of the caller's roles takes an action on this application: the table's roles, and the city's SUBMIT
     * for an INDUSTRY (产业共建) institution ({@link ApplicationAction#roles}).
     */
    Predicate<ApplicationAction> callerTakes(Application a) {
        Institution i = Institution.findById(a.institutionId);
        cn.liaocheng.rdcoverage.eligibility.BuildMode mode = i == null ? null : i.buildMode;
        return x -> x.roles(mode).stream().anyMatch(caller::is);
    }

    /**
     * The actions the caller takes on the application from its state (issue #19: not every role's actions); nothing
     * for the county of a participant other than the lead (it reads, it does not act).
     */
    List<ApplicationAction> allowedForCaller(Application a) {
        if (!scope.actsFor(a.regionCode)) {
            return List.of();
        }
        return StateMachine.allowed(ApplicationAction.class, a.status, callerTakes(a));
    }

    ApplicationView view(Application a) {
        Institution inst = Institution.findById(a.institutionId);
        CapacityView capacity = CapacityMapper.view(a.capacityYear, a.capacity);
        DecisionView decision = null;
        if (a.decidedOn != null) {
            try {
                decision = new DecisionView(a.decidedOn, a.decisionPolicyId, a.decisionCapacitySource, a.overrideApplied,
                        a.overrideReason, a.decisionResult == null ? null : json.readTree(a.decisionResult));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        List<EventView> timeline = a.events.stream().map(e -> new EventView(e.action, e.fromStatus, e.toStatus, e.actor,
                e.actorRole, e.comment, e.overrideApplied, e.reason, e.at)).toList();
        return new ApplicationView(a.id.toString(), a.institutionId.toString(), inst == null ? null : inst.name, a.roundId,
                a.regionCode, a.status, capacity, a.submittedOn, decision, timeline, allowedForCaller(a),
                a.status == ApplicationStatus.RECOGNIZED ? awards.ofApplication(a.id) : null, null,
                a.createdAt, a.updatedAt, a.version);
    }
}
