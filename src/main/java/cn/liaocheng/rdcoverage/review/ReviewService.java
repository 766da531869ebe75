package cn.liaocheng.rdcoverage.review;

import cn.liaocheng.rdcoverage.security.Scope;
import cn.liaocheng.rdcoverage.common.FieldMessage;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import cn.liaocheng.rdcoverage.events.Changes;
import cn.liaocheng.rdcoverage.events.EventType;
import cn.liaocheng.rdcoverage.award.AwardService;
import cn.liaocheng.rdcoverage.common.ApiException;
import cn.liaocheng.rdcoverage.common.Where;
import cn.liaocheng.rdcoverage.common.ETags;
import cn.liaocheng.rdcoverage.common.PageQuery;
import cn.liaocheng.rdcoverage.common.PageResult;
import cn.liaocheng.rdcoverage.common.Problem;
import cn.liaocheng.rdcoverage.common.Sorting;
import cn.liaocheng.rdcoverage.common.StateMachine;
import cn.liaocheng.rdcoverage.capacity.CapacityMapper;
import cn.liaocheng.rdcoverage.eligibility.Capacity;
import cn.liaocheng.rdcoverage.eligibility.Criterion;
import cn.liaocheng.rdcoverage.eligibility.Result;
import cn.liaocheng.rdcoverage.enterprise.Enterprise;
import cn.liaocheng.rdcoverage.institution.Institution;
import cn.liaocheng.rdcoverage.institution.InstitutionCapacity;
import cn.liaocheng.rdcoverage.institution.InstitutionService;
import cn.liaocheng.rdcoverage.institution.InstitutionStatus;
import cn.liaocheng.rdcoverage.policy.Policies;
import cn.liaocheng.rdcoverage.review.ReviewViews.ApplicationView;
import cn.liaocheng.rdcoverage.capacity.CapacityView;
import cn.liaocheng.rdcoverage.review.ReviewViews.DecisionView;
import cn.liaocheng.rdcoverage.review.ReviewViews.EventView;
import cn.liaocheng.rdcoverage.review.ReviewViews.RoundView;
import cn.liaocheng.rdcoverage.security.Caller;
import cn.liaocheng.rdcoverage.security.Role;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** 申报及审核: rounds, applications and their transitions, and the city's recognition decision. */
@ApplicationScoped
public class ReviewService {
    @Inject cn.liaocheng.rdcoverage.coverage.CoverageLedger ledger;
    @jakarta.inject.Inject Changes changes; // the change feed (issue 16)

    static final Map<String, String> SORTABLE = Map.of("currentStatus", "a.status", "roundId", "a.roundId",
            "submittedOn", "a.submittedOn", "createdAt", "a.createdAt", "updatedAt", "a.updatedAt");

    @Inject InstitutionService institutions;
    @Inject AwardService awards;
    @Inject Policies policies;
    @Inject Caller caller;
    @Inject Scope scope;
    @Inject ObjectMapper json;
    @Inject Clock clock;

    // ---- rounds ----

    public List<RoundView> rounds() {
        return Round.<Round>listAll(Sort.descending("id")).stream().map(RoundView::of).toList();
    }

    public RoundView round(String id) {
        return RoundView.of(findRound(id));
    }

