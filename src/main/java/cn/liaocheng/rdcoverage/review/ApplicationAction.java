package cn.liaocheng.rdcoverage.review;

import cn.liaocheng.rdcoverage.common.StateMachine;
import cn.liaocheng.rdcoverage.eligibility.BuildMode;
import cn.liaocheng.rdcoverage.security.Role;

import java.util.List;
import java.util.Set;

import static cn.liaocheng.rdcoverage.review.ApplicationStatus.COUNTY_APPROVED;
import static cn.liaocheng.rdcoverage.review.ApplicationStatus.COUNTY_REJECTED;
import static cn.liaocheng.rdcoverage.review.ApplicationStatus.DRAFT;
import static cn.liaocheng.rdcoverage.review.ApplicationStatus.RECOGNIZED;
import static cn.liaocheng.rdcoverage.review.ApplicationStatus.REJECTED;
import static cn.liaocheng.rdcoverage.review.ApplicationStatus.RETURNED;
import static cn.liaocheng.rdcoverage.review.ApplicationStatus.SUBMITTED;
import static cn.liaocheng.rdcoverage.review.ApplicationStatus.UNDER_ASSESSMENT;
import static cn.liaocheng.rdcoverage.review.ApplicationStatus.WITHDRAWN;

/**
 * The application workflow as a table (docs/domain.md section 5): each action, the states it is taken from, the
 * state it leads to, and the roles that take it. Besides the table, the city submits for an INDUSTRY (产业共建)
 * platform's enterprises ({@link #roles(BuildMode)}).
 */
public enum ApplicationAction implements StateMachine.Action<ApplicationStatus> {
    SUBMIT(Set.of(DRAFT, RETURNED), SUBMITTED, Role.ENTERPRISE),
    WITHDRAW(Set.of(DRAFT, SUBMITTED, RETURNED, COUNTY_APPROVED), WITHDRAWN, Role.ENTERPRISE),
    COUNTY_APPROVE(Set.of(SUBMITTED), COUNTY_APPROVED, Role.COUNTY_OFFICER),
    RETURN(Set.of(SUBMITTED), RETURNED, Role.COUNTY_OFFICER),
    COUNTY_REJECT(Set.of(SUBMITTED), COUNTY_REJECTED, Role.COUNTY_OFFICER),
    START_ASSESSMENT(Set.of(COUNTY_APPROVED), UNDER_ASSESSMENT, Role.CITY_OFFICER),
    RECOGNIZE(Set.of(UNDER_ASSESSMENT), RECOGNIZED, Role.CITY_OFFICER),
    REJECT(Set.of(UNDER_ASSESSMENT), REJECTED, Role.CITY_OFFICER);

    private final StateMachine.Rule<ApplicationStatus> rule;

    ApplicationAction(Set<ApplicationStatus> from, ApplicationStatus to, Role... roles) {
        this.rule = new StateMachine.Rule<>(from, to, List.of(roles));
    }

    /** This action's row of the table. */
    public StateMachine.Rule<ApplicationStatus> rule() {
        return rule;
    }

    /** The roles that take this action on an application of an institution built in {@code mode}. */
    public List<Role> roles(BuildMode mode) {
        return this == SUBMIT && mode == BuildMode.INDUSTRY ? List.of(Role.ENTERPRISE, Role.CITY_OFFICER) : rule.roles();
    }

    @Override
    public String takenBy() {
        return StateMachine.Action.super.takenBy()
                + (this == SUBMIT ? " (or by the city for an INDUSTRY platform's enterprises)" : "");
    }

    @Override
    public String takenByChinese() {
        return StateMachine.Action.super.takenByChinese() + (this == SUBMIT ? "（产业共建（INDUSTRY）平台的企业亦可由市级提交）" : "");
    }

    /** The actions allowed from a state, whoever takes them. */
    public static List<ApplicationAction> allowedFrom(ApplicationStatus status) {
        return StateMachine.allowed(ApplicationAction.class, status, a -> true);
    }
}
