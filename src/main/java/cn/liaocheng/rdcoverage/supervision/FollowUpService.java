package cn.liaocheng.rdcoverage.supervision;

import cn.liaocheng.rdcoverage.security.Scope;
import cn.liaocheng.rdcoverage.common.FieldMessage;
import cn.liaocheng.rdcoverage.common.ApiException;
import cn.liaocheng.rdcoverage.common.Where;
import cn.liaocheng.rdcoverage.common.PageQuery;
import cn.liaocheng.rdcoverage.common.PageResult;
import cn.liaocheng.rdcoverage.common.Problem;
import cn.liaocheng.rdcoverage.enterprise.CreditCode;
import cn.liaocheng.rdcoverage.enterprise.Enterprise;
import cn.liaocheng.rdcoverage.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Follow-ups on the work list: a county officer (its region) or a supervisor (its groups' regions) records each visit;
 * the latest one per enterprise is kept in {@link FollowUpLatest} for the work list.
 */
@ApplicationScoped
public class FollowUpService {
    @Inject Caller caller;
    @Inject Scope scope;
    @Inject Clock clock;
    @Inject cn.liaocheng.rdcoverage.events.Changes changes; // the change feed (issue 16)

    public PageResult<FollowUpView> list(String rawCode, PageQuery paging) {
        paging.validate();
        Enterprise e = enterprise(rawCode, false);
        return paging.of(FollowUp.<FollowUp>find("creditCode = ?1 order by visitedOn desc, createdAt desc, id desc", e.creditCode),
                FollowUpService::view);
    }

    public FollowUpView get(String rawCode, String rawId) {
        Enterprise e = enterprise(rawCode, false);
        return view(Where.findOr404("Follow-up", rawId, id -> FollowUp.findById(id),
                f -> f.creditCode.equals(e.creditCode)));
    }

    @Transactional
    public FollowUpView record(String rawCode, FollowUpInput in) {
        // the enterprise row is locked so that two visits recorded at once keep follow_up_latest consistent
        Enterprise e = enterprise(rawCode, true);
        checkDates(in);
        FollowUp f = new FollowUp();
        f.creditCode = e.creditCode;
        f.visitedOn = in.visitedOn();
        f.visitedBy = in.by().trim();
        f.plannedBuildMode = in.plannedBuildMode();
        f.expectedBy = in.expectedBy();
        f.obstacles = in.obstacles() == null || in.obstacles().isEmpty() ? null
                : String.join(",", new LinkedHashSet<>(in.obstacles()).stream().map(Enum::name).toList());
        f.note = in.note() == null || in.note().isBlank() ? null : in.note().strip();
        f.recordedBy = caller.subject();
        f.recorderRole = caller.role() == null ? "UNKNOWN" : caller.role().name();
        f.createdAt = Instant.now(clock);
        f.persist();
        FollowUpLatest latest = FollowUpLatest.findById(e.creditCode);
        if (latest == null) {
            latest = new FollowUpLatest();
            latest.creditCode = e.creditCode;
            apply(latest, f);
            latest.persist();
        } else if (!f.visitedOn.isBefore(latest.visitedOn)) {
            apply(latest, f);
        }
        FollowUp.flush();
        return changes.recorded(cn.liaocheng.rdcoverage.events.EventType.FOLLOW_UP_RECORDED, f.id, view(f));
    }

    /** A visit is not in the future, and the expected date is not before the visit: a 400 naming each field otherwise. */
    private void checkDates(FollowUpInput in) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (in.visitedOn().isAfter(LocalDate.now(clock))) {
            errors.add(new Problem.FieldError("visitedOn", FieldMessage.of("must not be in the future", "field.IN_FUTURE.date")));
        }
        if (in.expectedBy() != null && in.expectedBy().isBefore(in.visitedOn())) {
            errors.add(new Problem.FieldError("expectedBy", FieldMessage.of("must not be before visitedOn", "field.INVALID.before", "visitedOn")));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    private static void apply(FollowUpLatest latest, FollowUp f) {
        latest.followUpId = f.id;
        latest.visitedOn = f.visitedOn;
        latest.plannedBuildMode = f.plannedBuildMode;
        latest.expectedBy = f.expectedBy;
    }

    private Enterprise enterprise(String rawCode, boolean lock) {
        String code = CreditCode.normalise(rawCode);
        FieldMessage problem = CreditCode.problem(code);
        if (problem != null) {
            throw ApiException.invalid("creditCode", problem);
        }
        if (lock) {
            Enterprise.lockForUpdate(code);
        }
        Enterprise e = Enterprise.findById(code);
        if (e == null || !scope.enterprise(e.creditCode, e.regionCode)) {
            throw ApiException.notFound("Enterprise", code);
        }
        return e;
    }

    static FollowUpView view(FollowUp f) {
        return new FollowUpView(f.id.toString(), f.creditCode, f.visitedOn, f.visitedBy, f.plannedBuildMode, f.expectedBy,
                f.obstacles == null ? List.of() : Arrays.stream(f.obstacles.split(",")).map(Obstacle::valueOf).toList(),
                f.note, f.recordedBy, f.recorderRole, f.createdAt);
    }
}
