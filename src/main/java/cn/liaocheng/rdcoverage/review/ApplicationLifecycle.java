package cn.liaocheng.rdcoverage.review;

import cn.liaocheng.rdcoverage.award.AwardProposals;
import cn.liaocheng.rdcoverage.capacity.CapacityMapper;
import cn.liaocheng.rdcoverage.common.ApiException;
import cn.liaocheng.rdcoverage.common.ETags;
import cn.liaocheng.rdcoverage.common.FieldMessage;
import cn.liaocheng.rdcoverage.common.RdConfig;
import cn.liaocheng.rdcoverage.common.StateMachine;
import cn.liaocheng.rdcoverage.enterprise.Enterprise;
import cn.liaocheng.rdcoverage.events.Changes;
import cn.liaocheng.rdcoverage.events.EventType;
import cn.liaocheng.rdcoverage.institution.Institution;
import cn.liaocheng.rdcoverage.institution.InstitutionCapacity;
import cn.liaocheng.rdcoverage.institution.InstitutionService;
import cn.liaocheng.rdcoverage.institution.InstitutionStatus;
import cn.liaocheng.rdcoverage.institution.ParticipantConsents;
import cn.liaocheng.rdcoverage.policy.Policies;
import cn.liaocheng.rdcoverage.review.ReviewViews.ApplicationView;
import cn.liaocheng.rdcoverage.review.material.AttachmentService;
import cn.liaocheng.rdcoverage.security.Caller;
import cn.liaocheng.rdcoverage.security.Role;
import cn.liaocheng.rdcoverage.security.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * An application's life (申报及审核): made as DRAFT for a DECLARED institution in a round that takes applications
 * (one live application per institution and round), then moved along {@link ApplicationAction}'s table by the
 * reviewing county (the lead participant's) and the city. Owns what SUBMIT checks (the round's calendar, every
 * participant's consent, the declared capacity snapshot, the required materials), the date of a city decision
 * ({@code decidedOn}), and the timeline entry each step adds. The recognition itself is {@link RecognitionDecision}'s.
 */
@ApplicationScoped
public class ApplicationLifecycle {
    @Inject ReviewService review;
    @Inject RecognitionDecision recognition;
    @Inject InstitutionService institutions;
    @Inject ParticipantConsents consents;
    @Inject AttachmentService materials;
    @Inject Policies policies;

    @Inject
    Changes changes; // the change feed (issue 16)

    @Inject Caller caller;

    /** What the caller sees and acts for (one definition per kind). */
    @Inject Scope scope;
    @Inject RdConfig rd;
    @Inject Clock clock;

    @Transactional
    public ApplicationView create(ReviewInputs.ApplicationInput in) {
        Institution inst = institutions.find(in.institutionId());
        requireAppliesFor(inst);
        Round round = Round.findById(in.roundId());
        if (round == null) {
            throw ApiException.invalid("roundId", FieldMessage.of("round " + in.roundId() + " does not exist", "field.NOT_FOUND.round", in.roundId()));
        }
        RoundService.requireTakesApplications(round, LocalDate.now(clock), false);
        requireDeclared(inst);
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
        a.events.add(event(null, null, ApplicationStatus.DRAFT, "CREATE", null, null, null));
        a.persistAndFlush();
        return changes.recorded(EventType.APPLICATION_TRANSITIONED, a.id, review.view(a));
    }

    /** A county officer organises 申报 for the enterprises of its region (recorded as its own act in the timeline). */
    private void requireAppliesFor(Institution inst) {
        if (scope.appliesFor(inst.participants)) {
            return;
        }
        if (caller.scopedToEnterprise()) {
            throw ApiException.forbidden("An enterprise applies only for institutions it takes part in");
        }
        Enterprise leadParticipant = Enterprise.findById(inst.participants.get(0));
        throw ApiException.forbidden("A county officer of " + caller.regionCode() + " applies only for institutions "
                + "whose lead participant is in its region; this one's county is "
                + (leadParticipant == null ? "unknown" : leadParticipant.regionCode));
    }

    /** A recognised or revoked institution takes no application (409 saying what to do instead). */
    private static void requireDeclared(Institution inst) {
        if (inst.status == InstitutionStatus.DECLARED) {
            return;
        }
        String hint = inst.status == InstitutionStatus.REVOKED
                ? " (revoked on " + inst.revokedOn + "). A revoked institution is never recognised again: declare a new "
                  + "institution (POST /api/v1/institutions) and apply for that one"
                : " (recognised on " + inst.recognizedOn + "); it needs no further application";
        throw ApiException.conflict("institution-" + inst.status.name().toLowerCase(Locale.ROOT),
                "Institution " + inst.id + " is already " + inst.status + hint,
                Map.of("institutionStatus", inst.status.name()))
                        .zh("detail.institution-status.apply", inst.id, inst.status);
    }

    @Transactional
    public ApplicationView transition(String rawId, ReviewInputs.Transition t, String ifMatch) {
        Application a = review.find(rawId);
        ETags.checkIfMatch(ifMatch, a.version);
        ApplicationStatus to = next(a, t.action());
        Institution inst = Institution.findById(a.institutionId);
        LocalDate today = LocalDate.now(clock);
        LocalDate decided = decisionDate(a, t.action(), t, today);
        List<AwardProposals.Note> notes = null;
        switch (t.action()) {
            case SUBMIT -> submit(a, inst, today);
            case RECOGNIZE -> notes = recognition.recognize(a, inst, t, decided);
            case REJECT -> {
                if (t.decidedOn() != null) {
                    a.decidedOn = decided;
                }
            }
            default -> {
            }
        }
        moveTo(a, to, t, decided);
        a.persistAndFlush();
        ApplicationView view = changes.recorded(EventType.APPLICATION_TRANSITIONED, a.id, review.view(a));
        return notes == null ? view : view.withNotes(notes);
    }

    /** The status {@code action} leads to: 403 for a role or county that does not take it, 409 from a wrong status. */
    private ApplicationStatus next(Application a, ApplicationAction action) {
        Predicate<ApplicationAction> mayTake = review.callerTakes(a);
        StateMachine.requireRole(action, mayTake);
        if (!scope.actsFor(a.regionCode)) {
            throw ApiException.forbidden("Application " + a.id + " is reviewed by the county of its lead participant ("
                    + a.regionCode + "); the county of another participant reads it but does not act on it");
        }
        return StateMachine.next(action, a.status, mayTake, allowed -> ApiException.conflict("illegal-transition",
                action + " is not allowed on a " + a.status + " application",
                Map.of("currentStatus", a.status.name(), "allowedActions", allowed,
                        "allowedActionsAnyRole", ApplicationAction.allowedFrom(a.status)))
                                .zh("detail.illegal-transition.application", action, a.status));
    }

    /** SUBMIT: within the round's calendar, every participant confirmed, the capacity snapshot, the materials. */
    private void submit(Application a, Institution inst, LocalDate today) {
        Round round = Round.findById(a.roundId);
        RoundService.requireTakesApplications(round, today, true);
        consents.require(inst);
        snapshotCapacity(a, inst, round.year, today);
        materials.requireForSubmission(a.id, inst.buildMode, today);
        a.submittedOn = today;
    }

    /** The new status and its timeline entry (with the override reason and a given decision date). */
    private void moveTo(Application a, ApplicationStatus to, ReviewInputs.Transition t, LocalDate decided) {
        ApplicationAction action = t.action();
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
    }

    /**
     * The date of a RECOGNIZE or REJECT: {@code decidedOn} when the city gives it (not after today, not before the
     * round opened, nor before the application's latest step (its submission, the county's and the city's steps,
     * a concluded inspection's conductedOn); a reason when it lies more than {@code rd.decisions.reason-after-days} back), else today.
     */
    private LocalDate decisionDate(Application a, ApplicationAction action, ReviewInputs.Transition t, LocalDate today) {
        if (t.decidedOn() == null) {
            return today;
        }
        if (action != ApplicationAction.RECOGNIZE && action != ApplicationAction.REJECT) {
            throw ApiException.invalid("decidedOn", FieldMessage.of("applies only to RECOGNIZE and REJECT (the city's decisions)", "field.INVALID.decided-on"));
        }
        if (t.decidedOn().isAfter(today)) {
            throw ApiException.invalid("decidedOn", FieldMessage.afterToday(today));
        }
        Round round = Round.findById(a.roundId);
        if (t.decidedOn().isBefore(round.opensOn)) {
            throw ApiException.invalid("decidedOn", FieldMessage.of("must not be before round " + round.id + " opened (" + round.opensOn + ")", "field.INVALID.before-round", round.id, round.opensOn));
        }
        Timeline.requireNotBefore("decidedOn", t.decidedOn(), latestStep(a));
        long back = ChronoUnit.DAYS.between(t.decidedOn(), today);
        if (back > rd.decisions().reasonAfterDays() && (t.reason() == null || t.reason().isBlank())) {
            throw ApiException.invalid("reason", FieldMessage.of("is required when decidedOn lies more than " + rd.decisions().reasonAfterDays()
                    + " days back (" + t.decidedOn() + " is " + back + " days before today); it is kept in the audit trail",
                    "field.REQUIRED.late-decision", rd.decisions().reasonAfterDays(), t.decidedOn(), back));
        }
        return t.decidedOn();
    }

    /** The latest step a decision follows: the application's timeline and its concluded inspections. */
    private Timeline.Step latestStep(Application a) {
        Timeline.Step step = Timeline.latest(a, null, clock.getZone());
        for (Inspection i : Inspection.<Inspection>list("applicationId = ?1 and status = ?2", a.id, Inspection.InspectionStatus.CONCLUDED)) {
            step = step.later("inspection " + i.id, i.conductedOn);
        }
        return step;
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

    /** A timeline entry by the caller, now. */
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
}
