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
 * @param unit        the unit of required and actual ({@link CriterionCode#unit()}), null for yes/no and text
 * @param total       JOINT amounts: the participants' total that {@code actual} shares out, else null
 * @param sharedBy    JOINT amounts: the number of participants the total is shared by
 *                    ({@code actual = total / sharedBy}, compared exactly), else null
 */
public record Criterion(CriterionCode code, String participant, Object required, Object actual, boolean met,
                        String unit, java.math.BigDecimal total, Integer sharedBy) {
    public Criterion(CriterionCode code, String participant, Object required, Object actual, boolean met) {
        this(code, participant, required, actual, met, code == null ? null : code.unit(), null, null);
    }
}
