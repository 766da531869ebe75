package cn.liaocheng.rdcoverage.eligibility;

import java.math.BigDecimal;

/**
 * Outcome for one participant enterprise.
 *
 * @param creditCode    the participant's credit code
 * @param sizeClass     derived from its employees and revenue
 * @param standardTier  the column of the standard it was checked against; null when no capacity threshold
 *                      applies (INDUSTRY mode by default)
 * @param qualified     its own criteria and all institution-wide criteria are met (SINGLE and INDUSTRY: the
 *                      institution's outcome)
 * @param subsidyTier   the award column, null when there is no award
 * @param subsidyAmount yuan; {@code BigDecimal.ZERO} when there is no award
 * @param subsidyReason why there is no award; null when there is one
 */
public record ParticipantResult(String creditCode, SizeClass sizeClass, Tier standardTier, boolean qualified,
        Tier subsidyTier, BigDecimal subsidyAmount, SubsidyReason subsidyReason) {
}
