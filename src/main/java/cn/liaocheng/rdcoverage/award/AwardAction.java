package cn.liaocheng.rdcoverage.award;

import cn.liaocheng.rdcoverage.common.StateMachine;
import cn.liaocheng.rdcoverage.security.Role;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Set;

import static cn.liaocheng.rdcoverage.award.Award.AwardStatus.APPROVED;
import static cn.liaocheng.rdcoverage.award.Award.AwardStatus.CANCELLED;
import static cn.liaocheng.rdcoverage.award.Award.AwardStatus.DISBURSED;
import static cn.liaocheng.rdcoverage.award.Award.AwardStatus.PROPOSED;

/**
 * An award's life as a table (docs/domain.md section 6): finance approves a PROPOSED award and pays (DISBURSE, with
 * paidOn and voucherRef) an APPROVED one; finance or the city task force cancels one not yet paid (with a reason).
 */
@Schema(name = "AwardAction")
public enum AwardAction implements StateMachine.Action<Award.AwardStatus> {
    APPROVE(Set.of(PROPOSED), APPROVED, Role.FINANCE),
    DISBURSE(Set.of(APPROVED), DISBURSED, Role.FINANCE),
    CANCEL(Set.of(PROPOSED, APPROVED), CANCELLED, Role.FINANCE, Role.CITY_OFFICER);

    private final StateMachine.Rule<Award.AwardStatus> rule;

    AwardAction(Set<Award.AwardStatus> from, Award.AwardStatus to, Role... roles) {
        this.rule = new StateMachine.Rule<>(from, to, List.of(roles));
    }

    /** This action's row of the table. */
    public StateMachine.Rule<Award.AwardStatus> rule() {
        return rule;
    }
}