    @Transactional
    public RoundView createRound(ReviewInputs.RoundInput in) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (!in.id().equals(in.year() + "H" + in.half())) {
            errors.add(new Problem.FieldError("id", FieldMessage.of("must be year + 'H' + half (" + in.year() + "H" + in.half() + ")", "field.INVALID_VALUE.round-id", in.year() + "H" + in.half())));
        }
        if (in.closesOn().isBefore(in.opensOn())) {
            errors.add(new Problem.FieldError("closesOn", FieldMessage.of("must not be before opensOn", "field.INVALID.before", "opensOn")));
        }
        if (in.status() != null && in.status() != RoundStatus.OPEN) {
            errors.add(new Problem.FieldError("status", FieldMessage.of("a new round is OPEN; move it on with /transitions", "field.INVALID.new-round-status")));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        if (Round.findById(in.id()) != null) {
            throw ApiException.conflict("duplicate", "Round " + in.id() + " already exists").zh("detail.duplicate.round", in.id());
        }
        Round r = new Round();
        r.id = in.id();
        r.year = in.year();
        r.half = in.half();
        r.opensOn = in.opensOn();
        r.closesOn = in.closesOn();
        r.status = RoundStatus.OPEN;
        r.createdAt = Instant.now(clock);
        r.updatedAt = r.createdAt;
        r.persistAndFlush();
        return changes.recorded(EventType.ROUND_CREATED, r.id, RoundView.of(r));
    }

    @Transactional
    public RoundView transitionRound(String id, ReviewInputs.RoundTransition t, String ifMatch) {
        Round r = findRound(id);
        ETags.checkIfMatch(ifMatch, r.version);
        Predicate<RoundAction> mayTake = StateMachine.callerTakes(caller);
        StateMachine.requireRole(t.action(), mayTake);
        r.status = StateMachine.next(t.action(), r.status, mayTake, allowed -> ApiException.conflict("illegal-transition",
                t.action() + " is not allowed on a " + r.status + " round",
                Map.of("currentStatus", r.status.name(), "allowedActions", allowed))
                        .zh("detail.illegal-transition.round", t.action(), r.status));
        r.updatedAt = Instant.now(clock);
        r.persistAndFlush();
        return changes.recorded(EventType.ROUND_TRANSITIONED, r.id, RoundView.of(r));
    }

    private Round findRound(String id) {
        Round r = Round.findById(id);
        if (r == null) {
            throw ApiException.notFound("Round", id);
        }
        return r;
    }

    // ---- applications ----

    public ApplicationView get(String rawId) {
        return view(find(rawId));
    }

