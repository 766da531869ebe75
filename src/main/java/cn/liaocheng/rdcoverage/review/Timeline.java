package cn.liaocheng.rdcoverage.review;

import cn.liaocheng.rdcoverage.common.ApiException;
import cn.liaocheng.rdcoverage.common.FieldMessage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The dated steps of an application, so that a later step is never dated before an earlier one: a decision
 * ({@code decidedOn}) not before the submission, the county's and the city's steps or a concluded inspection, an
 * inspection ({@code conductedOn}) not before the step that opened the assessment. A step's date is its timeline
 * entry's instant in the service's zone (Asia/Shanghai); the submission is dated {@code submittedOn}.
 */
final class Timeline {
    private Timeline() {
    }

    /** One step: what it was (an action such as SUBMIT, or "inspection {id}") and its date. */
    record Step(String what, LocalDate on) {
        /** The later of this and the other step; of two on one day the other (the one recorded later). */
        Step later(String otherWhat, LocalDate otherOn) {
            return otherOn != null && !otherOn.isBefore(on) ? new Step(otherWhat, otherOn) : this;
        }
    }

    /**
     * The latest step of {@code a}'s timeline recorded up to {@code until} (every step when null), with its submission;
     * the application's creation at the least.
     */
    static Step latest(Application a, Instant until, ZoneId zone) {
        Step latest = new Step("CREATE", LocalDate.ofInstant(a.createdAt, zone));
        for (Application.Event e : a.events) {
            if (until == null || !e.at.isAfter(until)) {
                latest = latest.later(e.action, LocalDate.ofInstant(e.at, zone));
            }
        }
        return a.submittedOn != null && a.submittedOn.isAfter(latest.on()) ? new Step("SUBMIT", a.submittedOn) : latest;
    }

    /** 400 naming {@code field} when {@code date} lies before {@code step} (zh and en messages). */
    static void requireNotBefore(String field, LocalDate date, Step step) {
        if (date.isBefore(step.on())) {
            throw ApiException.invalid(field, FieldMessage.of("must not be before the application's earlier step " + step.what()
                    + " on " + step.on(), "field.INVALID.before-step", step.what(), step.on()));
        }
    }
}
