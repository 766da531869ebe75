/**
 * Eligibility of an R&D institution under the construction standard of 聊城市规模以上工业企业研发机构全覆盖行动方案
 * (docs/domain.md section 4): {@link cn.liaocheng.rdcoverage.eligibility.Eligibility#evaluate} is a pure function of
 * facts, a policy version and a date. Plain Java only (java.lang, java.util, java.math, java.time) and no clock;
 * EligibilityArchitectureTest enforces both. The record component names are the JSON contract.
 *
 * <p>Choices beyond docs/domain.md, all covered by tests:
 * <ul>
 * <li>Participants are identified by credit code, compared exactly; a code listed twice is one participant
 *     (the first entry wins), so it is counted, checked and awarded once.</li>
 * <li>A cooperation or service agreement without a signing date is not in force; a platform without a
 *     certification level is NONE; a missing amount in the capacity is reported as actual null and unmet.</li>
 * <li>JOINT averages are reported rounded to 0.01 (HALF_UP, no exponent) but compared exactly, so an average
 *     shown as 200000 can still be below a bound of 200,000.</li>
 * <li>INDUSTRY mode: when interpretations.industryCapacityRequired is set, each served enterprise is checked
 *     against its own column with the institution's capacity as it is (not averaged), and RULES_IN_PLACE and
 *     STABLE_FUNDING apply too; without it none of them does.</li>
 * <li>The policy version is chosen by the caller; evaluate does not compare asOf with effectiveFrom.</li>
 * </ul>
 */
package cn.liaocheng.rdcoverage.eligibility;
