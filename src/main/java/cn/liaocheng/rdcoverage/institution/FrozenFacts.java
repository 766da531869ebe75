package cn.liaocheng.rdcoverage.institution;

import cn.liaocheng.rdcoverage.capacity.CapacityInput;
import cn.liaocheng.rdcoverage.capacity.CapacityMapper;
import cn.liaocheng.rdcoverage.common.ApiException;
import cn.liaocheng.rdcoverage.common.FieldMessage;
import cn.liaocheng.rdcoverage.common.Problem;
import cn.liaocheng.rdcoverage.enterprise.CreditCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * The facts a decision rests on (build mode, participants, declared capacity) and when they are frozen: once the
 * institution is recognised or revoked, or while an application of it is under review. A direct change of a frozen
 * fact is a 409 {@code institution-frozen} naming each field ({@code frozenFields}); the way round is a new application
 * in a round or a city officer's correction with a reason.
 */
@ApplicationScoped
public class FrozenFacts {
    @Inject Clock clock;

    /**
     * Whether what a decision rests on is frozen: the institution is recognised (or revoked), or an application of
     * it is under review (past DRAFT and not returned, withdrawn or rejected).
     */
    boolean frozen(Institution i) {
        return i.status != InstitutionStatus.DECLARED
                || Institution.count("select count(a) from Application a where a.institutionId = ?1 and a.status in "
                + "(cn.liaocheng.rdcoverage.review.ApplicationStatus.SUBMITTED, "
                + "cn.liaocheng.rdcoverage.review.ApplicationStatus.COUNTY_APPROVED, "
                + "cn.liaocheng.rdcoverage.review.ApplicationStatus.UNDER_ASSESSMENT, "
                + "cn.liaocheng.rdcoverage.review.ApplicationStatus.RECOGNIZED)", i.id) > 0;
    }

    /** The frozen fields that {@code in} would change: buildMode, participants, capacity. */
    List<String> changes(Institution i, InstitutionInput in) {
        List<String> changed = new ArrayList<>();
        if (in.buildMode() != i.buildMode) {
            changed.add("buildMode");
        }
        List<String> codes = in.participants().stream().map(CreditCode::normalise).toList();
        if (!new HashSet<>(codes).equals(new HashSet<>(i.participants)) || codes.size() != i.participants.size()) {
            changed.add("participants");
        }
        if (in.capacity() != null && capacityChanges(i, in.capacity().year() == null ? LocalDate.now(clock).getYear()
                : in.capacity().year(), in.capacity())) {
            changed.add("capacity");
        }
        return changed;
    }

    /** Whether {@code in} differs from the capacity declared for {@code year} (none declared: it does). */
    boolean capacityChanges(Institution i, int year, CapacityInput in) {
        InstitutionCapacity c = InstitutionCapacity.findById(new InstitutionYear(i.id, year));
        return c == null || !CapacityMapper.sameFigures(c.capacity, in);
    }

    /** 409 when {@code changed} is not empty and the institution is frozen. */
    void refuse(Institution i, List<String> changed) {
        if (changed.isEmpty() || !frozen(i)) {
            return;
        }
        List<Problem.FieldError> errors = changed.stream().map(f -> new Problem.FieldError(f, FieldMessage.of(
                "is frozen: a decision rests on it; change it through a new application in a round, "
                        + "or a city officer's correction with a reason (POST /api/v1/institutions/{id}/corrections)",
                "field.INVALID.frozen", i.id))).toList();
        throw new ApiException(409, "institution-frozen", "Conflict", "Institution " + i.id + " is " + i.status
                + (i.status == InstitutionStatus.DECLARED ? " and under review" : "") + "; "
                + String.join(", ", changed) + " cannot be changed directly", errors, Map.of("frozenFields", changed))
                        .zh("detail.institution-frozen", i.id, i.status, String.join(", ", changed));
    }
}