    /** List filters of /applications. */
    public static class Filter {
        @jakarta.ws.rs.QueryParam("roundId")
        public String roundId;
        @jakarta.ws.rs.QueryParam("status")
        @Parameter(schema = @Schema(implementation = ApplicationStatus.class))
        public String status;
        @jakarta.ws.rs.QueryParam("regionCode")
        public String regionCode;
        @jakarta.ws.rs.QueryParam("institutionId")
        public String institutionId;
        @jakarta.ws.rs.QueryParam("updatedSince")
        public String updatedSince;
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
            w.and("a.regionCode = :region", "region", f.regionCode.trim());
        }
        if (w.has(f.institutionId)) {
            w.and("a.institutionId = :inst", "inst", Where.parseId("institutionId", f.institutionId));
        }
        if (w.has(f.updatedSince)) {
            w.and("a.updatedAt >= :since", "since", cn.liaocheng.rdcoverage.common.Timestamps.parseSince("updatedSince", f.updatedSince));
        }
        List<Application> rows = Application.<Application>find("from Application a" + w.clause() + " order by "
                + Sorting.orderBy(paging.sort, SORTABLE, "a.id"), w.params()).page(Page.of(paging.page, paging.size)).list();
        return new PageResult<>(rows.stream().map(this::view).toList(), paging.page, paging.size,
                Application.count("from Application a" + w.clause(), w.params()));
    }

    @Transactional
    public ApplicationView create(ReviewInputs.ApplicationInput in) {
        Institution inst = institutions.find(in.institutionId());
        // a county officer organises 申报 for the enterprises of its region (recorded as its own act in the timeline)
        if (!scope.appliesFor(inst.participants)) {
            if (caller.scopedToEnterprise()) {
                throw ApiException.forbidden("An enterprise applies only for institutions it takes part in");
            }
            Enterprise leadParticipant = Enterprise.findById(inst.participants.get(0));
            throw ApiException.forbidden("A county officer of " + caller.regionCode() + " applies only for institutions "
                    + "whose lead participant is in its region; this one's county is "
                    + (leadParticipant == null ? "unknown" : leadParticipant.regionCode));
        }
        Round round = Round.findById(in.roundId());
        if (round == null) {
            throw ApiException.invalid("roundId", FieldMessage.of("round " + in.roundId() + " does not exist", "field.NOT_FOUND.round", in.roundId()));
        }
        if (round.status != RoundStatus.OPEN) {
            throw ApiException.conflict("round-not-open", "Round " + round.id + " is " + round.status + "; applications are made while it is OPEN")
                    .zh("detail.round-not-open.make", round.id, round.status);
        }
        checkCalendar(round, LocalDate.now(clock), "made");
        if (inst.status != InstitutionStatus.DECLARED) {
            String hint = inst.status == InstitutionStatus.REVOKED
                    ? " (revoked on " + inst.revokedOn + "). A revoked institution is never recognised again: declare a new "
                      + "institution (POST /api/v1/institutions) and apply for that one"
                    : " (recognised on " + inst.recognizedOn + "); it needs no further application";
            throw ApiException.conflict("institution-" + inst.status.name().toLowerCase(Locale.ROOT),
                    "Institution " + inst.id + " is already " + inst.status + hint,
                    Map.of("institutionStatus", inst.status.name()))
                            .zh("detail.institution-status.apply", inst.id, inst.status);
        }
        if (Application.count("roundId = ?1 and liveInstitutionId = ?2", round.id, inst.id) > 0) {
            throw ApiException.conflict("duplicate-application", "Institution " + inst.id + " already has a live application in round " + round.id)
                    .zh("detail.duplicate-application", inst.id, round.id);
        }
        Enterprise lead = Enterprise.findById(inst.participants.get(0));
        Application a = new Application();
        a.institutionId = inst.id;
        a.roundId = round.id;
        a.regionCode = lead.regionCode;
        a.status = ApplicationStatus.DRAFT;
        a.liveInstitutionId = inst.id;
        a.createdAt = Instant.now(clock);
        a.updatedAt = a.createdAt;
        a.events.add(event(null, null, ApplicationStatus.DRAFT, "CREATE", null, null, null));
        a.persistAndFlush();
        return changes.recorded(EventType.APPLICATION_TRANSITIONED, a.id, view(a));
    }

    @Transactional
    public ApplicationView transition(String rawId, ReviewInputs.Transition t, String ifMatch) {
        Application a = find(rawId);
        ETags.checkIfMatch(ifMatch, a.version);
        ApplicationAction action = t.action();
        Predicate<ApplicationAction> mayTake = callerTakes(a);
        StateMachine.requireRole(action, mayTake);
        if (!scope.actsFor(a.regionCode)) {
            throw ApiException.forbidden("Application " + a.id + " is reviewed by the county of its lead participant ("
                    + a.regionCode + "); the county of another participant reads it but does not act on it");
        }
        ApplicationStatus to = StateMachine.next(action, a.status, mayTake, allowed -> ApiException.conflict("illegal-transition",
                action + " is not allowed on a " + a.status + " application",
                Map.of("currentStatus", a.status.name(), "allowedActions", allowed,
                        "allowedActionsAnyRole", ApplicationAction.allowedFrom(a.status)))
                                .zh("detail.illegal-transition.application", action, a.status));
        Institution inst = Institution.findById(a.institutionId);
        LocalDate today = LocalDate.now(clock);
        LocalDate decided = decisionDate(a, action, t, today);
        List<AwardService.Note> notes = null;
        switch (action) {
            case SUBMIT -> {
                Round round = Round.findById(a.roundId);
                if (round.status != RoundStatus.OPEN) {
                    throw ApiException.conflict("round-not-open", "Round " + round.id + " is " + round.status
                            + "; applications can be submitted only while it is OPEN")
                                    .zh("detail.round-not-open.submit", round.id, round.status);
                }
                checkCalendar(round, today, "submitted");
                institutions.requireConsents(inst);
                snapshotCapacity(a, inst, round.year, today);
                materials.requireForSubmission(a.id, inst.buildMode, today);
                a.submittedOn = today;
            }
            case RECOGNIZE -> notes = recognize(a, inst, t, decided);
            case REJECT -> {
                if (t.decidedOn() != null) {
                    a.decidedOn = decided;
                }
            }
            default -> {
            }
        }
        ApplicationStatus from = a.status;
        a.status = to;
        if (to.isFinal()) {
            a.liveInstitutionId = null;
        }
        a.updatedAt = Instant.now(clock);
        String reason = action == ApplicationAction.RECOGNIZE && Boolean.TRUE.equals(a.overrideApplied) ? a.overrideReason : null;
        if (t.decidedOn() != null) {
            String dated = "decided on " + decided + (t.reason() == null || t.reason().isBlank() ? "" : ": " + t.reason().trim());
            reason = reason == null ? dated : reason + "; " + dated;
        }
        a.events.add(event(action.name(), from, to, action.name(), t.comment(),
                action == ApplicationAction.RECOGNIZE ? a.overrideApplied : null, reason));
        a.persistAndFlush();
        ApplicationView view = changes.recorded(EventType.APPLICATION_TRANSITIONED, a.id, view(a));
        return notes == null ? view : view.withNotes(notes);
    }

    @Inject cn.liaocheng.rdcoverage.common.RdConfig rd;

    /**
     * The date of a RECOGNIZE or REJECT: {@code decidedOn} when the city gives it (not after today, not before the
     * round opened; a reason when it lies more than {@code rd.decisions.reason-after-days} back), else today.
     */
    private LocalDate decisionDate(Application a, ApplicationAction action, ReviewInputs.Transition t, LocalDate today) {
        if (t.decidedOn() == null) {
            return today;
        }
        if (action != ApplicationAction.RECOGNIZE && action != ApplicationAction.REJECT) {
            throw ApiException.invalid("decidedOn", FieldMessage.of("applies only to RECOGNIZE and REJECT (the city's decisions)", "field.INVALID.decided-on"));
        }
        if (t.decidedOn().isAfter(today)) {
            throw ApiException.invalid("decidedOn", FieldMessage.of("must not be after today (" + today + ")", "field.IN_FUTURE.today", today));
        }
        Round round = Round.findById(a.roundId);
        if (t.decidedOn().isBefore(round.opensOn)) {
            throw ApiException.invalid("decidedOn", FieldMessage.of("must not be before round " + round.id + " opened (" + round.opensOn + ")", "field.INVALID.before-round", round.id, round.opensOn));
        }
        long back = java.time.temporal.ChronoUnit.DAYS.between(t.decidedOn(), today);
        if (back > rd.decisions().reasonAfterDays() && (t.reason() == null || t.reason().isBlank())) {
            throw ApiException.invalid("reason", "is required when decidedOn lies more than " + rd.decisions().reasonAfterDays()
                    + " days back (" + t.decidedOn() + " is " + back + " days before today); it is kept in the audit trail");
        }
        return t.decidedOn();
    }

    /** Applications are made and submitted within the round's calendar, opensOn to closesOn inclusive. */
    private static void checkCalendar(Round round, LocalDate today, String what) {
        if (today.isBefore(round.opensOn)) {
            throw ApiException.conflict("round-not-yet-open", "Round " + round.id + " opens on " + round.opensOn
                    + "; applications are " + what + " from then until " + round.closesOn,
                    Map.of("opensOn", round.opensOn.toString(), "closesOn", round.closesOn.toString()))
                            .zh("detail.round-not-yet-open", round.id, round.opensOn, round.closesOn);
        }
        if (today.isAfter(round.closesOn)) {
            throw ApiException.conflict("round-closed-for-applications", "Round " + round.id + " closed for applications on "
                    + round.closesOn + "; apply in the next round",
                    Map.of("opensOn", round.opensOn.toString(), "closesOn", round.closesOn.toString()))
                            .zh("detail.round-closed-for-applications", round.id, round.closesOn);
        }
    }

    /**
     * The declared capacity at submission: the institution's year of the round, else its latest earlier year. None is
     * a 422 unless the capacity does not apply to the institution under the policy in force on {@code today}: an
     * INDUSTRY institution while {@code interpretations.industryCapacityRequired} is false.
     */
    private void snapshotCapacity(Application a, Institution inst, int roundYear, LocalDate today) {
        InstitutionCapacity c = InstitutionCapacity.<InstitutionCapacity>find(
                "institutionId = ?1 and year <= ?2 order by year desc", inst.id, roundYear).firstResult();
        if (c == null) {
            if (policies.inForce(today).interpretations().capacityApplies(inst.buildMode)) {
                throw ApiException.unprocessable("capacity-missing", "Institution " + inst.id
                        + " has declared no capacity for " + roundYear + " or earlier; declare it before submitting",
                        Map.of("institutionId", inst.id.toString())).zh("detail.capacity-missing", inst.id, roundYear);
            }
            return;
        }
        a.capacityYear = c.year;
        a.capacity = CapacityMapper.copy(c.capacity);
    }

    /**
     * Evaluates eligibility on the verified capacity of the latest concluded on-site inspection (else the capacity
     * declared at submission) with the policy in force today, keeps the result with the decision, and needs an
     * explicit override with a reason when the institution does not qualify.
     */
    private List<AwardService.Note> recognize(Application a, Institution inst, ReviewInputs.Transition t, LocalDate today) {
        Inspection open = Inspection.<Inspection>find("applicationId = ?1 and kind = ?2 and status = ?3 order by createdAt",
                a.id, Inspection.InspectionKind.ON_SITE, Inspection.InspectionStatus.ASSIGNED).firstResult();
        if (open != null) {
            throw ApiException.conflict("inspection-open", "On-site inspection " + open.id + " (assessor " + open.assessorId
                    + ") is still open; recognise after it is concluded, or cancel it first (POST /api/v1/inspections/"
                    + open.id + "/cancellation)", Map.of("inspectionId", open.id.toString(), "assessorId", open.assessorId))
                            .zh("detail.inspection-open", open.id, open.assessorId);
        }
        Inspection onSite = Inspection.<Inspection>find("applicationId = ?1 and kind = ?2 and status = ?3 and capacity.personnel is not null "
                        + "order by conductedOn desc, updatedAt desc", a.id, Inspection.InspectionKind.ON_SITE, Inspection.InspectionStatus.CONCLUDED)
                .firstResult();
        Capacity capacity;
        String source;
        if (onSite != null) {
            capacity = CapacityMapper.facts(onSite.capacity);
            source = "ON_SITE_INSPECTION " + onSite.id;
        } else {
            capacity = CapacityMapper.facts(a.capacity);
            source = "DECLARED";
        }
        Result result = institutions.evaluate(inst, today, capacity);
        boolean override = Boolean.TRUE.equals(t.override());
        if (!result.qualified()) {
            if (!override) {
                List<Map<String, Object>> unmet = new ArrayList<>();
                for (Criterion c : result.unmet()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("code", c.code());
                    m.put("participant", c.participant());
                    m.put("required", c.required());
                    m.put("actual", c.actual());
                    unmet.add(m);
                }
                throw ApiException.unprocessable("not-qualified", "The institution does not meet the construction standard on "
                        + today + " (" + source + "); recognising it needs override: true and a reason",
                        Map.of("unmetCriteria", unmet, "capacitySource", source, "policyId", result.policyId()))
                                .zh("detail.not-qualified", today, source);
            }
            if (t.reason() == null || t.reason().isBlank()) {
                throw ApiException.invalid("reason", FieldMessage.of("is required when recognising with an override", "field.REQUIRED.override-reason"));
            }
        }
        a.decidedOn = today;
        a.decisionPolicyId = result.policyId();
        a.decisionCapacitySource = source;
        a.overrideApplied = !result.qualified() && override;
        a.overrideReason = a.overrideApplied ? t.reason().trim() : null;
        try {
            a.decisionResult = json.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        policies.lock(result.policyId());
        if (inst.status != InstitutionStatus.RECOGNIZED) {
            inst.status = InstitutionStatus.RECOGNIZED;
            inst.recognizedOn = today;
            inst.updatedAt = Instant.now(clock);
            ledger.refresh(inst.participants);
            changes.record(EventType.INSTITUTION_RECOGNIZED, inst.id, () -> institutions.get(inst.id.toString()));
        }
        return awards.proposeOnRecognition(inst.id, a.id, result, today, a.overrideApplied);
    }

    private Application.Event event(String action, ApplicationStatus from, ApplicationStatus to, String name,
                                    String comment, Boolean override, String reason) {
        Application.Event e = new Application.Event();
        e.action = action == null ? name : action;
        e.fromStatus = from == null ? null : from.name();
        e.toStatus = to.name();
        e.actor = caller.subject();
        Role role = caller.role();
        e.actorRole = role == null ? null : role.name();
        e.comment = comment == null || comment.isBlank() ? null : comment.trim();
        e.overrideApplied = override;
        e.reason = reason;
        e.at = Instant.now(clock);
        return e;
    }

    @Inject cn.liaocheng.rdcoverage.security.AuditHistory audit;

    /** Every recorded change of the application and of its inspections, oldest first. */
    public List<cn.liaocheng.rdcoverage.security.AuditHistory.Entry> history(String rawId) {
        Application app = find(rawId);
        return audit.of(List.of(
                new cn.liaocheng.rdcoverage.security.AuditHistory.Source<>(Application.class, "application", org.hibernate.envers.query.AuditEntity.id().eq(app.id),
                        a -> a.id.toString(), a -> cn.liaocheng.rdcoverage.security.AuditHistory.state("status", a.status, "roundId", a.roundId,
                                "submittedOn", a.submittedOn, "decidedOn", a.decidedOn, "decisionPolicyId", a.decisionPolicyId,
                                "override", a.overrideApplied, "overrideReason", a.overrideReason)),
                new cn.liaocheng.rdcoverage.security.AuditHistory.Source<>(Inspection.class, "inspection",
                        org.hibernate.envers.query.AuditEntity.property("applicationId").eq(app.id), i -> i.id.toString(),
                        i -> cn.liaocheng.rdcoverage.security.AuditHistory.state("kind", i.kind, "assessorId", i.assessorId, "status", i.status,
                                "conductedOn", i.conductedOn, "personnel", i.capacity == null ? null : i.capacity.personnel, "conclusion", i.conclusion))));
    }

    @Inject cn.liaocheng.rdcoverage.review.material.AttachmentService materials;

    /** The application when the caller's scope covers it, else 404 (the same rule as every application read). */
    public Application visibleApplication(String rawId) {
        return find(rawId);
    }

    Application find(String rawId) {
        UUID id = Where.idOr404("Application", rawId);
        Application a = Application.findById(id);
        if (a == null || !visible(a)) {
            throw ApiException.notFound("Application", rawId);
        }
        return a;
    }

    /** {@link cn.liaocheng.rdcoverage.security.Scope#application}: the reviewing county, the institution's scope, the assigned assessors. */
    boolean visible(Application a) {
        Institution i = Institution.findById(a.institutionId);
        return scope.application(a.regionCode, i == null ? List.of() : i.participants,
                () -> Inspection.count("applicationId = ?1 and assessorId = ?2", a.id, caller.assessorId()) > 0);
    }

    /**
     * Whether one of the caller's roles takes an action on this application: the table's roles, and the city's SUBMIT
     * for an INDUSTRY (产业共建) institution ({@link ApplicationAction#roles}).
     */
    private Predicate<ApplicationAction> callerTakes(Application a) {
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
