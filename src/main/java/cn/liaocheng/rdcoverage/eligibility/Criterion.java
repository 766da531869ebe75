package cn.liaocheng.rdcoverage.eligibility;

/**
 * One evaluated criterion, met or not, so that a portal can show exactly what is lacking (自评).
 *
 * @param code        which criterion
 * @param participant credit code for a criterion checked against one participant's column, null for an
 *                    institution-wide criterion
 * @param required    the bound: a Number, Boolean or String
 * @param actual      the fact compared with it: a Number, Boolean or String; null when the fact is missing
 * @param met         whether the criterion holds
 */
public record Criterion(CriterionCode code, String participant, Object required, Object actual, boolean met) {
}
