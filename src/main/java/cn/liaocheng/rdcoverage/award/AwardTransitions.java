package cn.liaocheng.rdcoverage.award;

import cn.liaocheng.rdcoverage.common.ApiException;
import cn.liaocheng.rdcoverage.common.ETags;
import cn.liaocheng.rdcoverage.common.FieldMessage;
import cn.liaocheng.rdcoverage.common.Problem;
import cn.liaocheng.rdcoverage.common.StateMachine;
import cn.liaocheng.rdcoverage.events.Changes;
import cn.liaocheng.rdcoverage.events.EventType;
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
import java.util.function.Predicate;

/**
 * An award moved along {@link AwardAction}'s table: who may act (403), from which status (409 listing the caller's
 * allowed actions), and what each action records: APPROVE the approval date, DISBURSE the payment date (not in the
 * future) and voucher reference (at most 100 characters), CANCEL the reason (its award key is freed).
 */
@ApplicationScoped
public class AwardTransitions {
    @Inject AwardService awards;

    @Inject
    Changes changes; // the change feed (issue 16)

    @Inject Caller caller;
    @Inject Clock clock;

    /** One transition of an award: the action and what it needs (paidOn and voucherRef, or a reason). */
    @Schema(name = "AwardTransition")
    public record TransitionRequest(AwardAction action, LocalDate paidOn, String voucherRef, String reason, String comment) {
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
        switch (request.action()) {
            case APPROVE -> a.approvedOn = today;
            case DISBURSE -> disburse(a, request, today);
            case CANCEL -> cancel(a, request, today);
        }
        a.status = to;
        a.updatedAt = Instant.now(clock);
        a.persistAndFlush();
        return changes.recorded(EventType.valueOf("AWARD_" + a.status.name()), a.id, AwardView.of(a));
    }

    /** The payment: paidOn (not in the future) and voucherRef (at most 100 characters), both named when missing. */
    private static void disburse(Award a, TransitionRequest request, LocalDate today) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (request.paidOn() == null) {
            errors.add(new Problem.FieldError("paidOn", FieldMessage.of("is required: the payment date", "field.REQUIRED.paid-on")));
        } else if (request.paidOn().isAfter(today)) {
            errors.add(new Problem.FieldError("paidOn", FieldMessage.of("must not be in the future", "field.IN_FUTURE.date")));
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
        a.cancelledOn = today;
        a.cancelReason = request.reason().trim();
        a.awardKey = null;
    }
}
