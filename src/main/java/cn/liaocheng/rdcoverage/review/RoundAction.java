package cn.liaocheng.rdcoverage.review;

import cn.liaocheng.rdcoverage.common.StateMachine;
import cn.liaocheng.rdcoverage.security.Role;

import java.util.List;
import java.util.Set;

import static cn.liaocheng.rdcoverage.review.RoundStatus.CLOSED;
import static cn.liaocheng.rdcoverage.review.RoundStatus.OPEN;
import static cn.liaocheng.rdcoverage.review.RoundStatus.REVIEWING;

/**
 * A round's life as a table (docs/domain.md section 5): the city task force starts the review of an OPEN round and
 * closes a REVIEWING one; a CLOSED round takes no action.
 */
public enum RoundAction implements StateMachine.Action<RoundStatus> {
    START_REVIEW(Set.of(OPEN), REVIEWING, Role.CITY_OFFICER),
    CLOSE(Set.of(REVIEWING), CLOSED, Role.CITY_OFFICER);

    private final StateMachine.Rule<RoundStatus> rule;

    RoundAction(Set<RoundStatus> from, RoundStatus to, Role... roles) {
        this.rule = new StateMachine.Rule<>(from, to, List.of(roles));
    }

    /** This action's row of the table. */
    public StateMachine.Rule<RoundStatus> rule() {
        return rule;
    }
}
