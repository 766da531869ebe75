package cn.liaocheng.rdcoverage.review;

import cn.liaocheng.rdcoverage.common.ApiException;
import cn.liaocheng.rdcoverage.common.ETags;
import cn.liaocheng.rdcoverage.common.FieldMessage;
import cn.liaocheng.rdcoverage.common.Problem;
import cn.liaocheng.rdcoverage.common.RdConfig;
import cn.liaocheng.rdcoverage.common.StateMachine;
import cn.liaocheng.rdcoverage.events.Changes;
import cn.liaocheng.rdcoverage.events.EventType;
import cn.liaocheng.rdcoverage.review.ReviewViews.RoundView;
import cn.liaocheng.rdcoverage.security.Caller;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Review rounds (申报批次, id {@code <year>H<half>}): opened by the city, moved on by {@link RoundAction} (OPEN,
 * REVIEWING, CLOSED; the 409 lists the actions allowed), and the rule of when a round takes applications: made and
 * submitted while it is OPEN and within its calendar, opensOn to closesOn inclusive (409 otherwise).
 *
 * <p>A round's calendar lies within the half-year it names: the policy organises recognition twice a year, once in
 * each half (每年上半年和下半年各组织一次申报及审核; docs/domain.md section 5), and reports per round and half count
 * a recognition in the half of its round. So opensOn and closesOn of half 1 lie from 1 January to 30 June of
 * {@code year}, of half 2 from 1 July to 31 December, widened on each side by {@code rd.rounds.days-outside-half}
 * days (default 0); closesOn is not before opensOn. A round outside is a 400 naming the field (opensOn, closesOn).
 * The dates are set at creation only: no endpoint changes them later (a transition moves the status alone).
 */
@ApplicationScoped
public class RoundService {
    @Inject Changes changes;
    @Inject Caller caller;
    @Inject Clock clock;
    @Inject RdConfig rd;

    /** Every round, latest first. */
    public List<RoundView> rounds() {
        return Round.<Round>listAll(Sort.descending("id")).stream().map(RoundView::of).toList();
    }

    public RoundView round(String id) {
        return RoundView.of(find(id));
    }

    @Transactional
    public RoundView create(ReviewInputs.RoundInput in) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (!in.id().equals(in.year() + "H" + in.half())) {
            errors.add(new Problem.FieldError("id", FieldMessage.of("must be year + 'H' + half (" + in.year() + "H" + in.half() + ")", "field.INVALID_VALUE.round-id", in.year() + "H" + in.half())));
        }
        if (in.closesOn().isBefore(in.opensOn())) {
            errors.add(new Problem.FieldError("closesOn", FieldMessage.of("must not be before opensOn", "field.INVALID.before", "opensOn")));
        }
        errors.addAll(outsideHalf(in.year(), in.half(), in.opensOn(), in.closesOn(), rd.rounds().daysOutsideHalf()));
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
        r.persistAndFlush();
        return changes.recorded(EventType.ROUND_CREATED, r.id, RoundView.of(r));
    }

    @Transactional
    public RoundView transition(String id, ReviewInputs.RoundTransition t, String ifMatch) {
        Round r = find(id);
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

    /**
     * The field errors of a calendar outside the half-year {@code year}H{@code half} (half 1: 1 January to 30 June,
     * half 2: 1 July to 31 December), widened by {@code tolerance} days on each side: one per date outside, code
     * OUT_OF_RANGE (its message's key).
     */
    static List<Problem.FieldError> outsideHalf(int year, int half, LocalDate opensOn, LocalDate closesOn, int tolerance) {
        LocalDate first = LocalDate.of(year, half == 1 ? 1 : 7, 1);
        LocalDate last = first.plusMonths(6).minusDays(1);
        LocalDate from = first.minusDays(tolerance);
        LocalDate until = last.plusDays(tolerance);
        String id = year + "H" + half;
        FieldMessage message = tolerance == 0
                ? FieldMessage.of("must lie within the half-year of round " + id + " (" + first + " to " + last + ")",
                        "field.OUT_OF_RANGE.round-half", id, first, last)
                : FieldMessage.of("must lie within the half-year of round " + id + " (" + first + " to " + last + ") or at most "
                                + tolerance + " days outside it (" + from + " to " + until + ")",
                        "field.OUT_OF_RANGE.round-half-widened", id, first, last, tolerance, from, until);
        List<Problem.FieldError> errors = new ArrayList<>();
        if (opensOn.isBefore(from) || opensOn.isAfter(until)) {
            errors.add(new Problem.FieldError("opensOn", message, message.code()));
        }
        if (closesOn.isBefore(from) || closesOn.isAfter(until)) {
            errors.add(new Problem.FieldError("closesOn", message, message.code()));
        }
        return errors;
    }

    private Round find(String id) {
        Round r = Round.findById(id);
        if (r == null) {
            throw ApiException.notFound("Round", id);
        }
        return r;
    }

    /**
     * 409 unless the round takes applications on {@code today}: OPEN, and within its calendar. {@code submission}:
     * the answer speaks of submitting an application (else of making one).
     */
    static void requireTakesApplications(Round round, LocalDate today, boolean submission) {
        if (round.status != RoundStatus.OPEN) {
            throw submission
                    ? ApiException.conflict("round-not-open", "Round " + round.id + " is " + round.status
                            + "; applications can be submitted only while it is OPEN")
                                    .zh("detail.round-not-open.submit", round.id, round.status)
                    : ApiException.conflict("round-not-open", "Round " + round.id + " is " + round.status
                            + "; applications are made while it is OPEN")
                                    .zh("detail.round-not-open.make", round.id, round.status);
        }
        String what = submission ? "submitted" : "made";
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
}
