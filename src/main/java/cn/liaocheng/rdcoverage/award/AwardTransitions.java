package cn.liaocheng.rdcoverage.award;

import cn.liaocheng.rdcoverage.common.ApiException;
import cn.liaocheng.rdcoverage.common.ETags;
import cn.liaocheng.rdcoverage.common.FieldMessage;
import cn.liaocheng.rdcoverage.common.Problem;
import cn.liaocheng.rdcoverage.common.StateMachine;
import cn.liaocheng.rdcoverage.events.Changes;
import cn.liaocheng.rdcoverage.events.EventType;
import cn.liaocheng.rdcoverage.institution.Institution;
import cn.liaocheng.rdcoverage.institution.InstitutionStatus;
import cn.liaocheng.rdcoverage.institution.RevokedAwards;
import cn.liaocheng.rdcoverage.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * An award moved along {@link AwardAction}'s table: who may act (403), from which status (409 listing the caller's
 * allowed actions), and what each action records: APPROVE the approval date (today, not before proposedOn), DISBURSE
 * the payment date (not in the future, not before approvedOn: 400 naming the field) and voucher reference (at most
 * 100 characters), CANCEL the reason (its award key is freed). An award of a revoked institution is neither approved
 * nor paid (409 {@code institution-revoked}); the revocation itself cancels the unpaid ones ({@link #cancelUnpaid}).
 */
@ApplicationScoped
public class AwardTransitions implements RevokedAwards {
    @Inject AwardService awards;

    @Inject
    Changes changes; // the change feed (issue 16)

    @Inject Caller caller;
    @Inject Clock clock;

    /** One transition of an award: the action and what it needs (paidOn and voucherRef, or a reason). */
    @Schema(name = "AwardTransition")
    public record TransitionRequest(@org.eclipse.microprofile.openapi.annotations.media.Schema(required = true) AwardAction action, LocalDate paidOn, String voucherRef, String reason, String comment) {
    }

    @Transactional
    public AwardView transition(String rawId, TransitionRequest request) {
        return transition(rawId, request, null);
    }

    /** The transition when the award is still at the version {@code ifMatch} names (412 otherwise; null: any). */
    @Transactional
    public AwardView transition(String rawId, TransitionRequest request, String ifMatch) {
        if (request == null || request.action() == null) {
            String actions = String.join(", ", Arrays.stream(AwardAction.values()).map(Enum::name).toList());
            throw ApiException.invalid("action", FieldMessage.of("is required: one of " + actions, "field.REQUIRED.one-of", actions));
        }
        Award a = awards.find(rawId);
        ETags.checkIfMatch(ifMatch, a.version);
        Predicate<AwardAction> mayTake = StateMachine.callerTakes(caller);
        StateMachine.requireRole(request.action(), mayTake);
        Award.AwardStatus to = StateMachine.next(request.action(), a.status, mayTake, allowed -> ApiException.conflict(
                "illegal-transition", request.action() + " is not allowed on a " + a.status + " award",
                Map.of("currentStatus", a.status.name(), "allowedActions", allowed))
                        .zh("detail.illegal-transition.award", request.action(), a.status));
        LocalDate today = LocalDate.now(clock);
        if (request.action() != AwardAction.CANCEL) {
            refuseIfRevoked(a, request.action());
        }
        switch (request.action()) {
            case APPROVE -> approve(a, today);
            case DISBURSE -> disburse(a, request, today);
            case CANCEL -> cancel(a, request, today);
        }
        return moved(a, to);
    }

    /** The award in its new status, stored, with its feed event ({@code award.<status>}). */
    private AwardView moved(Award a, Award.AwardStatus to) {
        a.status = to;
        a.updatedAt = Instant.now(clock);
        a.persistAndFlush();
        return changes.recorded(EventType.valueOf("AWARD_" + a.status.name()), a.id, AwardView.of(a));
    }

    /** 409 {@code institution-revoked} when the award's institution was revoked: it is neither approved nor paid. */
    private static void refuseIfRevoked(Award a, AwardAction action) {
        Institution inst = a.institutionId == null ? null : Institution.findById(a.institutionId);
        if (inst != null && inst.status == InstitutionStatus.REVOKED) {
            throw ApiException.conflict("institution-revoked", "Award " + a.id + " is of institution " + inst.id
                    + ", revoked on " + inst.revokedOn + " (" + inst.revocationReason + "); " + action + " is refused: "
                    + "the revocation cancels the awards not yet paid", Map.of("institutionId", inst.id.toString(),
                            "revokedOn", inst.revokedOn.toString()))
                    .zh("detail.institution-revoked.award", a.id, inst.id, inst.revokedOn, inst.revocationReason, action);
        }
    }

    /** The approval, dated today: not before the proposal (400 naming approvedOn, e.g. after a clock correction). */
    private static void approve(Award a, LocalDate today) {
        if (a.proposedOn != null && today.isBefore(a.proposedOn)) {
            throw ApiException.invalid("approvedOn", FieldMessage.of("must not be before proposedOn (" + a.proposedOn + ")",
                    "field.INVALID.before-date", "proposedOn", a.proposedOn));
        }
        a.approvedOn = today;
    }

    /**
     * The payment: paidOn (not in the future, not before approvedOn) and voucherRef (at most 100 characters), both
     * named when missing.
     */
    private static void disburse(Award a, TransitionRequest request, LocalDate today) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (request.paidOn() == null) {
            errors.add(new Problem.FieldError("paidOn", FieldMessage.of("is required: the payment date", "field.REQUIRED.paid-on")));
        } else if (request.paidOn().isAfter(today)) {
            errors.add(new Problem.FieldError("paidOn", FieldMessage.of("must not be in the future", "field.IN_FUTURE.date")));
        } else if (a.approvedOn != null && request.paidOn().isBefore(a.approvedOn)) {
            errors.add(new Problem.FieldError("paidOn", FieldMessage.of("must not be before approvedOn (" + a.approvedOn + ")",
                    "field.INVALID.before-date", "approvedOn", a.approvedOn)));
        }
        if (request.voucherRef() == null || request.voucherRef().isBlank()) {
            errors.add(new Problem.FieldError("voucherRef", FieldMessage.of("is required: the payment voucher reference", "field.REQUIRED.voucher")));
        } else if (request.voucherRef().length() > 100) {
            errors.add(new Problem.FieldError("voucherRef", FieldMessage.of("must be at most 100 characters", "field.TOO_LONG.chars", 100, request.voucherRef().length())));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        a.disbursedOn = request.paidOn();
        a.voucherRef = request.voucherRef().trim();
    }

    /** The cancellation: a reason is required; the award key is freed so that a new proposal can take its place. */
    private static void cancel(Award a, TransitionRequest request, LocalDate today) {
        if (request.reason() == null || request.reason().isBlank()) {
            throw ApiException.invalid("reason", FieldMessage.of("is required to cancel an award", "field.REQUIRED.cancel-reason"));
        }
        cancelled(a, request.reason().trim(), today);
    }

    /** What a cancellation records: its date and reason; the award key is freed for a new proposal. */
    private static void cancelled(Award a, String reason, LocalDate today) {
        a.cancelledOn = today;
        a.cancelReason = reason;
        a.awardKey = null;
    }

    /**
     * The revocation of an institution cancels its PROPOSED and APPROVED awards (cancelledOn today, the revocation as
     * cancelReason, an {@code award.cancelled} event each; the audit trail records the city officer). DISBURSED ones
     * are not changed: the policy text says nothing of recovering paid awards (追回), so that is left to the city.
     */
    @Override
    public int cancelUnpaid(UUID institutionId, LocalDate revokedOn, String reason) {
        List<Award> unpaid = Award.<Award>list("institutionId = ?1 and status in ?2 order by id", institutionId,
                List.of(Award.AwardStatus.PROPOSED, Award.AwardStatus.APPROVED));
        LocalDate today = LocalDate.now(clock);
        for (Award a : unpaid) {
            cancelled(a, "institution " + institutionId + " revoked on " + revokedOn + ": " + reason, today);
            moved(a, Award.AwardStatus.CANCELLED);
        }
        return unpaid.size();
    }
}
