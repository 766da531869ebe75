package cn.liaocheng.rdcoverage.eligibility;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Outcome of {@link Eligibility#evaluate(Facts, Policy, LocalDate)}. The record component names are the JSON
 * contract. {@code criteria} lists every criterion evaluated, met or not, in a stable order:
 * PARTICIPANT_COUNT, then each participant's capacity criteria in input order, then the institution-wide ones.
 */
public record Result(boolean qualified, String policyId, LocalDate asOf, BuildMode buildMode,
        List<ParticipantResult> participants, List<Criterion> criteria) {

    public Result {
        participants = Checks.listOf(participants, "participants");
        criteria = Checks.listOf(criteria, "criteria");
    }

    /** The criteria that are not met, in the order of {@link #criteria()}. */
    public List<Criterion> unmet() {
        List<Criterion> unmet = new ArrayList<>();
        for (int i = 0; i < criteria.size(); i++) {
            Criterion c = criteria.get(i);
            if (!c.met()) {
                unmet.add(c);
            }
        }
        return unmet;
    }
}
